"""PIN5xx: a shared mutable default, and identity comparison with a literal."""


def remember(item, seen=[]):
    seen.append(item)
    return seen


def is_ready(state):
    return state is "ready"
