"""The clinical review step of the "Clinical review" workflow.

A reviewer's approval is itself a clinical record: it stamps the page with the date, the reviewer
and the next review date before the workflow publishes it. Wagtail's idiom for behaviour tied to a
workflow step is a Task subclass overriding ``on_action``, so that is where it lives.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """Approval by a clinical reviewer; approving records the review on the page."""

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            from editorial.services import ReviewerNameMissing, record_clinical_review
            from safeguards.guard import approval_held

            # Wording that breaks a content rule needs its override first (nothing is saved).
            if held := approval_held(task_state.workflow_state):
                return held
            try:
                record_clinical_review(task_state.workflow_state, user)
            except ReviewerNameMissing:
                # Nothing is approved or saved; the reviewer is sent to add their name.
                return reverse("editorial:reviewer_name_missing")
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve clinical pages; approving records the review "
            "date, the reviewer and the next review date on the page."
        )

    class Meta:
        verbose_name = _("clinical review task")
        verbose_name_plural = _("clinical review tasks")


class FrenchReviewTask(AbstractGroupApprovalTask):
    """Approval by a French reviewer; approving records the French review on a clinical page.

    The same mechanism as the clinical review: the stamp is a fact of the approval, saved on the
    revision the workflow then publishes, never a field anyone types or translates.
    """

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            from editorial.services import ReviewerNameMissing, record_french_review
            from safeguards.guard import approval_held
            from translations.history import record_french_publication, who_translated

            if held := approval_held(task_state.workflow_state):
                return held
            try:
                record_french_review(task_state.workflow_state, user)
            except ReviewerNameMissing:
                return reverse("editorial:reviewer_name_missing")
            # Read before the approval publishes: "translated since the last approval".
            translators = who_translated(task_state.workflow_state)
            result = super().on_action(task_state, user, action_name, **kwargs)
            record_french_publication(task_state.workflow_state, user, translators)
            return result
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve French pages and resources; approving a "
            "clinical page records the French review date and the reviewer on it."
        )

    class Meta:
        verbose_name = _("French review task")
        verbose_name_plural = _("French review tasks")
