"""Background tasks of the translations app (run by the worker, or at once without one)."""

from django_tasks import task


@task()
def refresh_translation_state(keys):
    """Recompute the stored translation state of the objects with these translation keys."""
    from translations import state

    return state.refresh(keys)
