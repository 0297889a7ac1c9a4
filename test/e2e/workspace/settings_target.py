def check(x, cache={}):
    return x is 1
