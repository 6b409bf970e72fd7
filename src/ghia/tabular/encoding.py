"""Text encoding of a delimited file, decided from its first bytes.

Municipal files come as UTF-8 (with or without a byte-order mark), UTF-16 from "Unicode
text" exports of Excel, Windows-1251 from Russian-era systems and Windows-1252 from
Western software. A BOM decides at once; UTF-16 without a BOM shows as NUL bytes on
every other position; UTF-8 is tried strictly; otherwise the single-byte code page whose
letters make more sense wins.
"""

import codecs
import re

# Python's "utf-16" codec reads the byte-order mark and the byte order from it.
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Cyrillic text in Windows-1251 is mostly bytes 0xC0-0xFF in runs (whole words), while
# Western text in Windows-1252 has accented letters alone among ASCII letters.
_HIGH_RUN = re.compile(rb"[\xc0-\xff]{3,}")
_HIGH = re.compile(rb"[\x80-\xff]")


def bom_length(encoding: str) -> int:
    """Bytes to skip before decoding (the "utf-16" codec consumes its own mark)."""
    return 3 if encoding == "utf-8-sig" else 0


def detect_encoding(sample: bytes) -> str:
    """The Python codec name for the text of which ``sample`` is the beginning.

    Returns "utf-8" also for files that merely start as UTF-8; a later invalid byte is
    handled by the reader, which reports mixed encodings.
    """
    for bom, name in BOMS:
        if sample.startswith(bom):
            return name
    utf16 = utf16_without_bom(sample)
    if utf16:
        return utf16
    if _is_utf8(sample):
        return "utf-8"
    if _has_utf8_sequences(sample):
        # Valid multi-byte UTF-8 next to invalid bytes: a file pasted together from
        # several sources. Reading it as UTF-8 keeps the valid part.
        return "utf-8"
    high = len(_HIGH.findall(sample))
    in_runs = sum(len(m) for m in _HIGH_RUN.findall(sample))
    return "cp1251" if high and in_runs / high > 0.5 else "cp1252"


def utf16_without_bom(sample: bytes) -> str | None:
    head = sample[:4096]
    if len(head) < 4:
        return None
    even_nuls = head[0::2].count(0) / (len(head) / 2)
    odd_nuls = head[1::2].count(0) / (len(head) / 2)
    # ASCII-heavy UTF-16 has a zero in nearly every high byte; Georgian UTF-16 (U+10xx)
    # has 0x10 there instead, so look for that too.
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    odd_ge = head[1::2].count(0x10) / (len(head) / 2)
    even_ge = head[0::2].count(0x10) / (len(head) / 2)
    if odd_ge + odd_nuls > 0.8 and even_nuls < 0.05:
        return "utf-16-le"
    if even_ge + even_nuls > 0.8 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _is_utf8(sample: bytes) -> bool:
    # The sample may end inside a multi-byte character: allow an incomplete tail.
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _has_utf8_sequences(sample: bytes) -> bool:
    valid = 0
    for match in _UTF8_MULTIBYTE.finditer(sample):
        try:
            match.group().decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            continue
        if valid >= 3:
            return True
    return False


def display_name(encoding: str) -> str:
    """The name people know an encoding by (UTF-8 with BOM, Windows-1251, ...)."""
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": "UTF-8 (BOM)",
        "utf-16": "UTF-16",
        "utf-16-le": "UTF-16LE",
        "utf-16-be": "UTF-16BE",
        "cp1251": "Windows-1251",
        "cp1252": "Windows-1252",
    }.get(encoding, encoding)
