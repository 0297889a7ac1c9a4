// Objects and memory, part 2: reference cycles and the cyclic garbage collector (the `gc` module). Several topics
// share `gc.collect`: the first one listed is the concise hover, the others follow in the detailed one.
import type { Topic } from './topic';

export const gcTopics: readonly Topic[] = [
  {
    id: 'cyclic-gc',
    title: 'The cyclic garbage collector',
    family: 'memory',
    triggers: [{ name: 'gc' }, { name: 'gc.collect' }, { name: 'gc.is_tracked' }, { name: 'gc.get_objects' }, { name: 'gc.get_referrers' }, { name: 'gc.get_referents' }],
    summary:
      'Reference counting cannot free objects that refer to each other, so CPython also runs a cycle detector over container objects (lists, dicts, sets, class instances and the like); atomic objects such as ints and strings are never tracked. ' +
      'For each tracked object it counts how many of its references come from other tracked objects: whatever is not reachable from outside that set is an isolated cycle and gets freed. ' +
      '`gc.collect()` runs a pass and returns how many unreachable objects it found, and `gc.get_referrers(obj)` shows who still holds an object. ' +
      'A pass costs time in proportion to the objects it examines, which is why the collector is generational.',
    example: ['import gc', 'a = []', 'a.append(a)   # a list that contains itself', 'del a         # its count never reaches 0', 'gc.collect()  # finds the cycle, frees it, returns >= 1'].join('\n'),
    versions: 'Since 3.4 (PEP 442) cycles whose objects define `__del__` are collected too; before that they were parked in `gc.garbage`.',
    links: [
      { title: 'gc', url: 'https://docs.python.org/3/library/gc.html' },
      { title: 'gc.collect', url: 'https://docs.python.org/3/library/gc.html#gc.collect' },
      { title: 'gc.get_referrers', url: 'https://docs.python.org/3/library/gc.html#gc.get_referrers' },
    ],
  },
  {
    id: 'gc-manual-collect-guidance',
    title: 'When to call gc.collect() yourself',
    family: 'memory',
    triggers: [{ name: 'gc.collect' }],
    summary:
      'The collector already runs by itself when allocations cross its thresholds, so an explicit `gc.collect()` is rarely needed for correctness. ' +
      'It pays off after tearing down a large structure full of cycles, before measuring memory or taking a `tracemalloc` snapshot, and in leak tests that collect, count `gc.get_objects()`, run the code, collect again and compare. ' +
      'Calling it inside a hot loop is a mistake: a full collection walks every tracked object, which took about 55 ms with a million tracked lists on 64-bit CPython 3.11. ' +
      'It frees nothing that reference counting has not already freed, apart from cycles.',
    example: ['import gc', 'gc.collect()', 'baseline = len(gc.get_objects())', 'run_once()', 'gc.collect()', 'assert len(gc.get_objects()) - baseline < 100, "objects leaked"'].join('\n'),
    links: [
      { title: 'gc.collect', url: 'https://docs.python.org/3/library/gc.html#gc.collect' },
      { title: 'gc.get_objects', url: 'https://docs.python.org/3/library/gc.html#gc.get_objects' },
    ],
  },
  {
    id: 'reference-cycles',
    title: 'Reference cycles',
    family: 'memory',
    triggers: [{ name: 'gc.collect' }, { name: 'gc.garbage' }, { node: 'assignment', text: /^self\.(?:_?parent|_?prev)\s*=\s*(?!None\b)[A-Za-z_]/ }],
    summary:
      'When objects refer to each other (a parent holding its children while each child points back through `self.parent`, or the nodes of a doubly linked list), their reference counts never fall to zero, even after every outside name is gone. ' +
      "Reference counting alone would leak them; they stay in memory, with everything they hold, until the cyclic collector's next pass finds them. " +
      'Making the back-link a `weakref.ref`, or clearing it when the structure is torn down, breaks the cycle so everything is freed as soon as the last outside reference goes.',
    example: [
      'import weakref',
      '',
      'class Node:',
      '    def __init__(self, parent=None):',
      '        self.children = []',
      '        self.parent = weakref.ref(parent) if parent else None  # no cycle',
    ].join('\n'),
    links: [
      { title: 'gc', url: 'https://docs.python.org/3/library/gc.html' },
      { title: 'weakref', url: 'https://docs.python.org/3/library/weakref.html' },
    ],
  },
  {
    id: 'gc-generations-thresholds',
    title: 'GC generations and thresholds',
    family: 'memory',
    triggers: [{ name: 'gc.get_threshold' }, { name: 'gc.set_threshold' }, { name: 'gc.get_count' }],
    summary:
      'The collector sorts tracked objects into three generations: new objects start in generation 0, and each collection an object survives moves it one generation older. ' +
      'Generation 0 is collected when allocations minus deallocations of tracked objects exceed `threshold0`, generation 1 after `threshold1` generation-0 passes, and generation 2 after `threshold2` generation-1 passes, with full collections further postponed until enough new long-lived objects have piled up. ' +
      '`gc.get_count()` returns the current counters, not the thresholds, and `gc.collect(n)` collects generation `n` and every younger one. ' +
      'Raising the thresholds with `gc.set_threshold` means fewer but longer collections.',
    example: ['import gc', 'gc.get_threshold()  # (700, 10, 10) on CPython 3.11', 'gc.get_count()      # current counters, e.g. (296, 0, 2)', 'gc.set_threshold(5000, 20, 20)'].join('\n'),
    versions:
      'The defaults are `(700, 10, 10)` on CPython 3.11 (checked with `gc.get_threshold()`). Later releases retuned the defaults and reworked the collector, and the free-threaded build (3.13+) has its own collector, so read the values on your own interpreter rather than assuming these numbers.',
    links: [
      { title: 'gc.set_threshold', url: 'https://docs.python.org/3/library/gc.html#gc.set_threshold' },
      { title: 'gc.get_count', url: 'https://docs.python.org/3/library/gc.html#gc.get_count' },
    ],
  },
  {
    id: 'gc-disable-enable',
    title: 'Turning the cyclic GC off',
    family: 'memory',
    triggers: [{ name: 'gc.disable' }, { name: 'gc.enable' }, { name: 'gc.isenabled' }],
    summary:
      '`gc.disable()` switches off only the automatic cycle collector: reference counting keeps freeing every object that is not part of a cycle, so most code keeps a normal memory profile. ' +
      'Cycles created while it is off accumulate until `gc.enable()` lets the thresholds fire again; an explicit `gc.collect()` still works in the meantime. ' +
      "Disabling it around a short, allocation-heavy section, such as building a large structure of containers, avoids collector pauses; re-enable it in a `finally` block so an exception can't leave it off.",
    example: ['import gc', 'gc.disable()', 'try:', '    table = build_big_table()  # many containers, no GC pauses', 'finally:', '    gc.enable()'].join('\n'),
    links: [
      { title: 'gc.disable', url: 'https://docs.python.org/3/library/gc.html#gc.disable' },
      { title: 'gc.isenabled', url: 'https://docs.python.org/3/library/gc.html#gc.isenabled' },
    ],
  },
  {
    id: 'gc-freeze-copy-on-write',
    title: 'gc.freeze and copy-on-write after fork',
    family: 'memory',
    triggers: [{ name: 'gc.freeze' }, { name: 'gc.unfreeze' }, { name: 'gc.get_freeze_count' }, { name: 'os.fork' }],
    summary:
      'After `fork()` parent and child share memory pages until one of them writes, but CPython writes to objects even when only reading them (reference counts change), and each collection writes its bookkeeping into every object it scans, so shared pages get copied into each child. ' +
      '`gc.freeze()` moves every object tracked so far into a permanent generation that later collections ignore, which stops the collector from touching them; reference count updates still happen. ' +
      'The documented recipe for pre-fork servers: call `gc.disable()` early in the parent, `gc.freeze()` just before forking, and `gc.enable()` early in each child.',
    example: ['import gc, os', 'gc.disable()', 'load_big_read_only_data()', 'gc.freeze()', 'if os.fork() == 0:', '    gc.enable()  # the child collects only its own new objects'].join('\n'),
    versions: '`gc.freeze()`, `gc.unfreeze()` and `gc.get_freeze_count()` exist since 3.7. Since 3.12 (PEP 683) immortal objects such as `None` and the small ints no longer have their counts changed, which removes some of those writes.',
    links: [
      { title: 'gc.freeze', url: 'https://docs.python.org/3/library/gc.html#gc.freeze' },
      { title: 'os.fork', url: 'https://docs.python.org/3/library/os.html#os.fork' },
    ],
  },
];
