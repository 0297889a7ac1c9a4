// Hovers of the multiprocessing family (multiprocessing.ts and mpShared.ts): the right topic on realistic code,
// nothing on near-misses.
import assert from 'node:assert/strict';
import { assertHidesTopic as hides, assertShowsTopic as shows, hoverAt } from '../helpers/hover';

const title = (t: string) => `**${t}**`;

const PROCESS = 'multiprocessing.Process: a separate interpreter process';
const POOL = 'multiprocessing.Pool: worker processes fed by a task queue';
const PICKLING = 'Pickling: how objects cross process boundaries';
const START = 'Start methods: spawn, fork, forkserver';
const GUARD = 'The `if __name__ == "__main__":` guard';
const QUEUE = 'multiprocessing Queue and Pipe';
const VALUE = 'Value and Array: ctypes in shared memory';

describe('hover: multiprocessing topics', () => {
  it('explains Process under every spelling, including a context', async () => {
    await shows('import multiprocessing as mp\np = mp.Pro$0cess(target=work)\n', PROCESS);
    await shows('from multiprocessing import Process\np = Process(target=work)\np.st$0art()\n', PROCESS);
    await shows('import multiprocessing\nctx = multiprocessing.get_context("spawn")\np = ctx.Pro$0cess(target=work)\n', PROCESS);
    await shows('import multiprocessing as mp\np = mp.Process(target=work)\nprint(p.exit$0code)\n', PROCESS);
  });

  it('leaves processes that are not multiprocessing ones alone', async () => {
    await hides('class Process:\n    pass\np = Pro$0cess()\n', PROCESS);
    await hides('import subprocess\np = subprocess.Po$0pen(["ls"])\n', PROCESS);
    await hides('import threading\nt = threading.Thread(target=work)\nt.st$0art()\n', PROCESS);
  });

  it('explains the main guard on its condition, in either order, and nowhere else', async () => {
    await shows('if __na$0me__ == "__main__":\n    main()\n', GUARD);
    await shows("if '__main__' == __na$0me__:\n    main()\n", GUARD);
    await hides('if __na$0me__ == "worker":\n    main()\n', GUARD);
    await hides('if __name__ == "__main__":\n    ma$0in()\n', GUARD);
    await hides('is_main = __na$0me__ == "__main__"\n', GUARD);
  });

  it('explains Pool first and pickling after it on pool.map, but not for thread pools', async () => {
    const code = 'from multiprocessing import Pool\nwith Pool(4) as pool:\n    pool.m$0ap(work, range(8))\n';
    await shows(code, POOL);
    const hover = await hoverAt(code, { hoverLevel: 'detailed' });
    assert.ok(hover && hover.indexOf(title(POOL)) >= 0 && hover.indexOf(title(PICKLING)) > hover.indexOf(title(POOL)), hover);
    await hides('from multiprocessing.pool import ThreadPool\nwith ThreadPool(4) as pool:\n    pool.m$0ap(work, range(8))\n', POOL);
    await hides('from multiprocessing.pool import ThreadPool\nwith ThreadPool(4) as pool:\n    pool.m$0ap(work, range(8))\n', PICKLING);
    await hides('from multiprocessing.dummy import Pool\nwith Pool(4) as pool:\n    pool.m$0ap(work, range(8))\n', POOL);
  });

  it('explains ProcessPoolExecutor and start methods, also on mp_context=', async () => {
    await shows('from concurrent.futures import ProcessPoolExecutor\nwith ProcessPool$0Executor() as ex:\n    pass\n', 'ProcessPoolExecutor: the executor interface over processes');
    await shows('import multiprocessing as mp\nmp.set_start_$0method("spawn")\n', START);
    await shows('import multiprocessing as mp\nfrom concurrent.futures import ProcessPoolExecutor\nex = ProcessPoolExecutor(mp_con$0text=mp.get_context("spawn"))\n', START);
    await hides('import asyncio\nasyncio.set_event_loop$0_policy(None)\n', START);
  });

  it('explains pickle.dumps, not json.dumps', async () => {
    await shows('import pickle\nblob = pickle.du$0mps(obj)\n', PICKLING);
    await shows('from pickle import loads\nobj = lo$0ads(blob)\n', PICKLING);
    await hides('import json\nblob = json.du$0mps(obj)\n', PICKLING);
  });

  it('explains queues and pipes, Value and Array, shared memory and managers', async () => {
    await shows('import multiprocessing as mp\nq = mp.Que$0ue()\n', QUEUE);
    await shows('import multiprocessing as mp\nq = mp.Queue()\nq.p$0ut(1)\n', QUEUE);
    await hides('import queue\nq = queue.Que$0ue()\n', QUEUE);
    await shows('import multiprocessing as mp\ncounter = mp.Value("i", 0)\nwith counter.get_lo$0ck():\n    counter.value += 1\n', VALUE);
    await shows('import multiprocessing as mp\ncounter = mp.Value("i", 0)\ncounter.val$0ue += 1\n', VALUE);
    await hides('import ctypes\nn = ctypes.c_int(0)\nn.val$0ue += 1\n', VALUE);
    await shows('from multiprocessing import shared_memory\nshm = shared_memory.SharedMemory(create=True, size=64)\nshm.unl$0ink()\n', 'SharedMemory: a named block mapped by several processes');
    await shows('import multiprocessing\nwith multiprocessing.Manager() as manager:\n    d = manager.di$0ct()\n', 'Manager: shared objects behind a server process');
  });
});
