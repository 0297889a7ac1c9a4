"""PIN2xx: a lock acquired without a finally that releases it."""
import threading

lock = threading.Lock()
total = 0


def add(n):
    global total
    lock.acquire()
    total = total + n
    lock.release()
