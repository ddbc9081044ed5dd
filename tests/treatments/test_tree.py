"""Editors can only build a sensible tree: indexes under the home page, pages under their index."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from directory.models import DirectoryPage
from home.models import HomePage
from home.services import setup_site
from treatments.models import (
    ConditionIndexPage,
    ConditionPage,
    TreatmentIndexPage,
    TreatmentPage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english_home, cls.french_home = setup_site()

    def test_indexes_sit_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(TreatmentIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ConditionIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, TreatmentIndexPage)
        self.assertCanCreateAt(HomePage, ConditionIndexPage)
        self.assertCanNotCreateAt(Page, TreatmentIndexPage)
        self.assertCanNotCreateAt(TreatmentIndexPage, ConditionIndexPage)
        self.assertCanNotCreateAt(DirectoryPage, TreatmentIndexPage)

    def test_each_index_takes_only_its_own_pages(self):
        self.assertAllowedSubpageTypes(TreatmentIndexPage, {TreatmentPage})
        self.assertAllowedSubpageTypes(ConditionIndexPage, {ConditionPage})
        self.assertCanNotCreateAt(TreatmentIndexPage, ConditionPage)
        self.assertCanNotCreateAt(ConditionIndexPage, TreatmentPage)

    def test_treatment_and_condition_pages_have_no_children_and_need_their_index(self):
        self.assertAllowedParentPageTypes(TreatmentPage, {TreatmentIndexPage})
        self.assertAllowedParentPageTypes(ConditionPage, {ConditionIndexPage})
        self.assertAllowedSubpageTypes(TreatmentPage, set())
        self.assertAllowedSubpageTypes(ConditionPage, set())
        self.assertCanNotCreateAt(HomePage, TreatmentPage)
        self.assertCanNotCreateAt(HomePage, ConditionPage)

    def test_one_index_of_each_kind_per_home_page(self):
        index = TreatmentIndexPage(title="Treatments", slug="treatments")
        self.english_home.add_child(instance=index)
        self.assertFalse(TreatmentIndexPage.can_create_at(self.english_home))
        self.assertTrue(ConditionIndexPage.can_create_at(self.english_home))
