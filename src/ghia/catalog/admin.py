from django.contrib import admin

from ghia.catalog import models


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


class VersionInline(admin.TabularInline):
    model = models.DataVersion
    fields = ("number", "filename", "size", "sha256", "source", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(models.Dataset)
class DatasetAdmin(admin.ModelAdmin):
    list_display = ("slug", "title", "municipality", "service", "status", "modified")
    list_filter = ("municipality", "status", "theme", "licence")
    search_fields = ("search_text",)
    readonly_fields = ("id", "slug", "status", "published_at")
    inlines = [VersionInline]


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
