from django.urls import path

from safeguards import views

app_name = "safeguards"
urlpatterns = [
    path("content-checks/", views.ContentChecksReportView.as_view(), name="report"),
    path("override/<int:page_id>/", views.OverrideView.as_view(), name="override"),
    path("findings/<int:page_id>/", views.page_findings, name="page_findings"),
]
