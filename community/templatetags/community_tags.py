from django import template

register = template.Library()


@register.inclusion_tag("community/_nav.html", takes_context=True)
def community_nav(context, current=""):
    from community.selectors import unread_count

    request = context["request"]
    return {"unread": unread_count(request.user), "current": current}


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
