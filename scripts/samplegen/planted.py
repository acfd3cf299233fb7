"""Record the personal data planted in a document while its text is written.

Content is written as f-strings that wrap each personal value in a call such as
``p("PERSON", "Sarah Louise Kendrick")``; the call remembers the value for MANIFEST.json and returns
it with non-breaking spaces so the PDF layout never splits it across lines (an oracle value must be
found verbatim in the extracted text). Every writer turns the non-breaking spaces back into spaces.
"""

from __future__ import annotations

import textwrap

from .values import NBSP


def plain(text: str) -> str:
    """Text as it is written to a file: non-breaking markers become ordinary spaces."""
    return text.replace(NBSP, " ")


class Planted:
    """The personal data (and look-alike non-personal codes) of one document."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.decoys: list[tuple[str, str]] = []

    def __call__(self, label: str, text: str) -> str:
        if (label, text) not in self.items:
            self.items.append((label, text))
        return text.replace(" ", NBSP)

    def not_personal(self, label: str, text: str) -> str:
        """A code or name that a detector must NOT report as personal data (e.g. a case number)."""
        if (label, text) not in self.decoys:
            self.decoys.append((label, text))
        return text.replace(" ", NBSP)

    def as_json(self) -> dict[str, list[dict[str, str]]]:
        return {
            "personal_data": [{"label": lab, "text": txt} for lab, txt in self.items],
            "not_personal": [{"label": lab, "text": txt} for lab, txt in self.decoys],
        }


def wrap(paragraph: str, width: int = 76, *, hang: str = "") -> str:
    """Wrap a plain-text paragraph without ever splitting a planted value (its spaces are NBSP,
    which ``textwrap`` does not treat as whitespace); ``hang`` indents continuation lines."""
    lines = textwrap.wrap(
        paragraph,
        width=width,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join(lines)
