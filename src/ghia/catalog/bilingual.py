"""One mechanism for every human-readable field: a value holding Georgian and English.

Stored as JSON {"ka": ..., "en": ...}. ``str()`` gives the active language and falls back
to the other one, so a missing translation still shows something; ``missing`` lists the
languages left empty, which count against metadata quality.
"""

from __future__ import annotations

import json

from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGS = ("ka", "en")


class Bilingual(dict):
    def __init__(self, value=None, **kwargs):
        if isinstance(value, str):
            value = {"ka": value}
        super().__init__(value or {}, **kwargs)

    def get_text(self, lang: str | None = None) -> str:
        lang = (lang or get_language() or "ka")[:2]
        return self.get(lang) or self.get("ka") or self.get("en") or ""

    def is_fallback(self, lang: str | None = None) -> bool:
        """True when the active language is empty and another language is shown."""
        lang = (lang or get_language() or "ka")[:2]
        return not self.get(lang) and bool(self.get_text(lang))

    @property
    def missing(self) -> list[str]:
        return [lang for lang in LANGS if not (self.get(lang) or "").strip()]

    def joined(self) -> str:
        return " ".join(self.get(lang) or "" for lang in LANGS)

    def __str__(self) -> str:
        return self.get_text()


class _UnicodeJSONEncoder(DjangoJSONEncoder):
    # Georgian stays readable in the database (and searchable with LIKE on SQLite).
    def __init__(self, *args, **kwargs):
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


class BilingualWidget(forms.MultiWidget):
    template_name = "web/widgets/bilingual.html"

    def __init__(self, textarea: bool = False, attrs=None):
        inner = forms.Textarea(attrs={"rows": 4}) if textarea else forms.TextInput()
        widgets = {"ka": inner, "en": inner.__class__(attrs=inner.attrs)}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = Bilingual(value)
        return [value.get("ka", ""), value.get("en", "")]


class BilingualFormField(forms.MultiValueField):
    def __init__(self, *, textarea: bool = False, max_length: int | None = None, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        fields = (forms.CharField(required=False, max_length=max_length),) * 2
        kwargs.setdefault("widget", BilingualWidget(textarea=textarea))
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        ka, en = (list(data_list or []) + ["", ""])[:2]
        return Bilingual({"ka": (ka or "").strip(), "en": (en or "").strip()})

    def validate(self, value):
        if self.required and not any(Bilingual(value).values()):
            raise forms.ValidationError(self.error_messages["required"], code="required")


class _BilingualDescriptor:
    """Whatever is assigned (dict, str, None) reads back as a Bilingual."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance.__dict__.get(self.name)

    def __set__(self, instance, value):
        instance.__dict__[self.name] = value if isinstance(value, Bilingual) else Bilingual(value)


class BilingualField(models.JSONField):
    description = _("Text in Georgian and English")

    def __init__(self, *args, textarea: bool = False, max_length: int | None = None, **kwargs):
        self.textarea = textarea
        self.text_max_length = max_length
        kwargs.setdefault("default", dict)
        kwargs["encoder"] = _UnicodeJSONEncoder
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("encoder", None)
        if self.textarea:
            kwargs["textarea"] = True
        if self.text_max_length:
            kwargs["max_length"] = self.text_max_length
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, private_only=False):
        super().contribute_to_class(cls, name, private_only)
        setattr(cls, self.attname, _BilingualDescriptor(self.attname))

    def from_db_value(self, value, expression, connection):
        value = super().from_db_value(value, expression, connection)
        return Bilingual(value) if isinstance(value, dict | str) or value is None else value

    def to_python(self, value):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                value = {"ka": value}
        return Bilingual(value)

    def get_prep_value(self, value):
        if isinstance(value, dict):
            value = {lang: (value.get(lang) or "") for lang in LANGS}
        return super().get_prep_value(value)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not self.blank and not any(Bilingual(value).values()):
            raise forms.ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return BilingualFormField(
            textarea=self.textarea,
            max_length=self.text_max_length,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )
