// Threads, continued: locks, signalling, semaphores, queues and races on shared state (family 'threads').
import type { Topic } from './topic';

export const threadSyncTopics: readonly Topic[] = [
  {
    id: 'lock-rlock',
    title: 'Lock and RLock',
    family: 'threads',
    triggers: [
      { name: 'threading.Lock' },
      { name: 'threading.RLock' },
      { name: 'threading.Lock.acquire' },
      { name: 'threading.Lock.release' },
      { name: 'threading.RLock.acquire' },
    ],
    summary:
      'A `Lock` is a plain mutex: `acquire()` blocks while another thread holds it, any thread may release it, and a thread that acquires it twice deadlocks itself. ' +
      'An `RLock` records its owner and a recursion count, so the owning thread can acquire it again (a locked method calling another locked method), and only the owner may release it. ' +
      'Prefer `with lock:`, which releases the lock even when the block raises. ' +
      'Keep critical sections short and always take several locks in the same order, or threads can deadlock on each other. ' +
      'With or without the GIL, a lock is what makes a read-modify-write on shared state atomic.',
    example: [
      'import threading',
      '',
      'lock = threading.Lock()',
      'counter = 0',
      '',
      'def work():',
      '    global counter',
      '    for _ in range(100_000):',
      '        with lock:',
      '            counter += 1',
    ].join('\n'),
    links: [
      { title: 'Lock objects', url: 'https://docs.python.org/3/library/threading.html#lock-objects' },
      { title: 'RLock objects', url: 'https://docs.python.org/3/library/threading.html#rlock-objects' },
    ],
  },
  {
    id: 'thread-signalling',
    title: 'Event, Condition and Barrier',
    family: 'threads',
    triggers: [
      { name: 'threading.Event' },
      { name: 'threading.Condition' },
      { name: 'threading.Barrier' },
      { name: 'threading.Event.set' },
      { name: 'threading.Event.wait' },
      { name: 'threading.Condition.wait' },
      { name: 'threading.Condition.notify' },
    ],
    summary:
      'An `Event` is a flag: `wait()` blocks until some thread calls `set()`, and the flag stays set until `clear()`. ' +
      'A `Condition` pairs a lock with a set of waiters: `wait()` releases the lock while it sleeps and re-acquires it before returning, so re-check the predicate in a `while` loop (or use `wait_for(predicate)`), since another thread may change the state before you get the lock back. ' +
      '`notify()` and `notify_all()` must be called with the lock held; they only wake waiters and carry no data. ' +
      'A `Barrier(n)` holds threads in `wait()` until `n` of them have arrived, then releases them together; a timeout or `abort()` breaks it with `BrokenBarrierError`.',
    example: [
      'import threading',
      '',
      'items, ready = [], threading.Condition()',
      '',
      'def consume():',
      '    with ready:',
      '        while not items:',
      '            ready.wait()',
      '        return items.pop()',
    ].join('\n'),
    links: [
      { title: 'Event objects', url: 'https://docs.python.org/3/library/threading.html#event-objects' },
      { title: 'Condition objects', url: 'https://docs.python.org/3/library/threading.html#condition-objects' },
      { title: 'Barrier objects', url: 'https://docs.python.org/3/library/threading.html#barrier-objects' },
    ],
  },
  {
    id: 'semaphore',
    title: 'Semaphore: at most n holders at once',
    family: 'threads',
    triggers: [{ name: 'threading.Semaphore' }, { name: 'threading.BoundedSemaphore' }, { name: 'multiprocessing.Semaphore' }],
    summary:
      'A semaphore keeps a counter: `acquire()` decrements it and blocks at zero, `release()` increments it and wakes a waiter, so `Semaphore(3)` lets at most three threads inside `with sem:` at once, a natural limit for connections or downloads. ' +
      'Any thread may call `release()`, and a plain `Semaphore` lets extra calls raise the counter above its start value; `BoundedSemaphore` raises `ValueError` instead, catching unbalanced releases. ' +
      '`multiprocessing.Semaphore` offers the same interface across processes, backed by an OS semaphore.',
    links: [
      { title: 'Semaphore objects', url: 'https://docs.python.org/3/library/threading.html#semaphore-objects' },
      { title: 'multiprocessing.Semaphore', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Semaphore' },
    ],
  },
  {
    id: 'thread-queue',
    title: 'queue.Queue: thread-safe hand-off',
    family: 'threads',
    triggers: [
      { name: 'queue.Queue' },
      { name: 'queue.LifoQueue' },
      { name: 'queue.PriorityQueue' },
      { name: 'queue.SimpleQueue' },
      { name: 'queue.Queue.task_done' },
      { name: 'queue.Queue.join' },
    ],
    summary:
      '`queue.Queue` guards a deque with one lock and condition variables, so any number of threads can `put()` and `get()`, and `get()` sleeps without spinning until an item arrives. ' +
      'With `maxsize > 0`, `put()` blocks while the queue is full, which slows a fast producer down to the consumers\' pace. ' +
      'Calling `task_done()` after each processed item lets `join()` wait until all work is finished; a sentinel such as `None`, one per consumer, tells consumers to exit. ' +
      '`LifoQueue` returns the newest item and `PriorityQueue` the smallest; between processes use `multiprocessing.Queue`, and between asyncio tasks `asyncio.Queue`.',
    example: [
      'import queue, threading',
      '',
      'jobs = queue.Queue(maxsize=100)',
      '',
      'def worker():',
      '    while (job := jobs.get()) is not None:',
      '        handle(job)',
      '        jobs.task_done()',
    ].join('\n'),
    links: [
      { title: 'Queue objects', url: 'https://docs.python.org/3/library/queue.html#queue-objects' },
      { title: 'Queue.join', url: 'https://docs.python.org/3/library/queue.html#queue.Queue.join' },
    ],
  },
  {
    id: 'thread-safety-race',
    title: 'Race conditions on shared state',
    family: 'threads',
    triggers: [
      { name: 'threading.Thread.start' },
      { name: 'concurrent.futures.ThreadPoolExecutor.submit' },
      { name: 'concurrent.futures.ThreadPoolExecutor.map' },
    ],
    summary:
      'Once `start()` or `submit()` returns, the new code runs concurrently with yours, and everything both can reach (globals, class attributes, objects passed as arguments) is shared. ' +
      'A statement like `counter += 1` is several bytecode instructions (load, add, store on 3.11), and a thread switch between them lets two threads store the same new value, losing an update. ' +
      'How often that happens depends on the version and on where the interpreter checks for a switch: on 3.11 a bare `+=` on an int seldom loses updates, while `d[k] = d.get(k, 0) + 1`, which makes a call, loses many, so never rely on a race being rare. ' +
      'Single operations on built-in containers, such as `list.append` or `d[key] = value`, are atomic in CPython, but check-then-act sequences like `if key not in d: d[key] = ...` are not. ' +
      'Protect each compound update with a `Lock`, or pass data between threads through a `queue.Queue`.',
    example: [
      'import threading',
      '',
      'counts, lock = {}, threading.Lock()',
      '',
      'def tally(words):',
      '    for word in words:',
      '        with lock:  # without it, concurrent tallies lose updates',
      '            counts[word] = counts.get(word, 0) + 1',
    ].join('\n'),
    versions: 'Free-threaded builds (PEP 703, from 3.13) run threads truly in parallel, so unsynchronised updates race more often there.',
    links: [
      { title: 'FAQ: which mutations are thread-safe', url: 'https://docs.python.org/3/faq/library.html#what-kinds-of-global-value-mutation-are-thread-safe' },
      { title: 'Lock objects', url: 'https://docs.python.org/3/library/threading.html#lock-objects' },
    ],
  },
];
