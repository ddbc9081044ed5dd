from django.urls import path

from safeguards import views

app_name = "safeguards"
urlpatterns = [
    path("content-checks/", views.ContentChecksReportView.as_view(), name="report"),
    path("override/<int:page_id>/", views.OverrideView.as_view(), name="override"),
]
