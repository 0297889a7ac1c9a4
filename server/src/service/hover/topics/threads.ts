// The GIL and threads: what the GIL protects, where it is released, threads and executors. Locks, signalling and
// queues are in threadSync.ts. Order matters: for a shared trigger the first topic is the one a concise hover shows.
import type { Topic } from './topic';

const THREAD_POOL_EXECUTOR = 'concurrent.futures.ThreadPoolExecutor';

export const threadTopics: readonly Topic[] = [
  {
    id: 'threading-thread',
    title: 'threading.Thread: an OS thread inside this interpreter',
    family: 'threads',
    triggers: [{ name: 'threading.Thread' }, { name: 'threading.Thread.start' }, { name: 'threading.Thread.join' }, { name: 'threading.Thread.daemon' }],
    summary:
      'Each `Thread` is a real OS thread, but in the default CPython build only the thread holding the GIL runs Python bytecode, so threads overlap their waiting (I/O, sleeps, GIL-releasing C code), not their computation. ' +
      '`start()` launches the thread, whose `run()` method calls `target(*args, **kwargs)`, and `join()` blocks until it returns. ' +
      'All threads share the module globals and every object reachable from them, so shared mutable state needs a lock. ' +
      'An exception in the thread never reaches the caller of `join()`: it goes to `threading.excepthook`, which prints it. ' +
      'At exit the interpreter waits for non-daemon threads, while `daemon=True` threads are stopped abruptly.',
    example: [
      'import threading',
      '',
      'def download(url):',
      '    ...',
      '',
      't = threading.Thread(target=download, args=("https://example.com",), daemon=True)',
      't.start()',
      't.join(timeout=5)  # returns after 5 s even if the thread still runs',
      'if t.is_alive():',
      '    print("still downloading")',
    ].join('\n'),
    versions: '`threading.excepthook` exists since 3.8. Free-threaded builds (PEP 703, from 3.13) run threads\' bytecode in parallel.',
    links: [
      { title: 'threading: Thread objects', url: 'https://docs.python.org/3/library/threading.html#thread-objects' },
      { title: 'threading.excepthook', url: 'https://docs.python.org/3/library/threading.html#threading.excepthook' },
    ],
  },
  {
    id: 'executors-thread-pool',
    title: 'ThreadPoolExecutor: reusable worker threads',
    family: 'threads',
    triggers: [{ name: THREAD_POOL_EXECUTOR }, { name: `${THREAD_POOL_EXECUTOR}.submit` }, { name: `${THREAD_POOL_EXECUTOR}.map` }],
    summary:
      'The executor starts worker threads on demand, up to `max_workers`, and feeds them from an internal queue: `submit()` returns a `Future` at once, and `map()` yields results in input order, re-raising a task\'s exception when you reach that result. ' +
      'The workers are ordinary threads, so under the GIL the pool speeds up blocking I/O and GIL-releasing C code, not pure-Python CPU work (use `ProcessPoolExecutor` for that). ' +
      'Leaving a `with` block calls `shutdown(wait=True)`, which waits for every submitted task to finish.',
    example: [
      'from concurrent.futures import ThreadPoolExecutor',
      'import urllib.request',
      '',
      'def fetch(url):',
      '    with urllib.request.urlopen(url, timeout=10) as response:',
      '        return len(response.read())',
      '',
      'with ThreadPoolExecutor(max_workers=8) as pool:',
      '    sizes = list(pool.map(fetch, urls))',
    ].join('\n'),
    versions: 'Without `max_workers`, the default is `min(32, os.cpu_count() + 4)` since 3.8 (3.13 counts the CPUs usable by the process, `os.process_cpu_count()`); idle workers are reused since 3.8.',
    links: [
      { title: 'ThreadPoolExecutor', url: 'https://docs.python.org/3/library/concurrent.futures.html#threadpoolexecutor' },
      { title: 'Executor.map', url: 'https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Executor.map' },
    ],
  },
  {
    id: 'futures-concurrent',
    title: 'concurrent.futures.Future: a result that is not ready yet',
    family: 'threads',
    triggers: [{ name: 'concurrent.futures.Future' }, { name: `${THREAD_POOL_EXECUTOR}.submit` }],
    summary:
      '`submit()` wraps the call in a `Future` and returns immediately; the worker later stores either the return value or the raised exception in it. ' +
      '`result(timeout=...)` blocks until then and re-raises the worker\'s exception in your thread, so a failing task stays silent until someone asks for its result. ' +
      '`cancel()` only succeeds while the task is still queued, and `add_done_callback()` runs its callback in whichever thread completes the future (or at once if it is already done). ' +
      'Executors create futures; build one yourself only in tests.',
    versions: 'Since 3.11 `concurrent.futures.TimeoutError` is the built-in `TimeoutError`.',
    links: [
      { title: 'Future objects', url: 'https://docs.python.org/3/library/concurrent.futures.html#future-objects' },
      { title: 'Future.result', url: 'https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.result' },
    ],
  },
  {
    id: 'as-completed-wait',
    title: 'as_completed and wait: collecting futures as they finish',
    family: 'threads',
    triggers: [
      { name: 'concurrent.futures.as_completed' },
      { name: 'concurrent.futures.wait' },
      { name: 'concurrent.futures.FIRST_COMPLETED' },
      { name: 'concurrent.futures.FIRST_EXCEPTION' },
      { name: 'concurrent.futures.ALL_COMPLETED' },
    ],
    summary:
      '`as_completed(fs)` yields each future as soon as it finishes or is cancelled, so results arrive in completion order, not submission order. ' +
      '`wait(fs, return_when=...)` blocks until `FIRST_COMPLETED`, `FIRST_EXCEPTION` or `ALL_COMPLETED` (the default) and returns a named tuple of two sets, `done` and `not_done`. ' +
      'Neither cancels unfinished work when a `timeout` expires: `as_completed` raises `TimeoutError`, while `wait` just returns what is done so far. ' +
      'Because the order is arbitrary, keep a dict from each future to its input.',
    example: [
      'from concurrent.futures import ThreadPoolExecutor, as_completed',
      '',
      'with ThreadPoolExecutor() as pool:',
      '    futures = {pool.submit(fetch, url): url for url in urls}',
      '    for future in as_completed(futures):',
      '        print(futures[future], future.result())',
    ].join('\n'),
    links: [
      { title: 'concurrent.futures.as_completed', url: 'https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.as_completed' },
      { title: 'concurrent.futures.wait', url: 'https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.wait' },
    ],
  },
  {
    id: 'gil',
    title: 'The GIL (global interpreter lock)',
    family: 'threads',
    triggers: [{ name: 'threading.Thread' }, { name: THREAD_POOL_EXECUTOR }, { name: 'multiprocessing.pool.ThreadPool' }],
    summary:
      'In the default CPython build a thread must hold the GIL to run Python bytecode, so only one thread executes Python code at any moment, however many cores the machine has. ' +
      'The lock exists mainly because reference counts and many interpreter structures are updated without locks of their own. ' +
      'Threads therefore help programs that wait (blocking I/O, `time.sleep`, C extensions that release the GIL) but not pure-Python CPU work, which needs processes (`multiprocessing`, `ProcessPoolExecutor`). ' +
      'The GIL does not make your code thread-safe: a thread can be switched out between the bytecode instructions of a single statement.',
    versions:
      'Free-threaded builds without the GIL (PEP 703) exist from 3.13, where they are experimental; 3.14 makes them officially supported but still a separate, optional build (PEP 779).',
    links: [
      { title: 'Glossary: global interpreter lock', url: 'https://docs.python.org/3/glossary.html#term-global-interpreter-lock' },
      { title: 'Free-threaded Python', url: 'https://docs.python.org/3/howto/free-threading-python.html' },
    ],
  },
  {
    id: 'gil-release-points',
    title: 'When the GIL changes hands',
    family: 'threads',
    triggers: [{ name: 'sys.setswitchinterval' }, { name: 'sys.getswitchinterval' }, { node: 'keyword_argument', text: /^nogil\s*=\s*True$/ }],
    summary:
      'A thread gives up the GIL around blocking calls (file and socket I/O, `time.sleep`, waiting for a lock) and in C code that releases it explicitly, as NumPy, `hashlib` on large inputs, Cython `nogil` blocks and numba\'s `nogil=True` functions do. ' +
      'A thread busy running Python code is asked to drop the GIL once another thread has waited for the switch interval, 5 ms by default (`sys.getswitchinterval()`), and the operating system then picks which waiting thread runs. ' +
      'A shorter interval makes threads more responsive at the cost of more switching; a longer one favours throughput. ' +
      'Between release points, Python code still runs one thread at a time.',
    versions: 'The time-based switch interval replaced the bytecode count (`sys.setcheckinterval`) in 3.2; `setcheckinterval` was removed in 3.9.',
    links: [
      { title: 'sys.setswitchinterval', url: 'https://docs.python.org/3/library/sys.html#sys.setswitchinterval' },
      { title: 'Glossary: global interpreter lock', url: 'https://docs.python.org/3/glossary.html#term-global-interpreter-lock' },
    ],
  },
  {
    id: 'free-threading-pep703',
    title: 'Free-threaded CPython (PEP 703)',
    family: 'threads',
    triggers: [{ name: 'sys._is_gil_enabled' }, { node: 'string', text: /^['"]Py_GIL_DISABLED['"]$/ }],
    summary:
      'PEP 703 adds a separate CPython build (configured with `--disable-gil`, usually installed as `python3.13t` or `python3.14t`) in which threads run Python bytecode truly in parallel. ' +
      '`sys._is_gil_enabled()` tells whether the GIL is active right now: a free-threaded interpreter turns it back on when it imports an extension module not marked as safe, unless `PYTHON_GIL=0` or `-X gil=0` forces it off. ' +
      'On a regular build it always returns `True`. ' +
      'Expect some single-threaded overhead, and code that counted on the GIL to make compound updates look atomic can now race, so guard shared state with locks.',
    versions:
      'Free-threaded builds are experimental in 3.13 and officially supported, still optional, from 3.14 (PEP 779). `sys._is_gil_enabled()` exists from 3.13 only; `sysconfig.get_config_var("Py_GIL_DISABLED")` tells the two builds apart.',
    links: [
      { title: 'Free-threaded Python', url: 'https://docs.python.org/3/howto/free-threading-python.html' },
      { title: 'sys._is_gil_enabled', url: 'https://docs.python.org/3/library/sys.html#sys._is_gil_enabled' },
    ],
  },
  {
    id: 'concurrency-model-choice',
    title: 'Threads, processes or asyncio?',
    family: 'threads',
    triggers: [{ node: 'dotted_name', text: /^(threading|multiprocessing|asyncio|concurrent\.futures)$/ }],
    summary:
      'The three standard models differ in what actually runs at the same time. ' +
      '`threading` and `ThreadPoolExecutor` share one interpreter: good for blocking I/O and GIL-releasing C code, no speedup for pure-Python CPU work while the GIL is on. ' +
      '`multiprocessing` and `ProcessPoolExecutor` run separate interpreters on separate cores, paying for process start-up and for pickling every argument and result. ' +
      '`asyncio` runs many tasks on one thread and switches only at `await`, so it handles many connections cheaply but needs async libraries and stalls on any blocking call. ' +
      'Profile first: the bottleneck (waiting or computing) decides.',
    links: [
      { title: 'Concurrent execution', url: 'https://docs.python.org/3/library/concurrency.html' },
      { title: 'Glossary: global interpreter lock', url: 'https://docs.python.org/3/glossary.html#term-global-interpreter-lock' },
    ],
  },
];
