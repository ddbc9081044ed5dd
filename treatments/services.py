"""Operations that change treatment and condition content."""


def seed_treatments(stdout=None):
    """Create the practice's treatment and condition pages (to be written)."""
