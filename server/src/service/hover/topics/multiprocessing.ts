// Multiprocessing: processes, pools, start methods, the main guard and pickling. Sharing data between processes is in
// mpShared.ts. Order matters: for a shared trigger the first topic is the one a concise hover shows.
import type { Topic } from './topic';

const PROCESS_POOL_EXECUTOR = 'concurrent.futures.ProcessPoolExecutor';

export const multiprocessingTopics: readonly Topic[] = [
  {
    id: 'multiprocessing-process',
    title: 'multiprocessing.Process: a separate interpreter process',
    family: 'multiprocessing',
    triggers: [
      { name: 'multiprocessing.Process' },
      { name: 'multiprocessing.Process.start' },
      { name: 'multiprocessing.Process.join' },
      { name: 'multiprocessing.Process.is_alive' },
      { name: 'multiprocessing.Process.exitcode' },
    ],
    summary:
      'A `Process` runs its target in a child process with its own interpreter, memory and GIL, so CPU-bound Python code really runs in parallel. ' +
      'Nothing is shared by default: the child works on a copy of the parent (fork) or on pickled arguments (spawn, forkserver), and changes it makes to globals never reach the parent. ' +
      '`start()` creates the child and `join()` waits for it; `exitcode` is `None` while it runs, `0` after a normal exit, `1` after an uncaught exception (whose traceback the child prints) and `-N` when signal `N` killed it. ' +
      'Starting a process costs far more than starting a thread, so reuse a pool for many small tasks.',
    example: [
      'import multiprocessing as mp',
      '',
      'def crunch(n):',
      '    print(sum(i * i for i in range(n)))',
      '',
      'if __name__ == "__main__":',
      '    p = mp.Process(target=crunch, args=(10_000_000,))',
      '    p.start()',
      '    p.join()',
      '    print(p.exitcode)  # 0 on success',
    ].join('\n'),
    links: [
      { title: 'The Process class', url: 'https://docs.python.org/3/library/multiprocessing.html#the-process-class' },
      { title: 'Process.exitcode', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Process.exitcode' },
    ],
  },
  {
    id: 'mp-pool',
    title: 'multiprocessing.Pool: worker processes fed by a task queue',
    family: 'multiprocessing',
    triggers: [
      { name: 'multiprocessing.Pool' },
      { name: 'multiprocessing.pool.Pool' },
      { name: 'multiprocessing.Pool.map' },
      { name: 'multiprocessing.Pool.starmap' },
      { name: 'multiprocessing.Pool.imap_unordered' },
      { name: 'multiprocessing.Pool.apply_async' },
    ],
    summary:
      'A `Pool` starts its worker processes up front and sends every task to them as a pickle, so the function must be importable by name (a module-level `def`, or a `functools.partial` of one) whatever the start method: lambdas and nested functions fail. ' +
      '`map()` cuts the input into chunks and blocks until all results are back, in input order; `imap_unordered()` streams results as they finish, and `apply_async()` returns an `AsyncResult` to `.get()` later. ' +
      'Leaving a `with Pool()` block calls `terminate()`, not `close()` and `join()`, so collect every result inside the block or outstanding work is killed.',
    example: [
      'from functools import partial',
      'from multiprocessing import Pool',
      '',
      'def scale(x, factor):',
      '    return x * factor',
      '',
      'if __name__ == "__main__":',
      '    with Pool(processes=4) as pool:',
      '        print(pool.map(partial(scale, factor=10), range(8)))',
    ].join('\n'),
    versions: 'The default number of workers is `os.cpu_count()`, and `os.process_cpu_count()` from 3.13.',
    links: [
      { title: 'Process pools', url: 'https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.pool' },
      { title: 'multiprocessing.pool.Pool', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.pool.Pool' },
    ],
  },
  {
    id: 'process-pool-executor',
    title: 'ProcessPoolExecutor: the executor interface over processes',
    family: 'multiprocessing',
    triggers: [{ name: PROCESS_POOL_EXECUTOR }, { name: `${PROCESS_POOL_EXECUTOR}.submit` }, { name: `${PROCESS_POOL_EXECUTOR}.map` }],
    summary:
      '`ProcessPoolExecutor` has the same `submit`/`map`/`Future` interface as `ThreadPoolExecutor`, but each call and its result are pickled to and from worker processes, which sidesteps the GIL for CPU-bound work. ' +
      'For small or I/O-bound tasks the pickling and inter-process traffic cost more than the work; `map(..., chunksize=n)` batches small items. ' +
      'Pass `mp_context=multiprocessing.get_context("spawn")` (or `"forkserver"`) to choose how workers start, and `max_tasks_per_child` to recycle them. ' +
      'If a worker dies abruptly, pending futures fail with `BrokenProcessPool` and the executor cannot be used again.',
    versions:
      '`mp_context` since 3.7, `max_tasks_per_child` since 3.11; at most 61 workers on Windows. Submitted callables are pickled under every start method, but from 3.14 Linux workers start with forkserver instead of fork, so they no longer inherit the parent\'s state and an `initializer` must be importable by name.',
    links: [
      { title: 'ProcessPoolExecutor', url: 'https://docs.python.org/3/library/concurrent.futures.html#processpoolexecutor' },
      { title: 'BrokenProcessPool', url: 'https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.process.BrokenProcessPool' },
    ],
  },
  {
    id: 'start-methods',
    title: 'Start methods: spawn, fork, forkserver',
    family: 'multiprocessing',
    triggers: [
      { name: 'multiprocessing.set_start_method' },
      { name: 'multiprocessing.get_context' },
      { name: 'multiprocessing.get_start_method' },
      { name: 'os.fork' },
      { node: 'keyword_argument', text: /^mp_context\s*=/ },
    ],
    summary:
      'With `spawn` the child is a fresh interpreter that re-imports your main module and receives the target and its arguments pickled: slow to start, but it inherits nothing unexpected. ' +
      'With `fork` (POSIX only) the child is a copy of the parent made by `os.fork()`: fast and nothing is pickled for a `Process`, but only the forking thread survives while every lock keeps the state it had at that instant, so programs that use threads can deadlock. ' +
      'With `forkserver` (POSIX only) children are forked from a small single-threaded server process started early, which avoids inheriting threads and locks. ' +
      'Call `set_start_method()` at most once, under the main guard; `get_context(method)` returns an object with the same API for a local choice, which is what libraries should use.',
    example: [
      'import multiprocessing as mp',
      '',
      'if __name__ == "__main__":',
      '    ctx = mp.get_context("spawn")',
      '    with ctx.Pool(4) as pool:',
      '        print(pool.map(abs, [-1, -2]))',
    ].join('\n'),
    versions:
      'Defaults: spawn on Windows (the only method there) and on macOS since 3.8; fork on Linux up to 3.13, forkserver from 3.14 (Linux and other POSIX systems except macOS). Since 3.12 `os.fork()` warns (`DeprecationWarning`) when it detects other threads.',
    links: [
      { title: 'Contexts and start methods', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing-start-methods' },
      { title: 'multiprocessing.get_context', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.get_context' },
      { title: 'os.fork', url: 'https://docs.python.org/3/library/os.html#os.fork' },
    ],
  },
  {
    id: 'main-guard',
    title: 'The `if __name__ == "__main__":` guard',
    family: 'multiprocessing',
    triggers: [{ node: 'if_statement', text: /^if\s+\(?\s*(__name__\s*==\s*(['"])__main__\2|(['"])__main__\3\s*==\s*__name__)\s*\)?\s*:/ }],
    summary:
      'Under the spawn and forkserver start methods each child imports your main script again, as a module named `__mp_main__`, to find the target function. ' +
      'Module-level code therefore runs again in every child, so whatever starts processes must sit under this guard; otherwise multiprocessing stops the child with a `RuntimeError` about the bootstrapping phase. ' +
      'Keep worker functions at module level, outside the guard, where the child can import them. ' +
      'Under fork nothing is re-imported, but the guard keeps the script working where the default re-imports: Windows, macOS, and Linux from 3.14.',
    example: [
      'import multiprocessing as mp',
      '',
      'def work(x):  # module level: the child can import it',
      '    return x * x',
      '',
      'if __name__ == "__main__":  # runs only in the parent',
      '    with mp.Pool() as pool:',
      '        print(pool.map(work, range(10)))',
    ].join('\n'),
    links: [
      { title: 'Safe importing of main module', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing-safe-main-import' },
      { title: '__main__', url: 'https://docs.python.org/3/library/__main__.html' },
    ],
  },
  {
    id: 'pickling',
    title: 'Pickling: how objects cross process boundaries',
    family: 'multiprocessing',
    triggers: [
      { name: 'pickle.dumps' },
      { name: 'pickle.loads' },
      { name: 'pickle.dump' },
      { name: 'pickle.load' },
      { name: 'pickle.HIGHEST_PROTOCOL' },
      { name: 'multiprocessing.Pool.map' },
      { name: `${PROCESS_POOL_EXECUTOR}.submit` },
    ],
    summary:
      '`pickle` turns an object into bytes from which `loads()` builds a new, equal object; multiprocessing uses it for task arguments, return values and queue items, so the two sides never share the object itself. ' +
      'Functions and classes are pickled by reference (module name plus qualified name) and must be importable under that name on the receiving side, which rules out lambdas, nested functions and classes defined inside functions. ' +
      'Instances are pickled by value, as a class reference plus their state, so a large payload costs time and memory on both sides; shared memory avoids the copy. ' +
      'Never unpickle data from an untrusted source: loading a pickle can run arbitrary code.',
    versions: '`pickle.HIGHEST_PROTOCOL` is 5 since 3.8 (PEP 574); the default protocol is 4 from 3.8 to 3.13 and 5 from 3.14.',
    links: [
      { title: 'What can be pickled and unpickled?', url: 'https://docs.python.org/3/library/pickle.html#what-can-be-pickled-and-unpickled' },
      { title: 'pickle', url: 'https://docs.python.org/3/library/pickle.html#module-pickle' },
    ],
  },
];
