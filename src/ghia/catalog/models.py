"""The catalogue's data model. Business rules live in services.py, workflow.py and
permissions.py; these classes hold data and small derived properties only."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ghia.catalog.bilingual import BilingualField


class Municipality(models.Model):
    slug = models.SlugField(_("slug"), unique=True, max_length=60)
    name = BilingualField(_("name"))
    website = models.URLField(_("website"), blank=True)
    base_uri = models.URLField(
        _("base URI"),
        help_text=_("Root of the persistent identifiers, for example https://data.kutaisi.gov.ge"),
    )
    portal_id = models.CharField(_("identifier on the national portal"), max_length=100, blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return str(self.name)


class Service(models.Model):
    """A department (სამსახური) of the mayor's office."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="services")
    code = models.SlugField(_("code"), max_length=60)
    name = BilingualField(_("name"))
    email = models.EmailField(_("contact e-mail"), blank=True)

    class Meta:
        ordering = ["municipality__slug", "code"]
        constraints = [models.UniqueConstraint(fields=["municipality", "code"], name="service_code_unique")]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return str(self.name)


class Role(models.TextChoices):
    VIEWER = "viewer", _("viewer")
    EDITOR = "editor", _("data editor")
    COORDINATOR = "coordinator", _("coordinator")
    ADMINISTRATOR = "administrator", _("administrator")


class Membership(models.Model):
    """A person's role: in a municipality (viewer, editor of some services, coordinator) or,
    with no municipality, administrator of the whole instance."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, null=True, blank=True, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    services = models.ManyToManyField(Service, blank=True, verbose_name=_("services"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality", "role"], name="membership_unique"),
            models.CheckConstraint(
                condition=models.Q(role="administrator", municipality__isnull=True)
                | (~models.Q(role="administrator") & models.Q(municipality__isnull=False)),
                name="membership_scope",
            ),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.municipality or '*'}"


class Licence(models.Model):
    id = models.CharField(max_length=40, primary_key=True)
    title = BilingualField(_("title"))
    url = models.URLField(blank=True)
    uri = models.URLField(blank=True)
    is_open = models.BooleanField(_("open"), default=False)
    recommended = models.BooleanField(default=False)

    class Meta:
        ordering = ["-recommended", "id"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self) -> str:
        return str(self.title)


class Format(models.Model):
    id = models.CharField(max_length=40, primary_key=True)
    title = BilingualField(_("title"))
    media_type = models.CharField(max_length=120, blank=True)
    extensions = models.JSONField(default=list)
    stars = models.PositiveSmallIntegerField(default=1)
    is_open = models.BooleanField(default=False)
    machine_readable = models.BooleanField(default=False)
    eu_uri = models.URLField(blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("format")
        verbose_name_plural = _("formats")

    def __str__(self) -> str:
        return self.id


class Theme(models.Model):
    code = models.CharField(max_length=10, primary_key=True)
    uri = models.URLField()
    label = BilingualField(_("label"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return str(self.label)


class Frequency(models.Model):
    code = models.CharField(max_length=20, primary_key=True)
    uri = models.URLField()
    label = BilingualField(_("label"))
    days = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["days", "code"]
        verbose_name = _("update frequency")
        verbose_name_plural = _("update frequencies")

    def __str__(self) -> str:
        return str(self.label)


class Status(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("dataset status", "planned")
    IN_PREPARATION = "in_preparation", pgettext_lazy("dataset status", "in preparation")
    IN_REVIEW = "in_review", pgettext_lazy("dataset status", "in review")
    PUBLISHED = "published", pgettext_lazy("dataset status", "published")
    WITHDRAWN = "withdrawn", pgettext_lazy("dataset status", "withdrawn")


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("public")
    RESTRICTED = "restricted", _("restricted")
    NON_PUBLIC = "non_public", _("not public")


class Priority(models.IntegerChoices):
    HIGH = 1, _("high")
    MEDIUM = 2, _("medium")
    LOW = 3, _("low")


class Dataset(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="datasets")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="datasets", verbose_name=_("service"))
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=False)
    title = BilingualField(_("title"), max_length=250)
    description = BilingualField(_("description"), textarea=True, blank=True)
    keywords = BilingualField(_("keywords"), blank=True, help_text=_("Separated by commas"))
    contact_name = models.CharField(_("contact point"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("theme"))
    licence = models.ForeignKey(Licence, on_delete=models.PROTECT, default="CC-BY-4.0", verbose_name=_("licence"))
    access_level = models.CharField(_("access level"), max_length=20, choices=AccessLevel.choices, default=AccessLevel.PUBLIC)
    access_reason = BilingualField(
        _("legal reason for restricting access"), textarea=True, blank=True
    )
    frequency = models.ForeignKey(
        Frequency, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("update frequency")
    )
    temporal_start = models.DateField(_("covers from"), null=True, blank=True)
    temporal_end = models.DateField(_("covers until"), null=True, blank=True)
    spatial = BilingualField(_("spatial coverage"), blank=True)
    # Inventory facts: what the office holds today, before anything is published.
    exists = models.BooleanField(_("the data exists"), default=True)
    digital = models.BooleanField(_("held in digital form"), default=True)
    source_system = models.CharField(_("source system"), max_length=200, blank=True)
    current_format = models.CharField(_("current format"), max_length=100, blank=True)
    personal_data = models.BooleanField(_("contains personal data"), default=False)
    priority = models.PositiveSmallIntegerField(_("priority for publication"), choices=Priority.choices, default=Priority.MEDIUM)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Lower-cased Georgian, English and romanized text for search that works alike on SQLite and PostgreSQL.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["municipality__slug", "slug"]
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"], name="dataset_slug_unique")]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["municipality", "status"])]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self) -> str:
        return str(self.title)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def keyword_list(self, lang: str | None = None) -> list[str]:
        return [k.strip() for k in self.keywords.get_text(lang).split(",") if k.strip()]

    @property
    def current_version(self) -> DataVersion | None:
        return self.versions.order_by("-number").first()


class DatasetSlug(models.Model):
    """A slug a dataset had before it was renamed; old links redirect to the current one."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="old_slugs")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    slug = models.SlugField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"], name="old_slug_unique")]


