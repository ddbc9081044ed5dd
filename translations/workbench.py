"""What the translation editor shows around wagtail-localize's own editor: the workbench.

Read queries only (the submission and the review actions are in ``translations.views``):

- where the translation stands: strings left to translate, the review under way and its
  reviewers, the comments of a reviewer who asked for changes;
- what changed in the English: before a sync, that the English differs from the strings the
  French was made from; after it, per changed segment, the English before and after (a word
  diff) and the French of the English before, kept as a starting suggestion.

What changed is read from wagtail-localize's own records, with nothing stored beside them: a sync
keeps every earlier ``StringTranslation`` (keyed by the English string and its place, the
context), so a place whose French translates another English string than its current one held
that English before. It counts as changed until a French version translated after it is
approved (published).
"""

from dataclasses import dataclass, field

from django.urls import reverse
from wagtail.models import DraftStateMixin, Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from translations import diff, policy


@dataclass
class Segment:
    order: int
    path: str
    label: str
    english: str
    french: str = ""
    translated: bool = False
    english_before: str = ""
    french_before: str = ""
    changed: bool = False

    @property
    def english_diff(self):
        return diff.word_diff(self.english_before, self.english)

    @property
    def english_text(self):
        return diff.plain(self.english)

    @property
    def french_text(self):
        return diff.plain(self.french)

    @property
    def french_before_text(self):
        return diff.plain(self.french_before)


@dataclass
class Comment:
    author: str
    at: object
    text: str


@dataclass
class Workbench:
    translation: object
    instance: object
    total: int = 0
    done: int = 0
    segments: list = field(default_factory=list)
    english_changes: int = 0
    state: object = None
    comments: list = field(default_factory=list)
    reviewers: list = field(default_factory=list)
    may_review: bool = False
    may_submit: bool = False
    may_sync: bool = False
    urls: dict = field(default_factory=dict)
    last_publication: object = None

    @property
    def from_french(self):
        """English translated from a French original (issue 21): the notices name the French
        as the original and the administration as the English review."""
        from editorial.services import FRENCH

        return self.translation.source.locale.language_code == FRENCH

    @property
    def untranslated(self):
        return self.total - self.done

    @property
    def in_review(self):
        return self.state is not None and self.state.status == WorkflowState.STATUS_IN_PROGRESS

    @property
    def needs_changes(self):
        return self.state is not None and self.state.status == WorkflowState.STATUS_NEEDS_CHANGES

    @property
    def changed_segments(self):
        return [segment for segment in self.segments if segment.changed]

    @property
    def submitted_by(self):
        user = self.state.requested_by if self.state is not None else None
        return display_name(user)


def display_name(user):
    if user is None:
        return ""
    return (user.get_full_name() or "").strip() or user.get_username()


def field_label(instance, path):
    """The name of the field a segment's context path starts with, as the editor shows it."""
    name = path.split(".", 1)[0]
    try:
        return str(instance._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - a path that is not a model field: show it as it is
        return name


def approved_at(instance):
    """When the French was last approved: its last publication (None if never)."""
    return getattr(instance, "last_published_at", None)


def segments_of(translation, instance, source_instance):
    """Every string segment of ``translation``, in order, with its French and what changed."""
    locale = translation.target_locale
    rows = list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    context_ids = [row.context_id for row in rows]
    by_place = {}
    previous = {}
    for string_translation in (
        StringTranslation.objects.filter(locale=locale, context_id__in=context_ids)
        .select_related("translation_of")
        .order_by("updated_at", "pk")
    ):
        by_place[(string_translation.translation_of_id, string_translation.context_id)] = (
            string_translation
        )
        previous.setdefault(string_translation.context_id, []).append(string_translation)
    since = approved_at(instance)
    segments = []
    for row in rows:
        current = by_place.get((row.string_id, row.context_id))
        earlier = [
            item
            for item in previous.get(row.context_id, [])
            if item.translation_of_id != row.string_id
        ]
        before = earlier[-1] if earlier else None
        translated = current is not None and not current.has_error
        changed = before is not None and (
            not translated or since is None or current.updated_at > since
        )
        segments.append(
            Segment(
                order=row.order,
                path=row.context.path,
                label=field_label(source_instance, row.context.path),
                english=row.string.data,
                french=current.data if current is not None else "",
                translated=translated,
                english_before=before.translation_of.data if before is not None else "",
                french_before=before.data if before is not None else "",
                changed=changed,
            )
        )
    return segments


def english_changes(translation, source_instance):
    """How many places of the live English differ from the strings the French was made from
    (0 when the last sync is current)."""
    from editorial.selectors import string_segments_of

    stored = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", "string__data"
        )
    )
    live = set(string_segments_of(source_instance))
    return len({path for path, _text in stored ^ live})


