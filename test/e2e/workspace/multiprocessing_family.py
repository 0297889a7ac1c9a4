"""PIN1xx: process start without a main guard, and a lambda that a process pool must pickle."""
import multiprocessing as mp


def square(x):
    return x * x


with mp.Pool(2) as pool:
    print(pool.map(lambda x: x + 1, range(4)))
