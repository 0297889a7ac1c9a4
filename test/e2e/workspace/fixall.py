a = x is 1
b = y is not "s"
