"""Reading level: English by Flesch-Kincaid grade, French by Kandel and Moles' adaptation of
Flesch's reading ease (textstat's French formula), shown as the school grade it corresponds to.

textstat keeps its language in a module-wide object; each language gets its own instance here so
two requests in different languages cannot change each other's formula.
"""

import re
from dataclasses import dataclass, field
from functools import cache

TARGET_GRADE = 8
LONGEST_SHOWN = 3
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")

# Flesch's table from reading ease to school grade (Flesch 1948), used for the French ease.
EASE_TO_GRADE = [(90, 5), (80, 6), (70, 7), (60, 8), (50, 10), (30, 13)]


@cache
def _textstat(language):
    from textstat.textstat import textstatistics

    stats = textstatistics()
    stats.set_lang("fr" if language == "fr" else "en_US")
    return stats


def grade_from_ease(ease):
    for floor, grade in EASE_TO_GRADE:
        if ease >= floor:
            return grade
    return 16


@dataclass
class ReadingLevel:
    language: str
    grade: float
    ease: float | None = None
    longest: list = field(default_factory=list)

    @property
    def above_target(self):
        return self.grade > TARGET_GRADE


def sentences(text):
    return [s.strip() for s in SENTENCE_END.split(text) if len(s.split()) >= 3]


def reading_level(text, language):
    """ReadingLevel of the text, or None for too little text to judge (under 3 sentences)."""
    found = sentences(text)
    if len(found) < 3:
        return None
    joined = " ".join(s if s[-1] in ".!?…" else s + "." for s in found)
    stats = _textstat(language)
    longest = sorted(found, key=lambda s: len(s.split()), reverse=True)[:LONGEST_SHOWN]
    if language == "fr":
        ease = stats.flesch_reading_ease(joined)
        return ReadingLevel(language, grade_from_ease(ease), ease=round(ease, 1), longest=longest)
    return ReadingLevel(language, round(stats.flesch_kincaid_grade(joined), 1), longest=longest)
