// The data model: buffers, memoryview, bytes/bytearray, dict views, mmap, context managers.
import type { Topic } from './topic';

export const dataModelTopics: readonly Topic[] = [
  {
    id: 'bytes-vs-bytearray',
    title: 'bytes vs bytearray',
    family: 'data-model',
    triggers: [{ name: 'builtins.bytes' }, { name: 'builtins.bytearray' }, { node: 'string', text: /^(?:[rR][bB]|[bB][rR]?)["']/ }],
    summary:
      '`bytes` is an immutable sequence of small integers (0 to 255): indexing it gives an `int`, and like `str` it is hashable, so it can be a dict key. ' +
      '`bytearray` holds the same data in a mutable, resizable buffer, so items and slices can be assigned, appended and deleted in place instead of building a new object for every edit. ' +
      'Both offer most `str`-style methods and expose their memory through the buffer protocol, so a `memoryview` can work on them without copying and a `bytearray` can be filled in place with `f.readinto(buf)`.',
    example: ['data = bytearray(b"GIF89a....")', 'data[0:3] = b"PNG"        # edited in place', 'header = bytes(data[:6])  # immutable copy, hashable', 'header[0]                 # 80: indexing yields an int'].join('\n'),
    links: [
      { title: 'Binary sequence types', url: 'https://docs.python.org/3/library/stdtypes.html#binary-sequence-types-bytes-bytearray-memoryview' },
      { title: 'bytearray', url: 'https://docs.python.org/3/library/stdtypes.html#bytearray' },
    ],
  },
  {
    id: 'memoryview-buffer-protocol',
    title: 'memoryview and the buffer protocol',
    family: 'data-model',
    triggers: [
      { name: 'builtins.memoryview' },
      { name: 'builtins.memoryview.release' },
      { name: 'builtins.memoryview.cast' },
      { name: 'io.BytesIO.getbuffer' },
      { name: 'multiprocessing.shared_memory.SharedMemory.buf' },
    ],
    summary:
      'The buffer protocol lets objects such as `bytes`, `bytearray`, `array.array`, `mmap` and NumPy arrays expose their raw memory, and `memoryview` is the Python-level window onto it. ' +
      'Slicing a memoryview makes a new view of the same memory instead of a copy, and writing through a view of a writable buffer changes the original object. ' +
      'While a view exists the exporter is pinned: a `bytearray` cannot be resized (`BufferError`) until its views are released with `release()` or a `with` block. ' +
      '`io.BytesIO.getbuffer()` and `SharedMemory.buf` hand out such views directly.',
    example: [
      'buf = bytearray(b"hello world")',
      'view = memoryview(buf)[6:]  # no copy',
      'view[0] = ord("W")          # buf is now b"hello World"',
      'buf.append(33)              # BufferError: a view still exists',
      'view.release()              # now buf can grow again',
    ].join('\n'),
    versions: 'Built-in types implement the buffer protocol in C; a Python class can provide it through `__buffer__` only since 3.12 (PEP 688).',
    links: [
      { title: 'memoryview', url: 'https://docs.python.org/3/library/stdtypes.html#memoryview' },
      { title: 'Buffer protocol', url: 'https://docs.python.org/3/c-api/buffer.html' },
      { title: 'BytesIO.getbuffer', url: 'https://docs.python.org/3/library/io.html#io.BytesIO.getbuffer' },
    ],
  },
  {
    id: 'dict-views',
    title: 'Dictionary views',
    family: 'data-model',
    triggers: [{ name: 'builtins.dict.keys' }, { name: 'builtins.dict.values' }, { name: 'builtins.dict.items' }, { node: 'call', text: /\.(?:keys|values|items)\(\s*\)$/ }],
    summary:
      '`keys()`, `values()` and `items()` return view objects, not copies: they are cheap to create, always reflect the current contents of the dict, and `keys()` supports set operations such as `a.keys() & b.keys()`. ' +
      'A view is iterable but not an iterator, so every `for` loop over it starts a fresh pass. ' +
      'Assigning new values to existing keys while looping is fine, but adding or removing keys makes the loop raise `RuntimeError: dictionary changed size during iteration`; loop over `list(d.items())` when the body must insert or delete.',
    example: [
      'prices = {"tea": 3, "cake": 5}',
      'for name, price in prices.items():',
      '    prices[name] = price * 2   # fine: the keys stay the same',
      'for name in list(prices):',
      '    if prices[name] > 8:',
      '        del prices[name]       # deleting needs a copy of the keys',
    ].join('\n'),
    links: [{ title: 'Dictionary view objects', url: 'https://docs.python.org/3/library/stdtypes.html#dict-views' }],
  },
  {
    id: 'mmap',
    title: 'Memory-mapped files',
    family: 'data-model',
    triggers: [{ name: 'mmap.mmap' }],
    summary:
      '`mmap.mmap` maps a file into the address space of the process: the OS loads pages only when they are touched and can drop them again under memory pressure, so a file larger than RAM can be sliced, searched with `find` or scanned by `re` without reading it all (on a 64-bit system). ' +
      'The object acts both like a mutable bytes buffer (indexing, slicing, the buffer protocol) and like a file (`read`, `readline`, `seek`). ' +
      'A length of 0 maps the whole file, `access=mmap.ACCESS_READ` makes the mapping read-only, and writes to a shared writable mapping reach the file (`flush()` forces them out). ' +
      'Use it in a `with` block so the mapping is closed.',
    example: [
      'import mmap, re',
      'with open("big.log", "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:',
      '    match = re.search(rb"ERROR: .*", mm)  # scans the mapping, no full read',
    ].join('\n'),
    links: [{ title: 'mmap.mmap', url: 'https://docs.python.org/3/library/mmap.html#mmap.mmap' }],
  },
  {
    id: 'with-context-managers',
    title: 'with and context managers',
    family: 'data-model',
    triggers: [{ node: 'with_statement', text: /^with\b/ }],
    summary:
      "`with` calls the manager's `__enter__` on the way in and guarantees its `__exit__` on the way out, whether the block finishes, returns, breaks or raises, just as `try`/`finally` would; that is how files get closed, locks released and executors shut down. " +
      '`__exit__` receives the exception, if any, and suppresses it by returning a true value. ' +
      'Without `with`, a file is closed only when its object is freed: promptly in CPython once the last reference goes, later if it is caught in a reference cycle, and development mode (`python -X dev`) reports such unclosed files as `ResourceWarning`.',
    example: ['with open("data.csv") as f:   # f.__exit__ closes the file', '    rows = f.readlines()', '# f is closed here, even if readlines() raised'].join('\n'),
    links: [
      { title: 'The with statement', url: 'https://docs.python.org/3/reference/compound_stmts.html#the-with-statement' },
      { title: 'Context managers', url: 'https://docs.python.org/3/reference/datamodel.html#context-managers' },
      { title: 'Python Development Mode', url: 'https://docs.python.org/3/library/devmode.html' },
    ],
  },
];
