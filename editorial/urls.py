from django.urls import path

from editorial import reports, views

app_name = "editorial"
urlpatterns = [
    path(
        "clinical-review/",
        reports.ClinicalReviewReportView.as_view(),
        name="clinical_review_report",
    ),
    path(
        "clinical-review/results/",
        reports.ClinicalReviewReportView.as_view(results_only=True),
        name="clinical_review_report_results",
    ),
    path("translations/", reports.TranslationsReportView.as_view(), name="translations_report"),
    path(
        "translations/results/",
        reports.TranslationsReportView.as_view(results_only=True),
        name="translations_report_results",
    ),
    path(
        "translations/<int:object_id>/submit/",
        views.SubmitTranslationView.as_view(),
        name="submit_translation",
    ),
    path(
        "translations/resource/<int:object_id>/submit/",
        views.SubmitResourceTranslationView.as_view(),
        name="submit_resource_translation",
    ),
    path("reviewer-name-missing/", views.reviewer_name_missing, name="reviewer_name_missing"),
]
