"""PIN4xx: a list comprehension where sum() takes a generator expression."""


def total(values):
    return sum([v * 2 for v in values])
