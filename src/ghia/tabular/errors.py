"""The one exception the tabular engine raises for input it cannot read."""

from ghia.tabular.messages import MESSAGES, Note, render


class TableReadError(Exception):
    """An input that cannot be read as a table, told by a message code of the catalogue.

    The command line prints ``error.text(lang)`` and exits with 2; the web shows the same
    message in the visitor's language. Every code raised exists in ``MESSAGES``.
    """

    def __init__(self, code: str, **params):
        assert code in MESSAGES, code
        self.code = code
        self.params = params
        super().__init__(render(code, params, "en"))

    @property
    def note(self) -> Note:
        return Note(self.code, self.params)

    def text(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)

    def to_dict(self) -> dict:
        return self.note.to_dict()
