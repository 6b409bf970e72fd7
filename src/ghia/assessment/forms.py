"""Forms of the assessment workspace, built from the assessment's instrument so that its
questions, scales and codes are those of the version the assessment uses."""

from __future__ import annotations

from django import forms
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ghia.assessment.instrument import RATINGS, Instrument
from ghia.assessment.models import Direction, FocusGroup
from ghia.assessment.texts import tr
from ghia.catalog.bilingual import Bilingual, BilingualFormField
from ghia.catalog.models import AccessLevel, Frequency

NOT_ANSWERED = ("", _("not answered"))


def _in_active_language(text) -> str:
    return tr(text, (get_language() or "ka")[:2])


# An instrument text as a label that follows the active language. (A dict would not do:
# Django reads a mapping among choices as a group of options.)
label = lazy(_in_active_language, str)


def field_name(code: str) -> str:
    return code.replace(".", "__")


def _choices(items: dict) -> list:
    return [NOT_ANSWERED] + [(str(value), label(text)) for value, text in items.items()]


def _value(raw: str) -> int | None:
    return int(raw) if raw not in (None, "") else None


class ReadinessForm(forms.Form):
    """The questions of one dimension, with a note each, and the instrument's evidence items."""

    def __init__(
        self,
        *args,
        instrument: Instrument,
        dimension,
        answers: dict,
        notes: dict,
        ticked: set,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.dimension = dimension
        scale = _choices(instrument.scale)
        for q in dimension.questions:
            name = field_name(q.code)
            value = answers.get(q.code)
            self.fields[name] = forms.ChoiceField(
                label=label(q.text), choices=scale, required=False, widget=forms.RadioSelect,
                initial="" if value is None else str(value),
            )  # fmt: skip
            self.fields[f"{name}__note"] = forms.CharField(
                label=_("note or source"), required=False, initial=notes.get(q.code, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip
        self.fields["evidence"] = forms.MultipleChoiceField(
            label=_("Evidence observed"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[
                (e.code, format_lazy("{} {}", "+" if e.direction == "+" else "−", label(e.text)))
                for e in dimension.evidence
            ],
            initial=sorted(ticked & {e.code for e in dimension.evidence}),
        )

    def question_rows(self):
        """(answer field, note field) per question, for the template."""
        return [
            (self[field_name(q.code)], self[f"{field_name(q.code)}__note"])
            for q in self.dimension.questions
        ]

    def answers(self) -> dict[str, tuple[int | None, str]]:
        data = self.cleaned_data
        return {
            q.code: (_value(data[field_name(q.code)]), data[f"{field_name(q.code)}__note"])
            for q in self.dimension.questions
        }


class EvidenceForm(forms.Form):
    direction = forms.ChoiceField(label=_("direction"), choices=Direction.choices)
    text = BilingualFormField(label=_("evidence"), textarea=True)
    significant = forms.BooleanField(label=_("a significant obstacle on its own"), required=False)
    source = forms.CharField(label=_("source"), max_length=300, required=False)


class OverrideForm(forms.Form):
    rating = forms.ChoiceField(
        label=_("rating"),
        required=False,
        choices=[("", _("as the rubric proposes"))] + [(r, r) for r in RATINGS],
    )
    reason = BilingualFormField(label=_("reason"), textarea=True, required=False)

    def clean(self):
        data = super().clean()
        if data.get("rating") and not any(Bilingual(data.get("reason")).values()):
            self.add_error("reason", _("Write why the rating differs from the rubric's."))
        return data


class MaturityForm(forms.Form):
    def __init__(self, *args, instrument: Instrument, answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for theme in instrument.maturity_themes:
            for activity in theme.activities:
                for q in activity.questions:
                    value = answers.get(q.code)
                    self.fields[field_name(q.code)] = forms.ChoiceField(
                        label=label(q.text),
                        required=False,
                        widget=forms.RadioSelect,
                        choices=[NOT_ANSWERED]
                        + [(str(n), label(s)) for n, s in enumerate(q.statements, 1)],
                        initial="" if value is None else str(value),
                    )

    def answers(self) -> dict[str, tuple[int | None, str]]:
        return {
            code: (_value(self.cleaned_data[field_name(code)]), "")
            for code in self.instrument.maturity_questions
        }


class ConclusionsForm(forms.Form):
    conclusions = BilingualFormField(
        label=_("conclusions and priorities"), textarea=True, required=False
    )


class InventoryEntryForm(forms.Form):
    """One dataset of a service's inventory: catalogue facts and the survey's own questions."""

    title = BilingualFormField(label=_("title"), max_length=250)
    kind = forms.ChoiceField(label=_("kind of data"))
    owner = forms.CharField(label=_("owner (unit or position)"), max_length=200, required=False)
    exists = forms.BooleanField(label=_("the data exists"), required=False, initial=True)
    digital = forms.BooleanField(label=_("held in digital form"), required=False, initial=True)
    current_format = forms.CharField(label=_("current format"), max_length=100, required=False)
    source_system = forms.CharField(label=_("source system"), max_length=200, required=False)
    frequency = forms.ModelChoiceField(
        label=_("update frequency"), queryset=Frequency.objects.all(), required=False
    )
    years_of_history = forms.IntegerField(
        label=_("years of history"), min_value=0, max_value=300, required=False
    )
    personal_data = forms.BooleanField(label=_("contains personal data"), required=False)
    access_level = forms.ChoiceField(
        label=_("access level"), choices=AccessLevel.choices, initial=AccessLevel.PUBLIC
    )
    access_reason = BilingualFormField(
        label=_("legal reason for restricting access"), textarea=True, required=False
    )
    value = forms.ChoiceField(label=_("value"), required=False)
    demand = forms.ChoiceField(label=_("demand"), required=False)
    effort = forms.ChoiceField(label=_("effort to publish"), required=False)
    notes = forms.CharField(
        label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    # Help texts are the instrument's own questions.
    _QUESTIONS = {
        "owner": "owner", "exists": "exists", "digital": "digital", "current_format": "format",
        "frequency": "frequency", "years_of_history": "history", "personal_data": "personal_data",
        "access_reason": "restriction", "value": "value", "demand": "demand", "effort": "effort",
    }  # fmt: skip

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (code, label(text)) for code, text in instrument.kinds.items()
        ]
        for name in ("value", "demand", "effort"):
            self.fields[name].choices = _choices(instrument.inventory_scale(name))
        for name, code in self._QUESTIONS.items():
            self.fields[name].help_text = label(instrument.inventory_question(code))

    def clean(self):
        data = super().clean()
        if data.get("access_level") not in (None, AccessLevel.PUBLIC) and not any(
            Bilingual(data.get("access_reason")).values()
        ):
            self.add_error("access_reason", _("Give the legal reason for restricting access."))
        for name in ("value", "demand", "effort"):
            data[name] = _value(data.get(name))
        return data

    @classmethod
    def initial_for(cls, dataset, entry) -> dict:
        initial = {}
        if dataset is not None:
            initial |= {
                "title": dataset.title, "exists": dataset.exists, "digital": dataset.digital,
                "current_format": dataset.current_format, "source_system": dataset.source_system,
                "frequency": dataset.frequency, "personal_data": dataset.personal_data,
                "access_level": dataset.access_level, "access_reason": dataset.access_reason,
            }  # fmt: skip
        if entry is not None:
            initial |= {
                "kind": entry.kind, "owner": entry.owner, "years_of_history": entry.years_of_history,
                "notes": entry.notes,
            }  # fmt: skip
            initial |= {
                n: "" if getattr(entry, n) is None else str(getattr(entry, n))
                for n in ("value", "demand", "effort")
            }
        return initial


class SessionForm(forms.ModelForm):
    class Meta:
        model = FocusGroup
        fields = ["kind", "title", "held_on", "place", "stakeholder_group", "questions", "notes"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "questions": forms.Textarea(attrs={"rows": 6}),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        groups = [(code, label(text)) for code, text in instrument.stakeholder_groups.items()]
        self.fields["stakeholder_group"] = forms.ChoiceField(
            label=_("stakeholder group"), choices=groups
        )
        if not self.instance.pk and not self.initial.get("questions"):
            guide = instrument.focus_guide
            self.initial["questions"] = "\n".join(
                _in_active_language(q) for part in guide.values() for q in part
            )


class ParticipationForm(forms.Form):
    group = forms.ChoiceField(label=_("group"))
    women = forms.IntegerField(label=_("women"), min_value=0, max_value=1000, initial=0)
    men = forms.IntegerField(label=_("men"), min_value=0, max_value=1000, initial=0)
    other = forms.IntegerField(
        label=_("other or not stated"), min_value=0, max_value=1000, initial=0
    )

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [
            (c, label(text)) for c, text in instrument.stakeholder_groups.items()
        ]


class FindingForm(forms.Form):
    dimension = forms.ChoiceField(label=_("dimension"))
    direction = forms.ChoiceField(label=_("direction"), choices=Direction.choices)
    text = BilingualFormField(label=_("finding"), textarea=True, required=False)

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].choices = [(d.code, label(d.title)) for d in instrument.dimensions]


ParticipationFormSet = forms.formset_factory(ParticipationForm, extra=2)
FindingFormSet = forms.formset_factory(FindingForm, extra=3)
