"""Request-wide policies: security headers, upload size, and Georgian as the default language."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response


class UploadLimitMiddleware:
    """Refuse a request body over the upload limit before Django reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.GHIA_MAX_UPLOAD_BYTES
        if length > limit + 64 * 1024:
            translation.activate(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or settings.LANGUAGE_CODE)
            body = render_to_string("web/too_large.html", {"limit": limit}, request=None)
            return HttpResponse(body, status=413)
        return self.get_response(request)


class LanguageMiddleware:
    """The language is the visitor's choice (a cookie set by the switch), Georgian otherwise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        codes = {code for code, _name in settings.LANGUAGES}
        lang = request.GET.get("lang") or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        lang = lang if lang in codes else settings.LANGUAGE_CODE
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", lang)
        return response
