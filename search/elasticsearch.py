"""Elasticsearch 9 settings: a French analyzer as the index's default analyzer.

Imported by the settings module, so it builds plain dictionaries and imports no model. The
analyzer named `default` applies to every text field whose mapping names none, at index and at
query time: elision ("l'animation" → "animation"), lower case, French stop words, accents folded,
light French stemmer. Stop words come before folding: Lucene's French list spells "à", "été",
"être" with their accents, which folding would take off first.
"""

FRENCH_ANALYSIS = {
    "filter": {
        "french_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": [
                "l",
                "m",
                "t",
                "qu",
                "n",
                "s",
                "j",
                "d",
                "c",
                "jusqu",
                "quoiqu",
                "lorsqu",
                "puisqu",
            ],
        },
        "french_stop": {"type": "stop", "stopwords": "_french_"},
        "french_stemmer": {"type": "stemmer", "language": "light_french"},
    },
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "french_elision",
                "lowercase",
                "french_stop",
                "asciifolding",
                "french_stemmer",
            ],
        }
    },
}


def elasticsearch_backend(url, index_prefix):
    """The WAGTAILSEARCH_BACKENDS entry for an Elasticsearch 9 server at `url`."""
    return {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": 5,
        "INDEX_SETTINGS": {"settings": {"analysis": FRENCH_ANALYSIS}},
    }
