from django import forms
from django.utils.translation import gettext_lazy as _

from ghia.catalog import permissions
from ghia.catalog.models import Dataset
from ghia.catalog.services import EDITABLE_FIELDS


class DatasetForm(forms.ModelForm):
    class Meta:
        model = Dataset
        fields = EDITABLE_FIELDS
        widgets = {
            "temporal_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "temporal_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        services = permissions.editable_services(user).select_related("municipality")
        if not self.instance._state.adding:
            services = services.filter(municipality=self.instance.municipality)
        self.fields["service"].queryset = services

    def clean(self):
        data = super().clean()
        reason = data.get("access_reason")
        if data.get("access_level") not in (None, "public") and not (reason and any(reason.values())):
            self.add_error("access_reason", _("Give the legal reason why access is restricted."))
        start, end = data.get("temporal_start"), data.get("temporal_end")
        if start and end and start > end:
            self.add_error("temporal_end", _("The end of the period is before its start."))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class TransitionForm(forms.Form):
    to = forms.CharField()
    note = forms.CharField(required=False, max_length=500)
