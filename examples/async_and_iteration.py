"""A small async crawler with the pitfalls pyinsight explains: the event loop, tasks, iterators and closures.

pyinsight reports:
  PIN301  time.sleep() inside a coroutine blocks the whole event loop
  PIN304  the task returned by create_task() is dropped; the loop keeps only a weak reference
  PIN305  the CancelledError handler swallows the cancellation
  PIN401  the generator `sizes` is consumed twice; the second pass sees nothing
  PIN506  every callback in the loop sees the last value of `name`
"""
import asyncio
import time


async def fetch(url):
    await asyncio.sleep(0.1)
    return f"<html>{url}</html>"


async def poll(url):
    while True:
        try:
            page = await fetch(url)
            print(len(page))
        except asyncio.CancelledError:
            print("stopping")
            break
        time.sleep(1)


async def main(urls):
    asyncio.create_task(poll(urls[0]))
    pages = await asyncio.gather(*(fetch(u) for u in urls))
    sizes = (len(p) for p in pages)
    total = sum(sizes)
    biggest = max(sizes, default=0)
    print(total, biggest)

    callbacks = []
    for name in ("start", "stop"):
        callbacks.append(lambda: print(name))
    for callback in callbacks:
        callback()


if __name__ == "__main__":
    asyncio.run(main(["a", "b"]))
