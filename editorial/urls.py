from django.urls import path

from editorial import views

app_name = "editorial"
urlpatterns = [
    path(
        "clinical-review/", views.ClinicalReviewReportView.as_view(), name="clinical_review_report"
    ),
    path("translations/", views.TranslationsReportView.as_view(), name="translations_report"),
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
