"""Synonym groups, edited in Settings > Search synonyms, and the query variants they give.

A search for "jaw pain" becomes "jaw pain" OR "tmj pain" OR "temporomandibular pain": each
group's word found in the query is replaced by each other word of its group. The words of a
variant must all match (AND), as in the original query.
"""

from search.text import fold, singular, words

MAX_VARIANTS = 12

# Seeded once (search.services.seed_synonyms); editors change them in the admin afterwards.
DEFAULT_SYNONYMS = {
    "en-ca": [
        "tmj, jaw, temporomandibular",
        "prolo, prolotherapy, prolothérapie",
        "sciatica, sciatique, sciatic",
        "whiplash, coup de fouet",
        "oa, osteoarthritis, arthrose",
    ],
    "fr-ca": [
        "atm, mâchoire, temporo-mandibulaire",
        "prolo, prolothérapie, prolotherapy",
        "sciatique, sciatica",
        "coup de fouet, whiplash",
        "arthrose, oa, ostéoarthrite",
    ],
}


def parse_groups(text):
    """Lines of comma-separated terms -> groups of terms, each term {folded words: spelling}.

    [{("tmj",): ["tmj"], ("jaw",): ["jaw"]}, ...]: matched on the folded words, searched with
    the editor's spelling (PostgreSQL's French stemmer needs « mâchoire », not "machoire").
    """
    groups = []
    for line in (text or "").splitlines():
        terms = {}
        for term in line.split(","):
            spelling = words(term)
            folded = tuple(fold(word) for word in spelling)
            if folded and folded not in terms:
                terms[folded] = spelling
        if len(terms) > 1:
            groups.append(terms)
    return groups


def _find(sequence, term):
    for start in range(len(sequence) - len(term) + 1):
        if tuple(sequence[start : start + len(term)]) == term:
            return start
    return -1


def expand(query_words, groups):
    """The query's variants (lists of words), the original first, at most MAX_VARIANTS."""
    original = [fold(word) for word in query_words]
    variants = [list(query_words)]
    seen = {tuple(original)}
    for group in groups:
        for term in group:
            start = _find(original, term)
            if start < 0:
                continue
            for other, spelling in group.items():
                if other == term:
                    continue
                folded = (*original[:start], *other, *original[start + len(term) :])
                if folded in seen:
                    continue
                seen.add(folded)
                rest = query_words[start + len(term) :]
                variants.append([*query_words[:start], *spelling, *rest])
                if len(variants) >= MAX_VARIANTS:
                    return variants
            break  # one matching term per group is enough
    return variants


def with_singulars(variants, language_code):
    """Each variant, then its words in the singular when that differs (still MAX_VARIANTS)."""
    result = list(variants)
    for variant in variants:
        singulars = [singular(word, language_code) for word in variant]
        if singulars != variant and singulars not in result and len(result) < MAX_VARIANTS:
            result.append(singulars)
    return result


def expansion_words(variants):
    """Every folded word of every variant: what the highlighting marks."""
    return {fold(word) for variant in variants for word in variant}
