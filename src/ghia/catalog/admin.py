from django.contrib import admin

from ghia.catalog import models, services


@admin.register(models.Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "base_uri", "portal_id")


@admin.register(models.Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "municipality")
    list_filter = ("municipality",)


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "municipality")
    list_filter = ("role", "municipality")
    filter_horizontal = ("services",)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        membership = form.instance
        services.grant_role(membership.user, membership.role, membership.municipality, membership.services.all())


class VersionInline(admin.TabularInline):
    model = models.DataVersion
    fields = ("number", "filename", "size", "sha256", "source", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(models.Dataset)
class DatasetAdmin(admin.ModelAdmin):
    """Read-only here: datasets change in the workspace, where slugs, search and audit follow."""

    list_display = ("slug", "title", "municipality", "service", "status", "modified")
    list_filter = ("municipality", "status", "theme", "licence")
    search_fields = ("search_text",)
    inlines = [VersionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "action", "object_type", "summary")
    list_filter = ("action", "municipality")
    readonly_fields = [f.name for f in models.AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


for model in (models.Licence, models.Format, models.Theme, models.Frequency):
    admin.site.register(model)
