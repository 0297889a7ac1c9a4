def check(x):
    return x is 1
