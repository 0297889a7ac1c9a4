// Async (1/2): coroutines, await, async with / async for, running the loop, debug mode. Tasks, cancellation,
// timeouts, offloading and context variables are in asyncTasks.ts.
import type { Topic } from './topic';

/** An `async def` with a line that is a `yield` statement or `x = yield …`: an async generator. */
const ASYNC_DEF_WITH_YIELD = /^async\s+def\b[\s\S]*?\n[ \t]+(?:[\w.,[\] \t]+=[ \t]*)?\(?yield\b/;

export const asyncTopics: readonly Topic[] = [
  {
    id: 'async-generators',
    title: 'Async generators and `async for`',
    family: 'async',
    triggers: [
      { node: 'function_definition', child: 'async', text: ASYNC_DEF_WITH_YIELD },
      { node: 'for_statement', child: 'async' },
      { node: 'for_in_clause', child: 'async' },
    ],
    summary:
      'An `async def` whose body contains `yield` is an async generator: calling it returns an async-generator object, and its body may `await` between the values it yields. ' +
      '`async for` drives any object with `__aiter__`/`__anext__`, awaiting `__anext__()` for each item until `StopAsyncIteration`, so other tasks run while the next item is pending. ' +
      'A plain `for` cannot consume it (`TypeError`), and `yield from` is not allowed inside it. ' +
      'If you stop iterating early, its `finally` blocks run only when it is closed (`await agen.aclose()`, or `contextlib.aclosing`); `asyncio.run` finalizes leftover ones when the loop shuts down.',
    example: 'async def ticks(n):\n    for i in range(n):\n        await asyncio.sleep(1)\n        yield i\n\nasync def main():\n    async for t in ticks(3):\n        print(t)\n',
    versions: 'Async generators and async comprehensions since 3.6 (PEP 525, PEP 530); `contextlib.aclosing` since 3.10.',
    links: [
      { title: 'Asynchronous generator functions', url: 'https://docs.python.org/3/reference/expressions.html#asynchronous-generator-functions' },
      { title: 'The async for statement', url: 'https://docs.python.org/3/reference/compound_stmts.html#async-for' },
    ],
  },
  {
    id: 'async-context-manager',
    title: 'Async context managers (`async with`)',
    family: 'async',
    triggers: [
      { node: 'with_statement', child: 'async' },
      { name: 'contextlib.asynccontextmanager' },
      { node: 'function_definition', text: /^async\s+def\s+__a(?:enter|exit)__\b/ },
    ],
    summary:
      '`async with` awaits `__aenter__()` on entry and `__aexit__(…)` on exit, so both setup and teardown can suspend (opening a connection, flushing, returning a pool slot) without blocking the loop. ' +
      'A truthy result from `__aexit__` swallows the exception raised in the block; `None` or `False` lets it propagate. ' +
      '`@contextlib.asynccontextmanager` builds one from an async generator that yields exactly once: code before the `yield` is the setup, code after it the teardown (put it in `finally` so it also runs on errors). ' +
      'It works only inside an `async def`, and an object with only `__enter__`/`__exit__` is rejected with `TypeError`.',
    example: '@asynccontextmanager\nasync def connection(dsn):\n    conn = await connect(dsn)\n    try:\n        yield conn\n    finally:\n        await conn.close()\n',
    links: [
      { title: 'Asynchronous context managers', url: 'https://docs.python.org/3/reference/datamodel.html#asynchronous-context-managers' },
      { title: 'contextlib.asynccontextmanager', url: 'https://docs.python.org/3/library/contextlib.html#contextlib.asynccontextmanager' },
      { title: 'The async with statement', url: 'https://docs.python.org/3/reference/compound_stmts.html#async-with' },
    ],
  },
  {
    id: 'coroutine-async-def',
    title: 'Coroutine functions (`async def`)',
    family: 'async',
    triggers: [{ node: 'function_definition', child: 'async' }],
    summary:
      'Calling an `async def` function runs none of its body: it returns a coroutine object, which executes only when something awaits it or wraps it in a task (`asyncio.create_task`). ' +
      "A coroutine that is never awaited does nothing, and CPython warns `coroutine '…' was never awaited` when it is garbage-collected. " +
      'Each `await` on something not yet ready suspends the coroutine and hands control back to the event loop, which runs other tasks meanwhile, all on one thread. ' +
      'That suits many concurrent waits on I/O; CPU-bound work inside a coroutine stalls the whole loop, so move it to a process pool. ' +
      'If the body contains `yield`, the function is an async generator instead.',
    example: 'async def fetch(url):\n    ...\n\ncoro = fetch(u)      # nothing has run yet\ndata = await coro    # runs now, suspending at each await inside\n',
    versions: '`async def` and `await` since 3.5 (PEP 492).',
    links: [
      { title: 'Coroutine function definition', url: 'https://docs.python.org/3/reference/compound_stmts.html#async-def' },
      { title: 'asyncio: coroutines', url: 'https://docs.python.org/3/library/asyncio-task.html#coroutines' },
    ],
  },
  {
    id: 'await',
    title: '`await`: where a coroutine yields to the loop',
    family: 'async',
    triggers: [{ node: 'await', child: 'await' }],
    summary:
      '`await x` suspends the current coroutine until `x` (a coroutine, Task or Future) has a result; only while it is suspended can the event loop run other tasks. ' +
      'Awaiting a coroutine directly runs it inline, like a call: awaits written one after another take the sum of their times, and a coroutine that never reaches a real suspension point lets nothing else run. ' +
      'To overlap waits, start them together with `asyncio.gather` or `asyncio.create_task` first. ' +
      'Because other tasks may run at every `await`, state read before it may have changed after it: single-threaded async code can still race.',
    example: 'await fetch(a)\nawait fetch(b)                             # one after the other: ~ta + tb\nawait asyncio.gather(fetch(a), fetch(b))   # overlapped: ~max(ta, tb)\n',
    links: [
      { title: 'Await expression', url: 'https://docs.python.org/3/reference/expressions.html#await' },
      { title: 'asyncio: awaitables', url: 'https://docs.python.org/3/library/asyncio-task.html#awaitables' },
    ],
  },
  {
    id: 'asyncio-run',
    title: '`asyncio.run`: the entry point',
    family: 'async',
    triggers: [{ name: 'asyncio.run' }, { name: 'asyncio.Runner' }],
    summary:
      '`asyncio.run(main())` creates a fresh event loop, runs the coroutine to completion, then cancels the tasks still pending, finalizes async generators, shuts down the default thread pool and closes the loop. ' +
      'It is the usual bridge from synchronous code into async code: call it once, at the top of the program, and `await` everywhere below. ' +
      'It raises `RuntimeError` when a loop is already running in this thread, so it cannot be called from a coroutine (or from a notebook cell that already runs a loop). ' +
      '`asyncio.Runner` does the same job but keeps one loop across several `run()` calls.',
    versions: '`asyncio.run` since 3.7; it shuts down the default executor since 3.9; `asyncio.Runner` since 3.11.',
    links: [
      { title: 'asyncio.run', url: 'https://docs.python.org/3/library/asyncio-runner.html#asyncio.run' },
      { title: 'asyncio.Runner', url: 'https://docs.python.org/3/library/asyncio-runner.html#asyncio.Runner' },
    ],
  },
  {
    id: 'event-loop',
    title: 'The asyncio event loop',
    family: 'async',
    triggers: [
      { name: 'asyncio.get_running_loop' },
      { name: 'asyncio.get_event_loop' },
      { name: 'asyncio.new_event_loop' },
      { name: 'asyncio.set_event_loop' },
      { name: 'asyncio.new_event_loop.run_until_complete' },
      { name: 'asyncio.get_running_loop.call_soon' },
      { name: 'asyncio.get_running_loop.call_later' },
    ],
    summary:
      'The event loop is a scheduler that runs in one OS thread: it keeps a queue of ready callbacks (each step of a task is one), runs them one at a time, and when none is ready waits in the OS selector (epoll, kqueue, IOCP) for I/O or the next timer. ' +
      'Scheduling is cooperative: while one callback or task step runs, nothing else in that loop runs, so a blocking call or a long computation stalls every task. ' +
      '`call_soon` and `call_later` queue plain callbacks and are not thread-safe; from another thread use `call_soon_threadsafe`. ' +
      "Inside a coroutine, get the loop with `asyncio.get_running_loop()`: `asyncio.get_event_loop()` behaves differently across versions when no loop is running, and that use is deprecated.",
    versions:
      '`get_running_loop` since 3.7. `get_event_loop()` without a running loop has been deprecated in stages since 3.10; newer versions raise `RuntimeError` when no current loop is set (3.11.7 already does once `asyncio.run` has returned).',
    links: [
      { title: 'asyncio.get_running_loop', url: 'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.get_running_loop' },
      { title: 'loop.call_soon', url: 'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.call_soon' },
    ],
  },
  {
    id: 'asyncio-debug-mode',
    title: 'asyncio debug mode',
    family: 'async',
    triggers: [
      // `debug=True` as the last argument of `asyncio.run(…)` itself, not of the coroutine call inside it.
      { node: 'call', text: /^asyncio\.run\([\s\S]*,\s*debug\s*=\s*True\s*,?\s*\)$/ },
      { name: 'asyncio.new_event_loop.set_debug' },
      { name: 'asyncio.get_running_loop.set_debug' },
    ],
    summary:
      'Debug mode makes asyncio check itself, at some cost: it logs every callback or task step that holds the loop longer than `loop.slow_callback_duration` (0.1 s by default), which is how blocking calls hidden in coroutines are found. ' +
      'It also records where each coroutine and task was created, so "never awaited" warnings and unretrieved task exceptions point at the source line, and it raises `RuntimeError` when a non-thread-safe loop method is called from the wrong thread. ' +
      'Turn it on with `asyncio.run(…, debug=True)`, `loop.set_debug(True)`, the environment variable `PYTHONASYNCIODEBUG=1` or Development Mode (`python -X dev`); leave it off in production.',
    links: [
      { title: 'Developing with asyncio: debug mode', url: 'https://docs.python.org/3/library/asyncio-dev.html#debug-mode' },
      { title: 'loop.set_debug', url: 'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.set_debug' },
    ],
  },
];
