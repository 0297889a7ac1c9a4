class Account:
    def __init__(self):
        self.__balance = 0


def numbers():
    yield 1


total = sum(numbers())
