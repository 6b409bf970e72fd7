"""Content negotiation: which representation of a document a client's Accept header asks for."""

from __future__ import annotations

from ghia.publishing.uris import REPRESENTATIONS

# Media types clients send for the same representation.
ALIASES = {
    "application/x-turtle": "ttl",
    "application/turtle": "ttl",
    "application/xml": "rdf",
    "text/xml": "rdf",
    "application/json": "jsonld",
    "application/xhtml+xml": "html",
}
BY_MEDIA_TYPE = {media_type: ext for ext, (media_type, _) in REPRESENTATIONS.items()} | ALIASES
DEFAULT = "html"


def _ranges(accept: str) -> list[tuple[float, int, str]]:
    ranges = []
    for position, part in enumerate(accept.split(",")):
        media_type, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media_type:
            ranges.append((quality, -position, media_type.lower()))
    return ranges


def choose(accept: str | None) -> str | None:
    """The extension of the best representation, the default for */* or no header, and None
    when the client accepts none of them (406)."""
    if not accept or not accept.strip():
        return DEFAULT
    best: tuple[float, int, int] | None = None
    chosen = None
    order = list(REPRESENTATIONS)
    for quality, position, media_type in _ranges(accept):
        if quality <= 0:
            continue
        if media_type in BY_MEDIA_TYPE:
            candidates = [BY_MEDIA_TYPE[media_type]]
            specificity = 2
        elif media_type in ("*/*", "text/*", "application/*"):
            major = media_type.split("/")[0]
            candidates = [
                ext
                for ext in order
                if major == "*" or REPRESENTATIONS[ext][0].startswith(major + "/")
            ]
            specificity = 0 if major == "*" else 1
        else:
            continue
        # HTML first among equals, so a browser's */* gets the page.
        key = (quality, specificity, position)
        if candidates and (best is None or key > best):
            best, chosen = key, candidates[0]
    return chosen
