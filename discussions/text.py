"""Messages are plain text with a little formatting, rendered safely.

Paragraphs and line breaks, lists (``-``, ``*`` or ``1.``), ``**bold**``, web addresses turned
into links (``rel="nofollow noopener"``) and ``@Prénom Nom`` mentions of colleagues. HTML
typed by people is never interpreted: markdown-it runs with HTML off and only the rules
above, so ``<script>`` comes out as text and ``javascript:`` is never a link.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

from discussions.mentions import match_at, people_in

LINK_REL = "nofollow noopener"


def _mention_rule(state, silent):
    """``@`` followed by the name of someone in ``env["people"]``: a mention token."""
    position = state.pos
    if state.src[position] != "@" or not state.env.get("people"):
        return False
    before = state.src[position - 1] if position else " "
    if before.isalnum() or before in "_@.":
        return False
    person, end = match_at(state.src, position, state.env["people"])
    if person is None or end > state.posMax:
        return False
    if not silent:
        token = state.push("mention", "", 0)
        token.content = state.src[position:end]
        token.meta = {"url": person.url}
    state.pos = end
    return True


def _render_mention(renderer, tokens, index, options, env):
    token = tokens[index]
    url = token.meta.get("url")
    if url:
        return f'<a class="mention" href="{escape(url)}">{escape(token.content)}</a>'
    return f'<span class="mention">{escape(token.content)}</span>'


def _render_link_open(renderer, tokens, index, options, env):
    tokens[index].attrSet("rel", LINK_REL)
    return renderer.renderToken(tokens, index, options, env)


def _build():
    md = MarkdownIt("zero", {"html": False, "linkify": True, "breaks": True})
    md.enable(["list", "newline", "escape", "emphasis", "linkify", "autolink"])
    md.validateLink = lambda url: url.lower().startswith(("http://", "https://", "mailto:"))
    if hasattr(md.inline, "add_terminator_char"):
        md.inline.add_terminator_char("@")
    md.inline.ruler.before("emphasis", "mention", _mention_rule)
    md.add_render_rule("mention", _render_mention)
    md.add_render_rule("link_open", _render_link_open)
    return md


_markdown = _build()


def render(body, people=None):
    """The message as safe HTML. ``people`` (from :func:`discussions.mentions.people_in`,
    with links) saves the query for mentions when many messages are rendered at once."""
    if people is None:
        people = people_in([body], with_links=True) if "@" in (body or "") else {}
    return mark_safe(_markdown.render(body or "", {"people": people}))  # noqa: S308


def render_all(messages, attribute="html"):
    """Render many messages in a fixed number of queries: sets ``message.<attribute>``."""
    messages = list(messages)
    people = people_in([message.body for message in messages], with_links=True)
    for message in messages:
        setattr(message, attribute, render(message.body, people))
    return messages
