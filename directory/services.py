"""Operations that change the resource directory."""


def seed_directory(stdout=None):
    """Create the practice's resources and directory page (to be written)."""
