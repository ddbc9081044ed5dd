# The stored translation state lives in its own module (translations/state.py).
from translations.state import TranslationState  # noqa: F401
