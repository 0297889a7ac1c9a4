// Objects and memory: PyObject, reference counting, identity and caches, the cyclic GC, weak references.
// The collector's own topics live in gc.ts. Order matters where topics share a trigger: the first one is the
// concise hover (getsizeof before pymalloc; the literal-specific `is` topics before the general identity one).
import type { Topic } from './topic';

/** `x is 5`, `5 is not x`: an int literal on either side of an identity comparison. */
const IS_INT_LITERAL = /^-?\d[\d_]*\s+is\b|\bis\s+(?:not\s+)?-?\d[\d_]*$/;
/** `s is "abc"`, `"abc" is not s`: a str literal on either side of an identity comparison. */
const IS_STR_LITERAL = /^[rRuUfF]{0,2}["']|\bis\s+(?:not\s+)?[rRuUfF]{0,2}["']/;

export const memoryTopics: readonly Topic[] = [
  {
    id: 'pyobject-and-refcount',
    title: 'Reference counting',
    family: 'memory',
    triggers: [{ name: 'sys.getrefcount' }, { node: 'delete_statement' }, { node: 'function_definition', text: /^def\s+__del__\s*\(/ }],
    summary:
      'Every CPython object starts with a header holding its reference count (`ob_refcnt`) and a pointer to its type (`ob_type`); an `int` is a `PyLongObject` with its digits after that header. ' +
      'Binding a name, storing the object in a container or passing it as an argument adds a reference, while `del`, rebinding a name or leaving a scope removes one: `del` drops a reference, it does not destroy the object. ' +
      'When the count reaches zero the object is freed on the spot and its `__del__` runs, unless it is part of a reference cycle, which waits for the cyclic collector. ' +
      '`sys.getrefcount(x)` reports one more than you might expect, because its own argument is a temporary reference.',
    example: [
      'import sys',
      'x = object()',
      'sys.getrefcount(x)  # 2: the name x plus the call argument',
      'y = x',
      'sys.getrefcount(x)  # 3',
      'del y               # back to 2; freed when the last reference goes',
    ].join('\n'),
    versions:
      'Since 3.12 (PEP 683) some objects such as `None`, `True` and the small ints are immortal: their count is never changed and `getrefcount` reports a large fixed number for them. The free-threaded build (3.13+) splits the count into a part owned by the creating thread and a shared part updated atomically.',
    links: [
      { title: 'sys.getrefcount', url: 'https://docs.python.org/3/library/sys.html#sys.getrefcount' },
      { title: 'The del statement', url: 'https://docs.python.org/3/reference/simple_stmts.html#the-del-statement' },
      { title: 'Reference counting (C API)', url: 'https://docs.python.org/3/c-api/refcounting.html' },
    ],
  },
  {
    id: 'getsizeof-object-size',
    title: 'sys.getsizeof is shallow',
    family: 'memory',
    triggers: [{ name: 'sys.getsizeof' }],
    summary:
      "`sys.getsizeof` reports the size of the object's own memory block (plus the collector's header for GC-tracked objects), never the objects it refers to. " +
      'A list is measured as its header plus its array of 8-byte pointers, so a list of a million distinct ints reports about 8 MB while the list and its ints together take about 40 MB. ' +
      'To size a whole structure, walk it yourself or compare `tracemalloc` snapshots before and after building it.',
    example: ['import sys', 'sys.getsizeof([])                     # 56 on 64-bit CPython 3.11', 'sys.getsizeof(list(range(10**6)))     # ~8 MB: pointers only, not the ints'].join('\n'),
    versions:
      'Figures for 64-bit CPython 3.11: empty list 56 B, `1` 28 B, `"hello"` 54 B; the million-int total was measured with `tracemalloc`. Sizes change between versions and builds, so treat them as examples, not constants.',
    links: [{ title: 'sys.getsizeof', url: 'https://docs.python.org/3/library/sys.html#sys.getsizeof' }],
  },
  {
    id: 'pymalloc-arenas-pools',
    title: 'pymalloc: arenas, pools and size classes',
    family: 'memory',
    triggers: [{ name: 'sys._debugmallocstats' }, { name: 'sys.getsizeof' }],
    summary:
      'CPython serves small requests (up to 512 bytes) from its own allocator, pymalloc, and hands larger ones to the system `malloc`. ' +
      'pymalloc carves big arenas into pools, and each pool holds blocks of a single size class, so an object really occupies its size rounded up to the next class. ' +
      'Freed blocks return to their pool for reuse rather than to the OS, and an arena is released only once every block in it is free, which is why a process often stays large after many small objects have died. ' +
      '`sys._debugmallocstats()` prints the live size classes, pools and arenas.',
    versions:
      'On 64-bit CPython 3.11 (read from `sys._debugmallocstats()`): 1 MiB arenas, 16 KiB pools, 32 size classes in 16-byte steps up to 512 B. Older releases used smaller figures (256 KiB arenas, 4 KiB pools, 8-byte steps), which many articles still quote. `PYTHONMALLOC=malloc` turns pymalloc off, which helps memory debuggers.',
    links: [
      { title: 'The pymalloc allocator', url: 'https://docs.python.org/3/c-api/memory.html#pymalloc' },
      { title: 'sys._debugmallocstats', url: 'https://docs.python.org/3/library/sys.html#sys._debugmallocstats' },
    ],
  },
  {
    id: 'small-int-cache',
    title: 'The small int cache',
    family: 'memory',
    triggers: [
      { node: 'comparison_operator', child: 'is', text: IS_INT_LITERAL },
      { node: 'comparison_operator', child: 'is not', text: IS_INT_LITERAL },
    ],
    summary:
      'CPython creates the ints from -5 to 256 once and returns those same objects whenever such a value is produced, so `is` happens to be True for them. ' +
      'Outside that range equal ints are usually distinct objects, but not always: equal constants compiled into one code object are shared, so `x = 1000; y = 1000; x is y` is True in a script yet False when the two lines run separately in a REPL. ' +
      'Compare numbers with `==`: the compiler itself warns about `is` against a literal.',
    example: ['a, b = int("256"), int("256")', 'a is b   # True: both are the cached 256', 'a, b = int("257"), int("257")', 'a is b   # False: two separate objects', 'a == b   # True: compare values with =='].join('\n'),
    versions: '`is` with a literal raises a `SyntaxWarning` since 3.8. Since 3.12 (PEP 683) the cached small ints are immortal.',
    links: [
      { title: 'PyLong_FromLong (the cached range)', url: 'https://docs.python.org/3/c-api/long.html#c.PyLong_FromLong' },
      { title: 'Identity comparisons', url: 'https://docs.python.org/3/reference/expressions.html#is-not' },
    ],
  },
  {
    id: 'string-interning',
    title: 'String interning',
    family: 'memory',
    triggers: [
      { name: 'sys.intern' },
      { node: 'comparison_operator', child: 'is', text: IS_STR_LITERAL },
      { node: 'comparison_operator', child: 'is not', text: IS_STR_LITERAL },
    ],
    summary:
      'Interning keeps a single shared object per distinct string value. ' +
      'CPython interns identifier-like string constants and the names of variables, attributes and functions, but strings built at run time (joined, sliced, formatted, read from input) are generally new objects, so `is` between equal strings may be True or False. ' +
      '`sys.intern(s)` returns the one canonical copy, which lets many repeated keys share memory and compare by pointer first; keep comparing values with `==`.',
    example: [
      'import sys',
      'key = "".join(["user", "_id"])',
      'key == "user_id"                          # True: same value',
      'key is sys.intern("user_id")              # False: built at run time',
      'sys.intern(key) is sys.intern("user_id")  # True: one shared copy',
    ].join('\n'),
    versions: 'Which strings the compiler interns is an implementation detail that has changed between releases.',
    links: [{ title: 'sys.intern', url: 'https://docs.python.org/3/library/sys.html#sys.intern' }],
  },
  {
    id: 'identity-id-is',
    title: 'Identity: is and id()',
    family: 'memory',
    triggers: [{ name: 'builtins.id' }, { node: 'comparison_operator', child: 'is' }, { node: 'comparison_operator', child: 'is not' }],
    summary:
      '`is` and `is not` test identity, whether both sides are the very same object; CPython compares two addresses and never calls `__eq__`. ' +
      '`id(obj)` is an integer unique among the objects alive at the same moment; in CPython it is the memory address, so an id can be reused once its object is freed. ' +
      'Use `is` for singletons and sentinels such as `None`, and `==` for values: whether equal numbers, strings or tuples share one object is an implementation detail.',
    example: ['a, b = [1, 2], [1, 2]', 'a == b, a is b    # (True, False): equal values, two objects', 'id([]) == id([])  # often True: the first list is freed and its address reused'].join('\n'),
    links: [
      { title: 'id()', url: 'https://docs.python.org/3/library/functions.html#id' },
      { title: 'Identity comparisons', url: 'https://docs.python.org/3/reference/expressions.html#is-not' },
      { title: 'Objects, values and types', url: 'https://docs.python.org/3/reference/datamodel.html#objects-values-and-types' },
    ],
  },
  {
    id: 'slots',
    title: '__slots__',
    family: 'memory',
    triggers: [{ node: 'assignment', text: /^__slots__\b/ }],
    summary:
      'A class-level `__slots__` replaces the per-instance attribute dictionary with fixed storage: the class gets one descriptor per listed name and each instance keeps just a pointer per slot. ' +
      'Instances get smaller and attribute access goes straight to the slot, but assigning an unlisted name raises `AttributeError`, and instances cannot be weakly referenced unless `"__weakref__"` is listed. ' +
      'The saving only holds when every class in the hierarchy defines `__slots__`: a base class without it brings the `__dict__` back.',
    example: ['class Point:', '    __slots__ = ("x", "y")', '    def __init__(self, x, y):', '        self.x, self.y = x, y', '', 'Point(1, 2).z = 3  # AttributeError: no slot named z'].join('\n'),
    versions:
      'Measured with `tracemalloc` on 64-bit CPython 3.11: a two-attribute instance takes about 48 B with `__slots__` and about 88 B without. Since 3.11 ordinary instances store attributes compactly and build a real `__dict__` only when it is asked for, so the saving is smaller than articles written for older versions report.',
    links: [
      { title: '__slots__', url: 'https://docs.python.org/3/reference/datamodel.html#slots' },
      { title: 'object.__slots__', url: 'https://docs.python.org/3/reference/datamodel.html#object.__slots__' },
    ],
  },
  {
    id: 'weakref',
    title: 'Weak references',
    family: 'memory',
    triggers: [{ name: 'weakref.ref' }, { name: 'weakref.proxy' }, { name: 'weakref.finalize' }],
    summary:
      'A weak reference points at an object without adding to its reference count, so it never keeps the object alive. ' +
      'Calling a `weakref.ref` returns the object, or `None` once it has been freed; a callback (or `weakref.finalize`) can run at that moment. ' +
      'This suits caches, observer lists and back-pointers such as child-to-parent links, which would otherwise form reference cycles. ' +
      'Instances of `int`, `str`, `tuple`, `list` and `dict` cannot be weakly referenced (subclasses of `list` and `dict` can), and a class with `__slots__` needs a `"__weakref__"` slot.',
    example: ['import weakref', '', 'class Node: ...', 'n = Node()', 'r = weakref.ref(n)', 'r() is n   # True while n is alive', 'del n      # last strong reference gone: freed at once in CPython', 'r()        # None'].join('\n'),
    links: [
      { title: 'weakref.ref', url: 'https://docs.python.org/3/library/weakref.html#weakref.ref' },
      { title: 'weakref.finalize', url: 'https://docs.python.org/3/library/weakref.html#weakref.finalize' },
    ],
  },
  {
    id: 'weak-value-dictionary',
    title: 'WeakValueDictionary and weak containers',
    family: 'memory',
    triggers: [{ name: 'weakref.WeakValueDictionary' }, { name: 'weakref.WeakKeyDictionary' }, { name: 'weakref.WeakSet' }],
    summary:
      'A `WeakValueDictionary` holds its values through weak references, so an entry disappears by itself once nothing else refers to its value. ' +
      'That makes a cache or registry that never extends object lifetimes, unlike a plain dict, which keeps every value alive as long as the dict lives. ' +
      'An entry can vanish between two lines of your code, so take a strong reference (`obj = cache.get(key)`) before using it, and remember that values must support weak references. ' +
      '`WeakKeyDictionary` and `WeakSet` apply the same idea to keys and set members.',
    example: [
      'import weakref',
      '',
      'class Image: ...',
      'cache = weakref.WeakValueDictionary()',
      'img = Image()',
      'cache["logo"] = img',
      'del img            # the last strong reference',
      '"logo" in cache    # False in CPython: the entry went with the object',
    ].join('\n'),
    links: [
      { title: 'weakref.WeakValueDictionary', url: 'https://docs.python.org/3/library/weakref.html#weakref.WeakValueDictionary' },
      { title: 'weakref.WeakSet', url: 'https://docs.python.org/3/library/weakref.html#weakref.WeakSet' },
    ],
  },
  {
    id: 'tracemalloc-memory-profiling',
    title: 'tracemalloc: where memory is allocated',
    family: 'memory',
    triggers: [
      { name: 'tracemalloc.start' },
      { name: 'tracemalloc.take_snapshot' },
      { name: 'tracemalloc.take_snapshot.statistics' },
      { name: 'tracemalloc.take_snapshot.compare_to' },
      { name: 'tracemalloc.get_traced_memory' },
    ],
    summary:
      "`tracemalloc` hooks CPython's memory allocators and records a traceback for every block allocated after `start()`, so a snapshot can say which source lines own the live memory. " +
      '`snapshot.statistics("lineno")` groups blocks by line with their size and count, and `after.compare_to(before, "lineno")` shows what grew in between, the usual way to hunt a leak. ' +
      'Only memory obtained through Python\'s allocators is seen (a C extension calling `malloc` directly is invisible), and tracing slows the program and costs memory of its own. ' +
      'One frame is kept per trace by default; `start(25)` or `-X tracemalloc=25` keeps deeper tracebacks.',
    example: [
      'import tracemalloc',
      'tracemalloc.start()',
      'before = tracemalloc.take_snapshot()',
      'run_workload()',
      'after = tracemalloc.take_snapshot()',
      'for stat in after.compare_to(before, "lineno")[:5]:',
      '    print(stat)  # file:line: size=... (+...), count=... (+...)',
    ].join('\n'),
    links: [
      { title: 'tracemalloc', url: 'https://docs.python.org/3/library/tracemalloc.html' },
      { title: 'Snapshot.compare_to', url: 'https://docs.python.org/3/library/tracemalloc.html#tracemalloc.Snapshot.compare_to' },
    ],
  },
];
