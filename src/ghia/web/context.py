from ghia.catalog import permissions


def ghia(request):
    user = getattr(request, "user", None)
    return {"is_staff_member": bool(user) and permissions.is_staff_member(user)}
