"""The translation editor's workbench (see translations.workbench)."""

from django import template

from translations import workbench as workbench_module

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_workbench(context, translation, instance):
    return workbench_module.build(context["request"], translation, instance)


@register.simple_tag(takes_context=True)
def workbench_props(context, props, workbench):
    return workbench_module.trimmed_props(props, context["request"], workbench)


@register.simple_tag
def editor_heading_literal(source, target):
    """The heading wagtail-localize's React editor writes, untranslatable there."""
    return f"{source} to {target} translation"
