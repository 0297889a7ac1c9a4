// Hovers of the threads family (threads.ts and threadSync.ts): the right topic on realistic code, nothing on near-misses.
import assert from 'node:assert/strict';
import { assertHidesTopic as hides, assertShowsTopic as shows, hoverAt } from '../helpers/hover';

const title = (t: string) => `**${t}**`;

const THREAD = 'threading.Thread: an OS thread inside this interpreter';
const GIL = 'The GIL (global interpreter lock)';
const EXECUTOR = 'ThreadPoolExecutor: reusable worker threads';
const RACE = 'Race conditions on shared state';
const LOCKS = 'Lock and RLock';
const QUEUE = 'queue.Queue: thread-safe hand-off';
const CHOICE = 'Threads, processes or asyncio?';
const SWITCH = 'When the GIL changes hands';

describe('hover: threads topics', () => {
  it('explains threading.Thread first and the GIL after it', async () => {
    await shows('import threading\nt = threading.Thr$0ead(target=work)\n', THREAD);
    await shows('from threading import Thread\nt = Thr$0ead(target=work, daemon=True)\n', THREAD);
    await shows('import threading as th\nclass Worker(th.Thr$0ead):\n    def run(self):\n        pass\n', THREAD);
    const hover = await hoverAt('import threading\nt = threading.Thr$0ead(target=work)\n', { hoverLevel: 'detailed' });
    assert.ok(hover && hover.indexOf(title(THREAD)) >= 0 && hover.indexOf(title(GIL)) > hover.indexOf(title(THREAD)), hover);
  });

  it('follows a thread object to start and join, and flags the race once it starts', async () => {
    await shows('import threading\nt = threading.Thread(target=work)\nt.st$0art()\n', THREAD);
    await shows('import threading\nt = threading.Thread(target=work)\nt.st$0art()\n', RACE, true);
    await shows('import threading\nt = threading.Thread(target=work)\nt.start()\nt.jo$0in()\n', THREAD);
  });

  it('leaves a Thread class or threading name that is not the stdlib one alone', async () => {
    await hides('class Thread:\n    pass\nt = Thr$0ead()\n', THREAD);
    await hides('class Thread:\n    pass\nt = Thr$0ead()\n', GIL);
    await hides('from mylib import Thread\nt = Thr$0ead()\n', THREAD);
    await hides('threading = load_plugin()\nt = threading.Thr$0ead()\n', THREAD);
    await hides('import threading\nt = MyThread()\nt.st$0art()\n', RACE);
  });

  it('explains executors, their futures and as_completed', async () => {
    await shows('from concurrent.futures import ThreadPoolExecutor\nwith ThreadPool$0Executor(8) as pool:\n    pass\n', EXECUTOR);
    await shows('from concurrent.futures import ThreadPoolExecutor\nwith ThreadPool$0Executor(8) as pool:\n    pass\n', GIL, true);
    await shows('import concurrent.futures as cf\nwith cf.ThreadPoolExecutor() as pool:\n    f = pool.sub$0mit(work, 1)\n', EXECUTOR);
    await shows('import concurrent.futures as cf\nwith cf.ThreadPoolExecutor() as pool:\n    f = pool.sub$0mit(work, 1)\n', 'concurrent.futures.Future: a result that is not ready yet', true);
    await shows('from concurrent.futures import as_completed\nfor f in as_comp$0leted(fs):\n    pass\n', 'as_completed and wait: collecting futures as they finish');
    await hides('from concurrent.futures import ProcessPoolExecutor\nwith ProcessPool$0Executor() as pool:\n    pass\n', EXECUTOR);
    await hides('from asyncio import as_completed\nfor f in as_comp$0leted(fs):\n    pass\n', 'as_completed and wait: collecting futures as they finish');
  });

  it('explains locks, also on the name used in `with lock:`', async () => {
    await shows('import threading\nlock = threading.Lo$0ck()\n', LOCKS);
    await shows('import threading\nlock = threading.RLock()\ndef f():\n    with lo$0ck:\n        pass\n', LOCKS);
    await hides('import asyncio\nlock = asyncio.Lo$0ck()\n', LOCKS);
    await hides('lock = make_lock()\nwith lo$0ck:\n    pass\n', LOCKS);
  });

  it('explains signalling primitives, semaphores and queue.Queue, not their asyncio or multiprocessing twins', async () => {
    await shows('import threading\ndone = threading.Event()\ndone.wa$0it()\n', 'Event, Condition and Barrier');
    await shows('import threading\nsem = threading.Sema$0phore(3)\n', 'Semaphore: at most n holders at once');
    await shows('import queue\njobs = queue.Qu$0eue()\n', QUEUE);
    await shows('import queue\njobs = queue.Queue()\njobs.task_d$0one()\n', QUEUE);
    await hides('import asyncio\njobs = asyncio.Qu$0eue()\n', QUEUE);
    await hides('import multiprocessing\njobs = multiprocessing.Qu$0eue()\n', QUEUE);
  });

  it('explains the switch interval, nogil and free-threading', async () => {
    await shows('import sys\nsys.setswitch$0interval(0.001)\n', SWITCH);
    await shows('from numba import njit\n@njit(no$0gil=True)\ndef k(a):\n    return a\n', SWITCH);
    await hides('from numba import njit\n@njit(no$0gil=False)\ndef k(a):\n    return a\n', SWITCH);
    await hides('def f(sys):\n    sys.setswitch$0interval(1)\n', SWITCH);
    await shows('import sys\nif sys._is_gil$0_enabled():\n    pass\n', 'Free-threaded CPython (PEP 703)');
  });

  it('offers the concurrency model choice on the import, not on every use of the module', async () => {
    await shows('import thre$0ading\n', CHOICE);
    await shows('import multipro$0cessing as mp\n', CHOICE, true);
    await shows('from concurrent.fut$0ures import ThreadPoolExecutor\n', CHOICE);
    await hides('import threading\nlock = thre$0ading.Lock()\n', CHOICE);
    await hides('import threadpool$0ctl\n', CHOICE);
  });
});
