"""Georgian text: national romanization (2002), URL slugs, and how Georgian a text is."""

import re
import unicodedata

# The official romanization marks ejectives with U+2019 (right single quotation mark).
EJECTIVE_MARK = "\u2019"

_ROMAN = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t",
    "ი": "i", "კ": "k" + EJECTIVE_MARK, "ლ": "l", "მ": "m", "ნ": "n", "ო": "o",
    "პ": "p" + EJECTIVE_MARK, "ჟ": "zh", "რ": "r", "ს": "s", "ტ": "t" + EJECTIVE_MARK,
    "უ": "u", "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q" + EJECTIVE_MARK, "შ": "sh", "ჩ": "ch",
    "ც": "ts", "ძ": "dz", "წ": "ts" + EJECTIVE_MARK, "ჭ": "ch" + EJECTIVE_MARK, "ხ": "kh",
    "ჯ": "j", "ჰ": "h",
}

# Mtavruli capitals (U+1C90..U+1CBF) sit exactly 0xFC0 above their Mkhedruli letters.
_MTAVRULI_OFFSET = 0x1C90 - 0x10D0
_TABLE = {ord(ka): latin for ka, latin in _ROMAN.items()}
_TABLE.update({ord(ka) + _MTAVRULI_OFFSET: latin for ka, latin in _ROMAN.items()})

# Mkhedruli, Mtavruli, Asomtavruli and Nuskhuri blocks.
_GEORGIAN_RANGES = ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F))

_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02bb`\u00b4]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def romanize(text: str) -> str:
    """Romanize Georgian letters by the 2002 national system; leave other characters as they are.

    Mtavruli capitals read as their Mkhedruli letters. The archaic letters (ჱ ჲ ჳ ჴ ჵ) are
    outside the 2002 table and stay as they are.
    """
    return text.translate(_TABLE)


def slugify(text: str, max_length: int = 80) -> str:
    """Return a lowercase ASCII slug of ``text`` (Georgian romanized first), at most ``max_length`` long.

    The slug is cut at a hyphen when one falls within the limit, so words stay whole.
    An empty string means nothing usable was left; the caller decides what to do then.
    """
    latin = _APOSTROPHES.sub("", romanize(text))
    # Decompose accented Latin letters (é -> e + accent) and keep the ASCII part.
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    boundary = cut.rfind("-")
    slug = cut[:boundary] if boundary > 0 else slug[:max_length]
    return slug.strip("-")


def is_georgian_letter(char: str) -> bool:
    """True for a letter of any Georgian script (Mkhedruli, Mtavruli, Asomtavruli, Nuskhuri)."""
    code = ord(char)
    return char.isalpha() and any(lo <= code <= hi for lo, hi in _GEORGIAN_RANGES)


def georgian_share(text: str) -> float:
    """Share of the letters of ``text`` that are Georgian script (0.0 when it has no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_georgian_letter(c)) / len(letters)
