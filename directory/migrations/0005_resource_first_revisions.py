"""Every existing resource stays live and unchanged, with a first revision as its live revision.

Wagtail's documentation on adding DraftStateMixin to a model with existing rows: ``live``
defaults to True, and each row needs a revision holding its current content, so the editor
opens it as "live" (not "live + draft"), revisions can be compared and reverted, and the
translation editor's "last published" is known.
"""

from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields


def give_each_resource_its_live_revision(apps, schema_editor):
    Resource = apps.get_model("directory", "Resource")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="directory", model="resource"
    )
    now = timezone.now()
    for resource in Resource.objects.filter(live_revision__isnull=True).iterator():
        content = get_serializable_data_for_fields(resource)
        content.update(live=True, has_unpublished_changes=False)
        revision = Revision.objects.create(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(resource.pk),
            created_at=now,
            object_str=resource.title,
            content=content,
        )
        Resource.objects.filter(pk=resource.pk).update(
            live=True,
            has_unpublished_changes=False,
            latest_revision=revision,
            live_revision=revision,
            first_published_at=resource.first_published_at or now,
            last_published_at=resource.last_published_at or now,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_review_state"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(give_each_resource_its_live_revision, migrations.RunPython.noop),
    ]
