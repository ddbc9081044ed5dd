from tests.editorial.conftest import (  # noqa: F401 - the editorial roles' fixtures
    administrator,
    clinical_pages,
    editor,
    editorial,
    french_reviewer,
    make_user,
    reviewer,
    translator,
)
from tests.translations.test_integrity import french_condition  # noqa: E402 F401 - fixture
