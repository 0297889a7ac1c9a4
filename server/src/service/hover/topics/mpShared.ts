// Multiprocessing, continued: moving and sharing data between processes (family 'multiprocessing').
import type { Topic } from './topic';

const SHARED_MEMORY = 'multiprocessing.shared_memory.SharedMemory';

export const mpSharedTopics: readonly Topic[] = [
  {
    id: 'mp-queue-pipe',
    title: 'multiprocessing Queue and Pipe',
    family: 'multiprocessing',
    triggers: [
      { name: 'multiprocessing.Queue' },
      { name: 'multiprocessing.SimpleQueue' },
      { name: 'multiprocessing.JoinableQueue' },
      { name: 'multiprocessing.Pipe' },
      { name: 'multiprocessing.Queue.put' },
      { name: 'multiprocessing.Queue.get' },
    ],
    summary:
      '`Pipe()` returns two `Connection` objects, two-way unless `duplex=False`: `send()` pickles an object and `recv()` blocks until the other end sends one. ' +
      '`multiprocessing.Queue` is a pipe plus locks and a background feeder thread: `put()` returns before the data is written, and a pickling error surfaces in that thread instead of being raised by `put()`. ' +
      'A process that has put items does not exit until they are flushed into the pipe, so joining it before the consumer drains the queue can deadlock: get the results first, then `join()`. ' +
      'Items arrive as copies, and a sentinel such as `None`, one per consumer, tells consumers to stop.',
    example: [
      'import multiprocessing as mp',
      '',
      'def produce(q):',
      '    for i in range(3):',
      '        q.put(i)',
      '    q.put(None)',
      '',
      'if __name__ == "__main__":',
      '    q = mp.Queue()',
      '    p = mp.Process(target=produce, args=(q,))',
      '    p.start()',
      '    while (item := q.get()) is not None:',
      '        print(item)',
      '    p.join()  # after draining the queue',
    ].join('\n'),
    links: [
      { title: 'multiprocessing.Queue', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Queue' },
      { title: 'multiprocessing.Pipe', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Pipe' },
    ],
  },
  {
    id: 'mp-value-array',
    title: 'Value and Array: ctypes in shared memory',
    family: 'multiprocessing',
    triggers: [
      { name: 'multiprocessing.Value' },
      { name: 'multiprocessing.Array' },
      { name: 'multiprocessing.sharedctypes.Value' },
      { name: 'multiprocessing.Value.get_lock' },
      { name: 'multiprocessing.Value.value' },
      { name: 'multiprocessing.Array.get_lock' },
    ],
    summary:
      '`Value(typecode, x)` and `Array(typecode, n)` place a C value or array (typecode `"i"` is a C `int`, `"d"` a `double`, or pass a ctypes type) in shared memory that child processes map as well, so writes are seen across processes without pickling. ' +
      'By default each comes wrapped with a recursive lock, returned by `get_lock()`, that guards each single read or write; `v.value += 1` is a read and then a write, so wrap it in `with v.get_lock():` or updates are lost. ' +
      'Hand the object to the child when creating the `Process` (or through a pool\'s `initializer`): it cannot travel through a queue or as a task argument, which raises `RuntimeError`. ' +
      '`lock=False` returns the bare ctypes object, with no locking at all.',
    example: [
      'import multiprocessing as mp',
      '',
      'def bump(counter):',
      '    for _ in range(1000):',
      '        with counter.get_lock():',
      '            counter.value += 1',
      '',
      'if __name__ == "__main__":',
      '    counter = mp.Value("i", 0)',
      '    workers = [mp.Process(target=bump, args=(counter,)) for _ in range(4)]',
      '    for w in workers:',
      '        w.start()',
      '    for w in workers:',
      '        w.join()',
      '    print(counter.value)  # 4000',
    ].join('\n'),
    links: [
      { title: 'multiprocessing.Value', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Value' },
      { title: 'multiprocessing.Array', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Array' },
    ],
  },
  {
    id: 'shared-memory',
    title: 'SharedMemory: a named block mapped by several processes',
    family: 'multiprocessing',
    triggers: [
      { name: SHARED_MEMORY },
      { name: 'multiprocessing.shared_memory.ShareableList' },
      { name: `${SHARED_MEMORY}.buf` },
      { name: `${SHARED_MEMORY}.close` },
      { name: `${SHARED_MEMORY}.unlink` },
    ],
    summary:
      '`SharedMemory(create=True, size=n)` creates an OS shared-memory block, other processes attach with `SharedMemory(name=...)`, and all of them see the same bytes through `.buf`, a `memoryview`: no pickling and no copy, and NumPy arrays can be built directly on it. ' +
      'Nothing is locked for you, so coordinate writers yourself. ' +
      'Every process calls `close()` when done (after releasing its views of `.buf`, or `close()` raises `BufferError`), and exactly one calls `unlink()` to free the block; on POSIX a block left behind is removed, if at all, by multiprocessing\'s resource tracker at shutdown. ' +
      '`ShareableList` stores a fixed-length list of ints, floats, bools, strings, bytes and `None` in such a block: it has no `append`, and a new string or bytes value must fit in the space of the old one.',
    versions: 'Added in 3.8. From 3.13, `track=False` keeps the resource tracker from unlinking a block when this process exits (POSIX).',
    links: [
      { title: 'SharedMemory', url: 'https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory' },
      { title: 'ShareableList', url: 'https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.ShareableList' },
    ],
  },
  {
    id: 'mp-manager',
    title: 'Manager: shared objects behind a server process',
    family: 'multiprocessing',
    triggers: [{ name: 'multiprocessing.Manager' }, { name: 'multiprocessing.Manager.dict' }, { name: 'multiprocessing.Manager.list' }],
    summary:
      '`Manager()` starts a separate server process that owns the real dicts, lists, queues and locks; `manager.dict()` returns a proxy, and every operation on it is pickled, sent to the server and answered over a connection. ' +
      'Proxies are flexible (they can be passed to pool tasks, even to other machines) but far slower than `Value`, `Array` or `SharedMemory` for hot data. ' +
      'Changing an object nested inside a proxy does not propagate: `d["k"].append(1)` modifies a temporary copy, so reassign `d["k"] = items` instead. ' +
      'Use `with Manager() as manager:` so that the server process is shut down.',
    links: [
      { title: 'Managers', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing-managers' },
      { title: 'multiprocessing.Manager', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Manager' },
    ],
  },
];