class StatusChange(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]


class DataVersion(models.Model):
    """An uploaded or derived file. Immutable: content-addressed by sha256 in storage."""

    class Source(models.TextChoices):
        UPLOAD = "upload", _("upload")
        CLEAN = "clean", _("cleaned")
        IMPORT = "import", _("import")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    storage_name = models.CharField(max_length=200, editable=False)
    filename = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField()
    media_type = models.CharField(max_length=120, blank=True)
    format = models.ForeignKey(Format, on_delete=models.PROTECT, null=True, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.UPLOAD)
    derived_from = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True)
    provenance = models.JSONField(default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["dataset", "-number"]
        constraints = [models.UniqueConstraint(fields=["dataset", "number"], name="version_number_unique")]
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.dataset} v{self.number}"


class Distribution(models.Model):
    """A way to get the dataset: a file of a version in some format, or a link elsewhere."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="distributions")
    version = models.ForeignKey(DataVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="distributions")
    title = BilingualField(_("title"), blank=True)
    format = models.ForeignKey(Format, on_delete=models.PROTECT, null=True, blank=True)
    media_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    url = models.URLField(_("external URL"), blank=True, help_text=_("Only for data held elsewhere"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["dataset", "created"]
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")

    def __str__(self) -> str:
        return f"{self.dataset} · {self.format_id or self.media_type}"


class AuditEntry(models.Model):
    ACTIONS = {
        "create": _("created"),
        "update": _("changed"),
        "upload": _("uploaded a file"),
        "transition": _("changed the status"),
    }

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.SET_NULL, null=True, blank=True)
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64)
    summary = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    @property
    def action_label(self) -> str:
        return str(self.ACTIONS.get(self.action, self.action))
