import json

from django import forms
from django.utils.translation import gettext_lazy as _

from ghia.preparation.models import PersonalDataDecision
from ghia.preparation.schemas import TYPES


class StepForm(forms.Form):
    """One clean step, as the repair buttons send it (JSON in a hidden field)."""

    step = forms.CharField(widget=forms.HiddenInput, max_length=2000)

    def clean_step(self):
        try:
            step = json.loads(self.cleaned_data["step"])
        except ValueError as error:
            raise forms.ValidationError(_("The repair could not be read.")) from error
        if not isinstance(step, dict) or not isinstance(step.get("step"), str):
            raise forms.ValidationError(_("The repair could not be read."))
        return step


class ColumnStepForm(forms.Form):
    """A repair a person chooses: over the whole table, or on one column."""

    ACTIONS = [
        ("trim", _("trim spaces")),
        ("normalize_unicode", _("normalise Unicode (NFC)")),
        ("drop_blank_rows", _("drop empty rows")),
        ("drop_totals", _("drop totals rows")),
        ("convert_legacy", _("convert legacy-font text (AcadNusx) in the column")),
        ("mask", _("mask the column's values")),
        ("drop_column", _("drop the column")),
    ]
    ON_COLUMN = ("convert_legacy", "mask", "drop_column")

    action = forms.ChoiceField(label=_("Repair"), choices=ACTIONS)
    field = forms.ChoiceField(label=_("Column"), required=False)

    def __init__(self, *args, fields=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [("", _("the whole table")), *((f, f) for f in fields)]

    def clean(self):
        data = super().clean()
        action, column = data.get("action"), data.get("field")
        if action in self.ON_COLUMN and not column:
            self.add_error("field", _("Choose the column."))
        return data

    def as_step(self) -> dict:
        action, column = self.cleaned_data["action"], self.cleaned_data.get("field")
        step = {"step": action}
        if action == "mask":
            step["method"] = "redact"
        if column:
            step["field"] = column
        return step


class UndoForm(forms.Form):
    index = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class SchemaFieldForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    type = forms.ChoiceField(label=_("type"), choices=[(t, t) for t in TYPES])
    format = forms.CharField(label=_("format"), max_length=100, required=False)
    required = forms.BooleanField(label=_("required"), required=False)
    unique = forms.BooleanField(label=_("unique"), required=False)


SchemaFormSet = forms.formset_factory(SchemaFieldForm, extra=0, max_num=5000, absolute_max=5000)


def schema_initial(descriptor: dict) -> list[dict]:
    rows = []
    for field in descriptor.get("fields") or []:
        constraints = field.get("constraints") or {}
        rows.append({
            "name": field.get("name", ""), "type": field.get("type", "any"), "format": field.get("format", ""),
            "required": bool(constraints.get("required")), "unique": bool(constraints.get("unique")),
        })  # fmt: skip
    return rows


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"), choices=PersonalDataDecision.Decision.choices, widget=forms.RadioSelect
    )
    legal_basis = forms.CharField(
        label=_("legal basis"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the personal data is published: the law and article that allow it."),
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if (
            data.get("decision") == PersonalDataDecision.Decision.PUBLISH
            and not (data.get("legal_basis") or "").strip()
        ):
            self.add_error("legal_basis", _("State the legal basis for publishing personal data."))
        return data
