"""Words of a query as the index sees them: case and accents folded, operators dropped."""

import re
import unicodedata

# A patient's query is words, nothing else: FTS and tsquery operators (& | ! : * ( ) " '),
# HTML and control characters never reach the backend.
WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10


def fold(text):
    """'Épaule' -> 'epaule': lower case without accents, as SQLite's FTS5 tokenizer compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The query's words in their own spelling (accents kept, for PostgreSQL's stemmers)."""
    return [word for word in WORD.findall(text[:MAX_QUERY_LENGTH]) if word != "_"][:MAX_WORDS]


def singular(word, language_code):
    """A plural's singular, roughly: "knees" -> "knee", « genoux » -> « genou ».

    A patient's plural should find the page's singular on both databases. PostgreSQL's French
    stemmer does most of this, but not the -x plurals (« genoux » stays « genoux »).
    """
    lower = word.lower()
    if len(lower) <= 3:
        return word
    if language_code.startswith("fr"):
        if lower.endswith(("oux", "eux", "eaux")):
            return word[:-1]
    elif lower.endswith("ies"):
        return word[:-3] + ("Y" if word[-1].isupper() else "y")
    if lower.endswith("s") and not lower.endswith("ss"):
        return word[:-1]
    return word


def clean_query(raw):
    """The query to show back and to search: its words joined by spaces ("" if none)."""
    return " ".join(words(raw.replace("\x00", " ")))
