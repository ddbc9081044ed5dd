"""French typography on French pages, as a careful Québec editor writes it (CONVENTIONS.md).

- no ordinary space before ``;``, ``!`` and ``?`` (a narrow no-break space, or none);
- a no-break space (U+00A0, or the narrow U+202F) before a colon;
- no-break spaces inside « guillemets ».

The input is the text of one block as the browser shows it. Web addresses, e-mail addresses
and times (``14:30``) are not prose and are left alone; code is left out by the caller.
"""

import re
from dataclasses import dataclass

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
NO_BREAK_SPACES = NBSP + NARROW_NBSP

# HTML collapses runs of these into one ordinary space; it never collapses U+00A0.
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
# Addresses are not prose: "https://…", "mailto:…", "www.…", "name@example.ca", "?kind=books".
_NOT_PROSE = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bmailto:|\btel:|\bwww\.)[^\s\u00a0\u202f]*"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\?[\w-]+=[^\s\u00a0\u202f]*",
    re.IGNORECASE,
)
_SPACE_BEFORE_HIGH_PUNCTUATION = re.compile(r" (?=[;!?])")
_COLON = re.compile(":")
_OPENING_GUILLEMET = re.compile(f"«(?![{NO_BREAK_SPACES}])")
_CLOSING_GUILLEMET = re.compile(f"(?<![{NO_BREAK_SPACES}])»")
# What may follow a colon that ends a phrase (as opposed to "14:30" or "a:b").
_COLON_END = re.compile(f"$|[ {NO_BREAK_SPACES}»)\\]\"'’”]")

CONTEXT_CHARS = 25
# Stands in for each character of an address (a private-use character, never in real text).
_MASK = "\ue000"


@dataclass(frozen=True)
class Offence:
    rule: str
    message: str
    context: str

    def __str__(self):
        return f"{self.message}: “{self.context}”"


def normalise(text):
    """The text as rendered: runs of HTML whitespace become one ordinary space."""
    return _HTML_WHITESPACE.sub(" ", text).strip(" ")


def _mask_non_prose(text):
    """Blank out addresses, keeping every other character where it was."""
    return _NOT_PROSE.sub(lambda match: _MASK * len(match.group()), text)


def show(text, start, end):
    """The text around text[start:end], with the offending part in ⟦ ⟧ and spaces made visible.

    In the result ␣ is an ordinary space inside the offence, ⍽ a no-break space, ⸱ a narrow one.
    """

    def visible(part):
        return part.replace(NBSP, "⍽").replace(NARROW_NBSP, "⸱")

    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    offence = visible(text[start:end]).replace(" ", "␣")
    prefix = "…" if start > CONTEXT_CHARS else ""
    suffix = "…" if end + CONTEXT_CHARS < len(text) else ""
    return f"{prefix}{visible(before)}⟦{offence}⟧{visible(after)}{suffix}"


def check_french_typography(text):
    """Every offence in one block of French text, in reading order."""
    text = normalise(text)
    prose = _mask_non_prose(text)
    offences = []

    for match in _SPACE_BEFORE_HIGH_PUNCTUATION.finditer(prose):
        mark = prose[match.end()]
        following = prose[match.end() + 1 : match.end() + 2]
        if following.isalnum():  # "?kind" or "!important": code, not a sentence
            continue
        offences.append(
            (
                match.start(),
                Offence(
                    "space-before-punctuation",
                    f"ordinary space before “{mark}” (use a narrow no-break space U+202F, or none)",
                    show(text, match.start(), match.end() + 1),
                ),
            )
        )

    for match in _COLON.finditer(prose):
        at = match.start()
        if at == 0:
            continue
        before = prose[at - 1]
        if before == " ":
            offences.append(
                (
                    at - 1,
                    Offence(
                        "space-before-colon",
                        "ordinary space before “:” (use a no-break space U+00A0)",
                        show(text, at - 1, at + 1),
                    ),
                )
            )
        elif before not in NO_BREAK_SPACES + ":" + _MASK and _COLON_END.match(prose, at + 1):
            # "Note:" followed by a space or the end of the text is prose; "14:30" is not.
            offences.append(
                (
                    at,
                    Offence(
                        "space-before-colon",
                        "no space before “:” (use a no-break space U+00A0)",
                        show(text, at - 1, at + 1),
                    ),
                )
            )

    for match in _OPENING_GUILLEMET.finditer(prose):
        offences.append(
            (
                match.start(),
                Offence(
                    "guillemets-spacing",
                    "“«” must be followed by a no-break space",
                    show(text, match.start(), match.start() + 2),
                ),
            )
        )
    for match in _CLOSING_GUILLEMET.finditer(prose):
        start = max(0, match.start() - 1)
        offences.append(
            (
                start,
                Offence(
                    "guillemets-spacing",
                    "“»” must be preceded by a no-break space",
                    show(text, start, match.end()),
                ),
            )
        )

    return [offence for _, offence in sorted(offences, key=lambda item: item[0])]
