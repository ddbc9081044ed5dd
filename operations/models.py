from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """A job that must happen once per period (the weekly digest): its row is the proof."""

    job = models.CharField(_("job"), max_length=64)
    period = models.CharField(_("period"), max_length=32)  # e.g. "2026-W49"
    ran_at = models.DateTimeField(_("ran at"), auto_now_add=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="operations_one_run_per_period")
        ]

    def __str__(self):
        return f"{self.job} {self.period}"
