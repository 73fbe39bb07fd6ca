"""``{% cached %}``: a template fragment cached under the generations of its content areas.

    {% cached "library-results" "pages library" page.pk listing_key %}…{% endcached %}

The first argument names the fragment, the second lists the areas it shows (space-separated),
the others are what it varies on; the language is always part of the key. A vary-on value of
None (a refused filter, say) renders the fragment without caching it. Never put in it what
depends on the visitor: their registrations, links for registered people only, a CSRF token.
"""

from django import template

from community import caching

register = template.Library()


class CachedNode(template.Node):
    def __init__(self, nodelist, name, areas, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.areas = areas
        self.vary_on = vary_on

    def render(self, context):
        name = self.name.resolve(context)
        areas = tuple(str(self.areas.resolve(context)).split())
        vary_on = [value.resolve(context) for value in self.vary_on]
        seconds = caching.timeout(*areas)
        if not seconds or any(value is None for value in vary_on):
            return self.nodelist.render(context)
        return caching.get_or_set(
            areas, (name, *map(str, vary_on)), lambda: self.nodelist.render(context)
        )


@register.tag
def cached(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} needs a fragment name and the areas it shows."
        )
    nodelist = parser.parse(("endcached",))
    parser.delete_first_token()
    name, areas, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return CachedNode(nodelist, name, areas, vary_on)
