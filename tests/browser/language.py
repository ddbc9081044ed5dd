"""Is this block of text French? A stop-word count, enough to catch an English block left on a
French page.

Words both languages use (``a``, ``on``, ``me``, ``or``, ``as``, ``an``, ``but``…) count for
neither. Text that a page marks as another language (``<span lang="en">``) is left out by the
caller, so a book's English title on a French page is fine as long as it says so, which screen
readers need too.
"""

import re
from dataclasses import dataclass

_FRENCH = """
    le la les un une des du de à en et est sont être été au aux ce cet cette ces qui que quoi dont
    où ou mais donc car ni ne pas plus moins très sur sous dans par pour avec sans chez entre
    vers il ils elle elles nous vous leur leurs son sa ses mon ma mes ton ta tes notre nos
    votre vos se cela ça aussi peut peuvent doit font fait comme si quand lorsque y été avez
    avons ont êtes suis sommes étaient était tout tous toute toutes autre autres même après
    avant depuis pendant selon lors chaque quelques parfois souvent encore déjà
"""
_ENGLISH = """
    the and of to is are was were be been being for with this that these those it its your
    you we our they their them he she his her by from at not no can could will would should
    have has had do does did which what when where who whom why how if may might about
    into than then also more most only other some such there here out up over after before
    because while all any each both very just so often still many
"""
FRENCH_STOP_WORDS = frozenset(_FRENCH.split())
ENGLISH_STOP_WORDS = frozenset(_ENGLISH.split())
# l’, d’, qu’, n’, s’… at the start of a word: only French writes these.
_ELISION = re.compile(r"\b(?:[ldjmntsc]|qu|jusqu|lorsqu|puisqu)['’](?=\w)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:[-][^\W\d_]+)*")

# A block is flagged when it has at least this many English stop words and more of them
# than French ones; shorter texts (names, "Site externe") say too little either way.
MIN_ENGLISH_HITS = 2


@dataclass(frozen=True)
class LanguageScore:
    french: int
    english: int
    words: int

    @property
    def looks_english(self):
        return self.english >= MIN_ENGLISH_HITS and self.english > self.french


def score(text):
    french = len(_ELISION.findall(text))
    english = 0
    words = _ELISION.sub(" ", text)
    tokens = [token.lower() for token in _WORD.findall(words)]
    for token in tokens:
        if token in FRENCH_STOP_WORDS:
            french += 1
        elif token in ENGLISH_STOP_WORDS:
            english += 1
    return LanguageScore(french=french, english=english, words=len(tokens))


def english_blocks(blocks):
    """The (where, text, score) of every block that reads as English rather than French.

    ``blocks`` is an iterable of (where, text) pairs.
    """
    found = []
    for where, text in blocks:
        result = score(text)
        if result.looks_english:
            found.append((where, text, result))
    return found
