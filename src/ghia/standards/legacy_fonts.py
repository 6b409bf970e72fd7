"""Georgian typed as Latin letters in pre-Unicode fonts (AcadNusx and its kin).

Before Unicode, Georgian was typed on a Latin keyboard and shown through a font whose
Latin glyph slots hold Georgian letters. The file stores ``saqarTvelos``; the reader saw
საქართველოს. The mapping is case-sensitive: seven capitals (T W R S C Z J) are letters of
their own. Spreadsheets keep the font name per cell, so ``is_legacy_font`` decides there;
a CSV has no fonts, so ``legacy_confidence`` judges a column by its letter statistics.
"""

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path

# Fonts whose Latin slots hold Georgian letters in the keyboard layout below, compared
# without case, spaces, hyphens or underscores. AcadNusx ("academic nuskhuri" style) and
# AcadMtavr (its capital-looking companion) are the fonts of Georgian academic and
# government typing of the 1990s-2000s; LitNusx and LitMtavr ("literary") are the same
# layout in another design; "Acad Nusx Geo" is a later release name of AcadNusx.
LEGACY_FONTS = frozenset(
    {
        "acadnusx",
        "acadmtavr",
        "acadnusxgeo",
        "litnusx",
        "litmtavr",
    }
)

_LATIN_TO_GEORGIAN = {
    "a": "ა", "b": "ბ", "g": "გ", "d": "დ", "e": "ე", "v": "ვ", "z": "ზ", "T": "თ",
    "i": "ი", "k": "კ", "l": "ლ", "m": "მ", "n": "ნ", "o": "ო", "p": "პ", "J": "ჟ",
    "r": "რ", "s": "ს", "t": "ტ", "u": "უ", "f": "ფ", "q": "ქ", "R": "ღ", "y": "ყ",
    "S": "შ", "C": "ჩ", "c": "ც", "Z": "ძ", "w": "წ", "W": "ჭ", "x": "ხ", "j": "ჯ",
    "h": "ჰ",
}
_TO_UNICODE = str.maketrans(_LATIN_TO_GEORGIAN)
_TO_LEGACY = str.maketrans({ka: latin for latin, ka in _LATIN_TO_GEORGIAN.items()})
_FONT_NAME_NOISE = re.compile(r"[\s_\-]+")


def is_legacy_font(name: str | None) -> bool:
    """True when a font name (as a spreadsheet cell stores it) is a Latin-typed Georgian font."""
    if not name:
        return False
    return _FONT_NAME_NOISE.sub("", name).lower() in LEGACY_FONTS


def to_unicode(text: str) -> str:
    """Convert legacy-font text to Unicode Georgian; characters outside the layout stay."""
    return text.translate(_TO_UNICODE)


def to_legacy(text: str) -> str:
    """Write Unicode Georgian as a legacy font stores it (the inverse of ``to_unicode``)."""
    return text.translate(_TO_LEGACY)


# --- Detection -------------------------------------------------------------------------
# Two character-trigram models score each Latin word: one of Georgian as a legacy font
# stores it (built from a Georgian text in data/), one of the ordinary Latin text found in
# the same spreadsheets. Their log-likelihood ratio says which wrote the word.

_DATA = Path(__file__).with_name("data")
_WORD = re.compile(r"[A-Za-z]+")
_ADDRESS = re.compile(r"\S+@\S+|\w+://\S+|www\.\S+", re.IGNORECASE)
_START, _END = "^", "$"
# Legacy text is rare among all the Latin text a municipality holds: a word must earn it.
_PRIOR_LOG_ODDS = -2.0
_MAX_VALUES = 1000


class _TrigramModel:
    """Character trigrams of words, interpolated with bigrams and add-one unigrams."""

    _WEIGHTS = (0.6, 0.3, 0.1)
    _ALPHABET = 53  # 52 Latin letters and the end of a word

    def __init__(self, words: Iterable[str]):
        # counts[n] holds n-grams ending at each letter of a padded word; contexts[n] the
        # counts of their first n-1 characters, so P(c | context) = counts / contexts.
        padded = [_START * 2 + word + _END for word in words]
        self.counts, self.contexts = {}, {}
        for n in (1, 2, 3):
            grams = [p[i - n + 1 : i + 1] for p in padded for i in range(2, len(p))]
            self.counts[n] = Counter(grams)
            self.contexts[n] = Counter(gram[:-1] for gram in grams)

    def log_prob(self, word: str) -> float:
        padded = _START * 2 + word + _END
        total = 0.0
        for i in range(2, len(padded)):
            p = 0.0
            for n, weight in zip((3, 2, 1), self._WEIGHTS, strict=True):
                gram = padded[i - n + 1 : i + 1]
                seen = self.contexts[n][gram[:-1]]
                if n == 1:
                    p += weight * (self.counts[1][gram] + 1) / (seen + self._ALPHABET)
                elif seen:
                    p += weight * self.counts[n][gram] / seen
            total += math.log(p)
        return total


def _corpus_lines(name: str) -> Iterable[str]:
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line


@cache
def _models() -> tuple[_TrigramModel, _TrigramModel]:
    georgian_words = [
        to_legacy(word)
        for line in _corpus_lines("georgian_corpus.txt")
        for word in re.findall(r"[\u10d0-\u10f0]+", line)
    ]
    latin_words = [
        word
        for line in _corpus_lines("latin_corpus.txt")
        for word in _WORD.findall(line)
    ]
    return _TrigramModel(georgian_words), _TrigramModel(latin_words)


def _value_log_odds(value: str) -> float | None:
    """Log-odds that one value is legacy-font Georgian; None when it holds no letters."""
    if any(ch.isalpha() and not ch.isascii() for ch in value):
        # Unicode Georgian, accented Latin or another script: legacy text is plain ASCII.
        return -math.inf
    words = _WORD.findall(_ADDRESS.sub(" ", value))
    if not words:
        return -math.inf if _ADDRESS.search(value) else None
    return _PRIOR_LOG_ODDS + sum(_word_log_odds(w) for w in words)


@lru_cache(maxsize=1 << 16)
def _word_log_odds(word: str) -> float:
    # The words of a column repeat (codes, street names): each is scored once.
    legacy, latin = _models()
    return legacy.log_prob(word) - latin.log_prob(word)


def _sigmoid(x: float) -> float:
    if x == -math.inf:
        return 0.0
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


def legacy_confidence(values: Iterable[str]) -> float:
    """How likely (0..1) a column of strings is Georgian typed in a legacy font.

    Looks at up to 1000 non-empty values; values without letters (numbers, dates) say
    nothing and are skipped. A column with no letters at all scores 0.
    """
    scores = []
    for value in islice((v for v in values if isinstance(v, str) and v.strip()), _MAX_VALUES):
        log_odds = _value_log_odds(value)
        if log_odds is not None:
            scores.append(_sigmoid(log_odds))
    return sum(scores) / len(scores) if scores else 0.0
