// Async (2/2): tasks and futures, gather / wait, timeouts, cancellation, offloading blocking calls, context variables.
import type { Topic } from './topic';

export const asyncTaskTopics: readonly Topic[] = [
  {
    id: 'asyncio-task-future',
    title: 'asyncio Tasks and Futures',
    family: 'async',
    triggers: [
      { name: 'asyncio.create_task' },
      { name: 'asyncio.Task' },
      { name: 'asyncio.Future' },
      { name: 'asyncio.TaskGroup' },
      { name: 'asyncio.TaskGroup.create_task' },
      { name: 'asyncio.get_running_loop.create_future' },
      { name: 'asyncio.all_tasks' },
      { name: 'asyncio.current_task' },
    ],
    summary:
      '`asyncio.create_task(coro)` wraps the coroutine in a Task and schedules its first step on the running loop: it starts once the current task next yields to the loop, then runs in the background while you carry on. ' +
      'A Task is a Future that drives a coroutine; a Future is only a slot for a result that someone sets later (`set_result`), and awaiting either suspends until it is done. ' +
      'The loop keeps only weak references to tasks, so hold a reference (a variable, a set, a `TaskGroup`) until the task finishes, or it can be garbage-collected mid-flight and its exception never seen. ' +
      '`asyncio.TaskGroup` adds structure: leaving its `async with` block waits for every child, and the first failure cancels the others and is raised in an `ExceptionGroup`. ' +
      'Tasks and futures belong to one loop and are not thread-safe.',
    example: 'background = set()\ntask = asyncio.create_task(poll())\nbackground.add(task)                      # keep it alive\ntask.add_done_callback(background.discard)\n',
    versions: '`asyncio.TaskGroup` since 3.11. Since 3.12 a loop can opt into eager tasks (`asyncio.eager_task_factory`), which start running inside `create_task` itself.',
    links: [
      { title: 'asyncio.create_task', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task' },
      { title: 'asyncio.TaskGroup', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup' },
      { title: 'asyncio.Future', url: 'https://docs.python.org/3/library/asyncio-future.html#asyncio.Future' },
    ],
  },
  {
    id: 'asyncio-gather',
    title: '`asyncio.gather`',
    family: 'async',
    triggers: [{ name: 'asyncio.gather' }],
    summary:
      '`asyncio.gather(*aws)` wraps each coroutine in a task so they all run concurrently, and returns their results as a list in argument order, whatever order they finish in. ' +
      'By default the first exception is raised to the awaiting code, but the other awaitables are not cancelled: they keep running in the background, and their later errors go unobserved. ' +
      'With `return_exceptions=True` exceptions are placed in the result list instead of being raised, so check each item. ' +
      'Cancelling the gather itself cancels every child; `asyncio.TaskGroup` is the stricter alternative that cancels the siblings when one fails.',
    example: 'users, orders = await asyncio.gather(get_users(), get_orders())\nresults = await asyncio.gather(*jobs, return_exceptions=True)\n',
    versions: '`asyncio.TaskGroup` since 3.11.',
    links: [
      { title: 'asyncio.gather', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.gather' },
      { title: 'asyncio.TaskGroup', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup' },
    ],
  },
  {
    id: 'asyncio-wait-as-completed',
    title: '`asyncio.wait` and `asyncio.as_completed`',
    family: 'async',
    triggers: [{ name: 'asyncio.wait' }, { name: 'asyncio.as_completed' }],
    summary:
      '`asyncio.wait(tasks, return_when=…)` returns two sets, `(done, pending)`, once the condition (`FIRST_COMPLETED`, `FIRST_EXCEPTION` or `ALL_COMPLETED`) or the timeout is reached. ' +
      'It neither raises the tasks\u2019 exceptions nor cancels what is pending: read results from `done` and cancel `pending` yourself. ' +
      'It accepts tasks and futures only; bare coroutines are rejected with `TypeError`. ' +
      '`asyncio.as_completed(aws)` hands back awaitables in the order they finish, not the order passed, so each result can be handled as soon as it is ready.',
    versions: 'Passing coroutines to `asyncio.wait` was deprecated in 3.8 and is an error since 3.11.',
    links: [
      { title: 'asyncio.wait', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.wait' },
      { title: 'asyncio.as_completed', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.as_completed' },
    ],
  },
  {
    id: 'asyncio-timeouts',
    title: 'asyncio timeouts',
    family: 'async',
    triggers: [{ name: 'asyncio.wait_for' }, { name: 'asyncio.timeout' }, { name: 'asyncio.timeout_at' }],
    summary:
      '`asyncio.wait_for(aw, timeout)` and `async with asyncio.timeout(delay):` enforce a deadline by cancelling the work when it expires, then raising `TimeoutError` in the waiting code. ' +
      'The timeout is delivered as a cancellation, so it lands at the next `await` inside: code that blocks without awaiting cannot be interrupted, and a handler that swallows `CancelledError` defeats the timeout. ' +
      '`asyncio.timeout()` covers a whole block of awaits and can be rescheduled; `wait_for` wraps a single awaitable. ' +
      'Since 3.11 `asyncio.TimeoutError` is the built-in `TimeoutError`; on older versions catch `asyncio.TimeoutError`.',
    example: 'async with asyncio.timeout(10):\n    data = await fetch(url)\n    await save(data)\n',
    versions: '`asyncio.timeout` and `asyncio.timeout_at` since 3.11; `asyncio.TimeoutError` is an alias of `TimeoutError` since 3.11.',
    links: [
      { title: 'asyncio.timeout', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.timeout' },
      { title: 'asyncio.wait_for', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.wait_for' },
    ],
  },
  {
    id: 'asyncio-cancellation-shield',
    title: 'Task cancellation and `asyncio.shield`',
    family: 'async',
    triggers: [{ name: 'asyncio.shield' }, { name: 'asyncio.CancelledError' }, { name: 'asyncio.create_task.cancel' }],
    summary:
      '`task.cancel()` only requests cancellation: when the task next resumes, `CancelledError` is raised inside it at the `await` where it was suspended, and unwinds through `try`/`finally` like any exception. ' +
      '`CancelledError` derives from `BaseException`, so `except Exception` does not catch it; if you catch it to clean up, re-raise it, or the task carries on as if never cancelled and timeouts and task groups misbehave. ' +
      'Awaiting a cancelled task raises `CancelledError` in the awaiting code. ' +
      '`asyncio.shield(aw)` protects the inner operation from a cancellation aimed at the task awaiting it: that task still gets `CancelledError`, but the inner work keeps running, so keep a reference if you need its result.',
    example: 'try:\n    await conn.execute(query)\nexcept asyncio.CancelledError:\n    await conn.rollback()\n    raise\n',
    versions: '`CancelledError` is a `BaseException` subclass since 3.8 (before, an `Exception`).',
    links: [
      { title: 'Task.cancel', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.Task.cancel' },
      { title: 'asyncio.shield', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.shield' },
      { title: 'asyncio.CancelledError', url: 'https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.CancelledError' },
    ],
  },
  {
    id: 'offload-blocking-calls',
    title: 'Offloading blocking calls from the event loop',
    family: 'async',
    triggers: [
      { name: 'asyncio.to_thread' },
      { name: 'asyncio.get_running_loop.run_in_executor' },
      { name: 'asyncio.run_coroutine_threadsafe' },
    ],
    summary:
      'A blocking call inside a coroutine (`time.sleep`, `requests.get`, a synchronous database driver) stops the event loop and every other task with it. ' +
      '`await asyncio.to_thread(func, *args)` runs an ordinary synchronous function in the loop\u2019s default thread pool and suspends the coroutine until it returns; `loop.run_in_executor(executor, func, *args)` does the same with an executor you choose. ' +
      'Threads help only while the function waits or releases the GIL: pure-Python CPU work still holds the GIL, so hand it to a `ProcessPoolExecutor` through `run_in_executor` instead. ' +
      '`asyncio.run_coroutine_threadsafe(coro, loop)` goes the other way: it submits a coroutine from another thread to a loop running elsewhere and returns a `concurrent.futures.Future`.',
    example: 'async def handler(path):\n    data = await asyncio.to_thread(parse_file, path)   # parse_file is a plain def\n    return data\n',
    versions: '`asyncio.to_thread` since 3.9. The GIL caveat applies to the default build; free-threaded builds exist from 3.13.',
    links: [
      { title: 'asyncio.to_thread', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.to_thread' },
      { title: 'loop.run_in_executor', url: 'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.run_in_executor' },
      { title: 'asyncio.run_coroutine_threadsafe', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.run_coroutine_threadsafe' },
    ],
  },
  {
    id: 'contextvars',
    title: 'Context variables (`contextvars`)',
    family: 'async',
    triggers: [
      { name: 'contextvars.ContextVar' },
      { name: 'contextvars.ContextVar.set' },
      { name: 'contextvars.ContextVar.get' },
      { name: 'contextvars.copy_context' },
    ],
    summary:
      'A `ContextVar` is a variable whose value is looked up in the current context rather than stored globally, so concurrent asyncio tasks each see their own value (a request id, a user, a transaction) through one module-level name. ' +
      'Every task runs in a copy of the context taken when the task was created: `var.set()` inside a task changes only that copy and never leaks to the caller or to sibling tasks. ' +
      '`set()` returns a token, and `var.reset(token)` restores the previous value. ' +
      '`asyncio.to_thread` carries the current context into its worker thread, but `loop.run_in_executor` does not, so values set in the task are not visible there.',
    example: "request_id = ContextVar('request_id', default=None)   # create at module level\n\nasync def handle(req):\n    request_id.set(req.id)   # visible to everything this task awaits\n",
    versions: '`contextvars` since 3.7 (PEP 567).',
    links: [
      { title: 'contextvars.ContextVar', url: 'https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar' },
      { title: 'contextvars: asyncio support', url: 'https://docs.python.org/3/library/contextvars.html#asyncio-support' },
    ],
  },
];
