"""Reactions to Wagtail's publishing signals (connected in DirectoryConfig.ready)."""


def propose_shared_fields_to_translations(sender, instance, revision=None, **kwargs):
    """A published English resource's address, year... reach its French twin as a draft."""
    from directory.models import Resource
    from directory.services import propose_shared_fields

    if isinstance(instance, Resource):
        propose_shared_fields(instance, user=getattr(revision, "user", None))
