"""A small event-tracking module with the classic shared-default and identity bugs.

pyinsight reports:
  PIN502 (warning)      the defaults of `track`, `Session.__init__` and `merge_counts` are mutated, stored or returned
  PIN502 (information)  the default of `format_tags` is shared but only read
  PIN501 (warning)      `is` used to compare with literals in `is_error` and `retry_budget`
"""
from collections import Counter, defaultdict
from dataclasses import dataclass, field


def track(event, history=[]):
    """Record an event and return the history so far."""
    history.append(event)  # every call without `history` appends to the same list
    return history


class Session:
    def __init__(self, user, tags=set(), *, counters=defaultdict(int)):
        self.user = user
        self.tags = tags  # all sessions created without tags share one set
        self.counters = counters

    def tag(self, name):
        self.tags.add(name)


def merge_counts(batches, totals=Counter()):
    for batch in batches:
        totals.update(batch)
    return totals


def format_tags(tags, separator=", ", order=[]):
    # Only read: harmless today, but one `order.append(...)` away from a bug.
    ranked = sorted(tags, key=lambda t: order.index(t) if t in order else len(order))
    return separator.join(ranked)


def is_error(status):
    return status is "error"


def retry_budget(attempts):
    if attempts is not 0:
        return 3 - attempts
    return 3


@dataclass
class Report:
    # The right way for dataclasses: a factory builds a new list per instance (not flagged).
    lines: list = field(default_factory=list)

    def add(self, line, prefix=None):
        if prefix is None:
            prefix = []
        self.lines.append(" ".join([*prefix, line]))
