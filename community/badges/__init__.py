"""Badges: the facts other apps hand over, the rules that award from them, Open Badges 2.0.

``facts`` is the registry, ``rules`` says whether a badge is earned, ``awards`` creates and
revokes awards (and tells people), ``openbadges`` writes the hosted JSON-LD, ``baking`` the PNG.
"""
