"""The seeded rule set: wordings public information from physicians must not use.

Sources named in each reason: the CPSO policy "Advertising" and O. Reg. 114/94 (General) under
Ontario's Medicine Act, 1991, for English; the Code de déontologie des médecins du Québec for
French. Patterns are deliberately narrow: a rule that flags plain factual text teaches editors to
ignore it. Negative phrasings ("there is no cure") are left alone.
"""

CPSO = (
    "Physicians’ public information must be factual and verifiable (CPSO policy “Advertising”; "
    "O. Reg. 114/94 under the Medicine Act, 1991)."
)
CODE = (
    "L’information publique d’un médecin doit être exacte et vérifiable (Code de déontologie "
    "des médecins du Québec, section sur la publicité)."
)

# (seed key, name, language, pattern, reason, suggestion)
RULES = [
    (
        "en-superlative",
        "Superlative",
        "en",
        r"\b(the\s+)?(best|finest|greatest|leading|top-rated|world[- ]class|number\s+one)\b"
        r"(?!\s+(evidence|available|practice))",
        CPSO + " Superlatives cannot be verified.",
        "Describe what the practice does, factually: “The practice offers prolotherapy.”",
    ),
    (
        "en-guarantee",
        "Guarantee",
        "en",
        r"(?<!\bno\s)(?<!\bnot\s)\bguarantee(d|s)?\b",
        CPSO + " No result of a treatment can be guaranteed.",
        "Say what may happen and how often: “Some patients report less pain.”",
    ),
    (
        "en-cure",
        "Promise of a cure",
        "en",
        r"(?<!\bno\s)(?<!\bnot\s)(?<!\bnot\sa\s)\b(cures?|cured)\b(?!\s+is\b)",
        CPSO + " A promise of a cure is a promise of results.",
        "Say what the treatment aims to do: “may reduce pain”.",
    ),
    (
        "en-hundred-percent",
        "100 %",
        "en",
        r"\b100\s?(%|percent\b|per\s+cent\b)",
        CPSO + " Absolute figures promise results.",
        "Give the figure a study reports, with its source under References.",
    ),
    (
        "en-miracle",
        "Miracle",
        "en",
        r"\bmiracle|\bmiraculous",
        CPSO + " Sensational words are not factual.",
        "Describe the treatment plainly.",
    ),
    (
        "en-painless",
        "Painless",
        "en",
        r"(?<!\bnot\s)\bpain[- ]?less\b",
        CPSO + " Most injections cause some discomfort; “painless” promises an outcome.",
        "Say what a patient may feel: “Most people feel pressure or brief pain.”",
    ),
    (
        "en-no-risk",
        "No risk",
        "en",
        r"\b(no|zero|without)\s+(risks?|side[- ]effects)\b|\brisk[- ]free\b",
        CPSO + " Every treatment has risks, which must be stated.",
        "List the common and rare risks under “Risks and side effects”.",
    ),
    (
        "en-comparison",
        "Comparison with other practitioners",
        "en",
        r"\b(unlike|better\s+than|superior\s+to)\s+(other|most|any)\s+"
        r"(clinics?|doctors?|physicians?|practitioners?|practices?)\b",
        CPSO + " Physicians may not compare themselves with other practitioners.",
        "Describe this practice only.",
    ),
    (
        "en-testimonial",
        "Testimonial",
        "en",
        r"\b(changed\s+my\s+life|my\s+pain\s+(is|was)\s+gone|I(’|')?m\s+(now\s+)?pain[- ]free|"
        r"I\s+(was|am)\s+(completely\s+)?cured|thanks\s+to\s+(dr|the\s+clinic))\b",
        CPSO + " Patients’ testimonials are not allowed in physicians’ advertising.",
        "Remove the patient’s story; summarize what published studies found instead.",
    ),
    (
        "en-inducement",
        "Inducement",
        "en",
        r"\b(free\s+(consultation|assessment|treatment|session)|discount|special\s+offer|"
        r"limited[- ]time|promo(tion)?\s+code)\b",
        CPSO + " Inducements to seek treatment are not allowed.",
        "State the fees plainly under “Fees and coverage”.",
    ),
    (
        "fr-superlatif",
        "Superlatif",
        "fr",
        r"\b(le|la|les)\s+(meilleure?s?|plus\s+efficaces?)\b|\bde\s+pointe\b|\bnuméro\s+un\b",
        CODE + " Un superlatif ne peut pas être vérifié.",
        "Décrivez ce que fait la clinique, de façon factuelle : « La clinique offre la "
        "prolothérapie. »",
    ),
    (
        "fr-garantie",
        "Garantie",
        "fr",
        r"(?<!\bne\s)(?<!\bn’)(?<!\bn')(?<!\bpas\s)\bgaranti(e|s|es)?\b",
        CODE + " Aucun résultat ne peut être garanti.",
        "Dites ce qui peut arriver : « Certaines personnes ont moins mal. »",
    ),
    (
        "fr-guerison",
        "Promesse de guérison",
        "fr",
        r"\bguérison\s+(assurée|garantie|complète)\b|\bvous\s+guérir\b|\bguérit\b",
        CODE + " Promettre la guérison, c’est promettre un résultat.",
        "Dites ce que le traitement vise : « peut réduire la douleur ».",
    ),
    (
        "fr-cent-pour-cent",
        "100 %",
        "fr",
        r"\b100\s?%|\bcent\s+pour\s+cent\b",
        CODE + " Un chiffre absolu promet un résultat.",
        "Donnez le chiffre d’une étude, avec sa source dans les références.",
    ),
    (
        "fr-miracle",
        "Miracle",
        "fr",
        r"\bmiracle|\bmiraculeu",
        CODE + " Un mot sensationnel n’est pas factuel.",
        "Décrivez le traitement simplement.",
    ),
    (
        "fr-sans-douleur",
        "Sans douleur",
        "fr",
        r"(?<!\bpas\s)\bsans\s+(aucune\s+)?douleur\b|\bindolore\b",
        CODE + " La plupart des injections causent un inconfort ; « sans douleur » promet un "
        "résultat.",
        "Dites ce que la personne peut ressentir : « La plupart des gens sentent une pression "
        "ou une douleur brève. »",
    ),
    (
        "fr-sans-risque",
        "Sans risque",
        "fr",
        r"\b(sans|aucun)\s+(risques?|effets?\s+secondaires?)\b",
        CODE + " Tout traitement comporte des risques, qui doivent être indiqués.",
        "Énumérez les risques courants et rares sous « Risques et effets secondaires ».",
    ),
    (
        "fr-comparaison",
        "Comparaison avec d’autres professionnels",
        "fr",
        r"\b(contrairement\s+aux|mieux\s+que\s+les|supérieure?s?\s+aux)\s+(autres\s+)?"
        r"(cliniques|médecins|professionnels)\b",
        CODE + " Un médecin ne peut pas se comparer à d’autres professionnels.",
        "Décrivez seulement cette clinique.",
    ),
    (
        "fr-temoignage",
        "Témoignage",
        "fr",
        r"\b(a\s+changé\s+ma\s+vie|je\s+n’ai\s+plus\s+mal|je\s+n'ai\s+plus\s+mal|"
        r"ma\s+douleur\s+a\s+disparu|grâce\s+(au|à\s+la)\s+(dr|dre|clinique))\b",
        CODE + " Les témoignages de patients ne sont pas permis dans la publicité d’un médecin.",
        "Retirez le témoignage ; résumez plutôt ce qu’ont trouvé les études publiées.",
    ),
    (
        "fr-incitatif",
        "Incitatif",
        "fr",
        r"\b(consultation|évaluation|séance)\s+gratuite\b|\brabais\b|\boffre\s+spéciale\b|"
        r"\bpromotion\b",
        CODE + " Les incitatifs à consulter ne sont pas permis.",
        "Indiquez les frais simplement sous « Frais et couverture ».",
    ),
]
