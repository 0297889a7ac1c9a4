"""PIN3xx: time.sleep inside a coroutine blocks the event loop."""
import asyncio
import time


async def poll():
    time.sleep(1)
    await asyncio.sleep(0)
