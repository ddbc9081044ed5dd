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


def clean_query(raw):
    """The query to show back and to search: its words joined by spaces ("" if none)."""
    return " ".join(words(raw.replace("\x00", " ")))
