"""What a reader sees of a response: its HTML with entities decoded, so a test of any app can
look for French text with apostrophes (the templates escape ' as &#x27;)."""

import html


def text_of(response):
    return html.unescape(response.content.decode())
