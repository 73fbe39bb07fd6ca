"""Whether a badge's rule is met: the one comparison between a fact and the team's threshold."""

from community.badges import facts


def earned(badge, measure):
    """Whether ``measure`` (a :class:`facts.Measure`, or None for nothing) earns ``badge``.

    An average also needs ``minimum_sample`` sessions behind it: 5/5 from one session is luck.
    """
    if measure is None or badge.threshold is None:
        return False
    if measure.value < badge.threshold:
        return False
    fact = facts.get(badge.rule)
    if fact is not None and fact.is_average:
        return (measure.sample or 0) >= (badge.minimum_sample or 1)
    return True


def earners(badge, measures):
    """The user ids among ``measures`` (``{user_id: Measure}``) that earn ``badge``."""
    return [user_id for user_id, measure in measures.items() if earned(badge, measure)]
