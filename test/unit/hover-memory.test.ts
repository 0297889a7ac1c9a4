// Hovers of the memory family (memory.ts and gc.ts): the right topic on realistic code, nothing on near-misses.
import assert from 'node:assert/strict';
import { assertHidesTopic as hides, assertShowsTopic as shows, hoverAt } from '../helpers/hover';

const title = (t: string) => `**${t}**`;

describe('hover: memory topics', () => {
  it('explains reference counting on sys.getrefcount, del and __del__', async () => {
    await shows('import sys\nx = object()\nprint(sys.getref$0count(x))\n', 'Reference counting');
    await shows('items = [1, 2]\nd$0el items\n', 'Reference counting');
    await shows('class Conn:\n    def __d$0el__(self):\n        self.close()\n', 'Reference counting');
  });

  it('shows getsizeof first and pymalloc after it in the detailed hover', async () => {
    const hover = await hoverAt('from sys import getsizeof\nn = getsize$0of([])\n', { hoverLevel: 'detailed' });
    assert.ok(hover);
    const size = hover.indexOf(title('sys.getsizeof is shallow'));
    const pools = hover.indexOf(title('pymalloc: arenas, pools and size classes'));
    assert.ok(size >= 0 && pools > size, hover);
  });

  it('picks the literal-specific topic for `is` with a literal, the identity topic otherwise', async () => {
    await shows('def f(n):\n    return n i$0s 1000\n', 'The small int cache');
    await shows('def f(n):\n    return n is not$0 -1\n', 'The small int cache');
    await shows('def f(s):\n    return s i$0s "admin"\n', 'String interning');
    await shows('def f(x):\n    return x i$0s None\n', 'Identity: is and id()');
    await shows('def f(a, b):\n    return a is n$0ot b\n', 'Identity: is and id()');
    await shows('print(i$0d(object()))\n', 'Identity: is and id()');
  });

  it('keeps literal topics off other comparisons', async () => {
    await hides('def f(n):\n    return n i$0s None\n', 'The small int cache');
    await hides('def f(n):\n    return n =$0= 1000\n', 'The small int cache');
    await hides('def f(s):\n    return s $0== "admin"\n', 'String interning');
    await hides('def f(a, b):\n    return a i$0n b\n', 'Identity: is and id()');
  });

  it('explains __slots__ in a class body', async () => {
    await shows('class Point:\n    __sl$0ots__ = ("x", "y")\n', '__slots__');
    await shows('class Point:\n    __slots__: tuple[str, ...] $0= ("x", "y")\n', '__slots__');
  });

  it('explains weak references, also when hovering the reference being called', async () => {
    await shows('import weakref\nr = weakref.r$0ef(obj)\n', 'Weak references');
    await shows('import weakref\nr = weakref.ref(obj)\nif $0r() is None:\n    pass\n', 'Weak references');
    await shows('from weakref import WeakValueDictionary\ncache = WeakValue$0Dictionary()\n', 'WeakValueDictionary and weak containers');
  });

  it('explains tracemalloc on start, snapshots and their statistics', async () => {
    await shows('import tracemalloc\ntracemalloc.st$0art()\n', 'tracemalloc: where memory is allocated');
    await shows('import tracemalloc\nsnap = tracemalloc.take_snapshot()\nstats = snap.stat$0istics("lineno")\n', 'tracemalloc: where memory is allocated');
  });

  it('explains the collector on the gc module and its functions', async () => {
    await shows('import g$0c\n', 'The cyclic garbage collector');
    await shows('import gc\ngc.col$0lect()\n', 'The cyclic garbage collector');
    await shows('import gc as collector\ncollector.get_refe$0rrers(x)\n', 'The cyclic garbage collector');
    const hover = await hoverAt('import gc\ngc.col$0lect()\n', { hoverLevel: 'detailed' });
    assert.ok(hover?.includes(title('When to call gc.collect() yourself')), hover);
    assert.ok(hover?.includes(title('Reference cycles')), hover);
  });

  it('explains generations, disable/enable and freeze', async () => {
    await shows('import gc\nprint(gc.get_thr$0eshold())\n', 'GC generations and thresholds');
    await shows('from gc import set_threshold\nset_thr$0eshold(5000, 20, 20)\n', 'GC generations and thresholds');
    await shows('import gc\ngc.dis$0able()\n', 'Turning the cyclic GC off');
    await shows('import gc\ngc.fre$0eze()\n', 'gc.freeze and copy-on-write after fork');
    await shows('import os\npid = os.fo$0rk()\n', 'gc.freeze and copy-on-write after fork');
  });

  it('flags back-references as reference cycles, not forward links', async () => {
    await shows('class Node:\n    def __init__(self, parent):\n        self.par$0ent = parent\n', 'Reference cycles');
    await hides('class Node:\n    def __init__(self):\n        self.par$0ent = None\n', 'Reference cycles');
    await hides('class Node:\n    def __init__(self, child):\n        self.chi$0ld = child\n', 'Reference cycles');
  });

  it('stays quiet on look-alikes that are not the stdlib objects', async () => {
    await hides('class gc:\n    @staticmethod\n    def collect():\n        pass\ngc.col$0lect()\n', 'The cyclic garbage collector');
    await hides('def run(gc):\n    gc.col$0lect()\n', 'The cyclic garbage collector');
    await hides('def id(x):\n    return x\nprint(i$0d(3))\n', 'Identity: is and id()');
    await hides('from mylib import getsizeof\ngetsize$0of([])\n', 'sys.getsizeof is shallow');
    await hides('class Weak:\n    def ref(self, o):\n        return o\nweak = Weak()\nweak.r$0ef(1)\n', 'Weak references');
    await hides('import sys\nsys.get$0recursionlimit()\n', 'Reference counting');
    await hides('slots = ("x",)\nclass P:\n    x$0 = slots\n', '__slots__');
  });
});