def current_state(instance):
    """The review under way (or waiting for changes) of a page or a reviewed resource."""
    if not isinstance(instance, DraftStateMixin) or instance.pk is None:
        return None
    state = instance.current_workflow_state
    if state is None:
        return None
    return state


def comments_of(state):
    """The reviewers' comments on this review, the latest first."""
    if state is None:
        return []
    task_states = (
        TaskState.objects.filter(workflow_state=state)
        .exclude(comment="")
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
    )
    return [
        Comment(
            author=display_name(task_state.finished_by),
            at=task_state.finished_at,
            text=task_state.comment,
        )
        for task_state in task_states
        if task_state.finished_at is not None
    ]


def reviewers_of(state):
    """The names of the groups whose members review the current step."""
    task = state.current_task_state.task.specific if state and state.current_task_state else None
    groups = getattr(task, "groups", None)
    return [group.name for group in groups.all()] if groups is not None else []


def source_url(user, source_instance):
    """Where the English original's name leads this user: its editor if they may edit it, else
    its public page, else nowhere (a translator may not open the English editor)."""
    if isinstance(source_instance, Page):
        from translations.direction import may_change_originals

        # The original: a translator holds "change" there but is refused it (direction.py).
        if may_change_originals(user) and source_instance.permissions_for_user(user).can_edit():
            return reverse("wagtailadmin_pages:edit", args=[source_instance.pk])
        return source_instance.url if source_instance.live else None
    from wagtail.admin.admin_url_finder import AdminURLFinder

    from editorial.wagtail_hooks import user_may_change_locale

    if not user_may_change_locale(user, source_instance.locale):
        return None
    return AdminURLFinder(user).get_edit_url(source_instance) or None


def build(request, translation, instance):
    user = request.user
    if isinstance(instance, Page):
        instance = instance.specific
    source_instance = translation.source.get_source_instance()
    total, done = translation.get_progress()
    state = current_state(instance)
    workbench = Workbench(
        translation=translation,
        instance=instance,
        total=total,
        done=done,
        segments=segments_of(translation, instance, source_instance),
        english_changes=english_changes(translation, source_instance),
        state=state,
        comments=comments_of(state),
    )
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        workbench.reviewers = reviewers_of(state)
        task_state = state.current_task_state
        workbench.may_review = bool(
            task_state and task_state.task.specific.get_actions(instance, user)
        )
    workbench.may_submit = (
        user.has_perm("wagtail_localize.submit_translation") or policy.is_administrator(user)
    ) and not workbench.in_review
    workbench.may_sync = workbench.may_submit and workbench.english_changes > 0
    from translations.history import last_publications

    workbench.last_publication = next(iter(last_publications([instance]).values()), None)
    is_page = isinstance(instance, Page)
    workbench.urls = {
        "editor": request.path,
        "source": source_url(user, source_instance),
        "submit": reverse(
            "editorial:submit_translation" if is_page else "editorial:submit_resource_translation",
            args=[instance.pk],
        ),
        "sync": reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
        "review": reverse("translations_review", args=[translation.pk]),
        "preview": reverse("wagtail_localize:preview_translation", args=[translation.pk])
        if is_page
        else None,
        "history": reverse("wagtailadmin_pages:history", args=[instance.pk]) if is_page else None,
    }
    return workbench


def trimmed_props(props, request, workbench):
    """wagtail-localize's editor props without the buttons the policy refuses: "Convert to alias"
    (refused for everyone) and "Publish in French" for someone who may not put it live (a
    French reviewer on a resource or page in review approves instead); dates in the admin's
    language."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder
    from django.utils.formats import date_format

    data = json.loads(props)
    data["links"]["convertToAliasUrl"] = None
    instance = workbench.instance
    if policy.refusal(request.user, instance):
        data["perms"]["canPublish"] = False
        data["perms"]["canUnpublish"] = False
    published = approved_at(instance)
    if data["object"].get("lastPublishedDate") and published is not None:
        data["object"]["lastPublishedDate"] = date_format(published, "DATE_FORMAT")
    return json.dumps(data, cls=DjangoJSONEncoder)
