"""Wagtail's publish_scheduled, with the content rules' guard first.

This app comes before ``wagtail`` in INSTALLED_APPS, so ``manage.py publish_scheduled`` (and the
scheduler's job of that name) runs this one: revisions whose wording breaks a content rule without
an override lose their go-live date and stay drafts (safeguards.guard), then Wagtail publishes
the rest exactly as it would.
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from safeguards.guard import hold_scheduled_revisions


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options.get("dryrun"):
            for revision in hold_scheduled_revisions():
                self.stdout.write(
                    f"Held (content rules, no override): {revision.object_str} "
                    f"(page {revision.object_id}, revision {revision.pk})"
                )
        return super().handle(*args, **options)
