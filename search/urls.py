from django.urls import path
from django.utils.translation import gettext_lazy as _

from search import views

# /en-ca/search/ and /fr-ca/recherche/ (the path is translated in search's catalogue).
urlpatterns = [path(_("search/"), views.search, name="search")]
