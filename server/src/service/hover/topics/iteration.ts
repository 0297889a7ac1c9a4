// Iteration: the iterator protocol, generators, comprehensions, itertools.
import type { Topic } from './topic';

/** A plain `def` with a line that is a `yield` statement or `x = yield …`: a generator function. */
const DEF_WITH_YIELD = /^def\b[\s\S]*?\n[ \t]+(?:[\w.,[\] \t]+=[ \t]*)?\(?yield\b/;

export const iterationTopics: readonly Topic[] = [
  {
    id: 'iterator-protocol',
    title: 'The iterator protocol',
    family: 'iteration',
    triggers: [
      { name: 'builtins.iter' },
      { name: 'builtins.next' },
      { node: 'function_definition', text: /^def\s+__(?:iter|next)__\b/ },
      { node: 'raise_statement', text: /^raise\s+StopIteration\b/ },
    ],
    summary:
      '`for x in obj` first calls `iter(obj)`, which uses `obj.__iter__()` (or, failing that, the old `__getitem__` sequence protocol), then calls `next()` on the result until it raises `StopIteration`. ' +
      'An iterable hands out a fresh iterator on each `iter()` call, so it can be looped over many times; an iterator returns itself from `__iter__` and is used up after one pass. ' +
      '`next(it, default)` returns the default instead of raising at the end, and `iter(func, sentinel)` calls `func` until it returns the sentinel. ' +
      'Inside a generator, `raise StopIteration` does not end the iteration quietly: it is turned into `RuntimeError`, so use `return` there.',
    example: 'class Countdown:\n    def __init__(self, n):\n        self.n = n\n    def __iter__(self):          # a new iterator for every loop\n        return iter(range(self.n, 0, -1))\n',
    versions: '`StopIteration` raised inside a generator becomes `RuntimeError` since 3.7 (PEP 479).',
    links: [
      { title: 'Iterator types', url: 'https://docs.python.org/3/library/stdtypes.html#iterator-types' },
      { title: 'iter()', url: 'https://docs.python.org/3/library/functions.html#iter' },
      { title: 'next()', url: 'https://docs.python.org/3/library/functions.html#next' },
    ],
  },
  {
    id: 'iterator-exhaustion',
    title: 'One-shot iterators (`map`, `filter`, `zip`)',
    family: 'iteration',
    triggers: [{ name: 'builtins.map' }, { name: 'builtins.filter' }, { name: 'builtins.zip' }],
    summary:
      '`map`, `filter` and `zip`, like generators, `iter()` results and open files, return lazy iterators rather than lists: each item is computed on demand and the iterator is used up after one pass. ' +
      'A second loop, `list()`, `sum()` or `in` test over the same iterator silently sees nothing (or only what is left), and `max()`/`min()` on an exhausted one raise `ValueError` unless given `default=`. ' +
      'If the data is needed more than once, build a list or tuple once, or recreate the iterator from its source for each pass; `itertools.tee` also works but buffers everything one copy has read and another has not.',
    example: 'squares = map(square, nums)\ntotal = sum(squares)\npeak = max(squares)    # ValueError: squares is already used up\n',
    links: [
      { title: 'Glossary: iterator', url: 'https://docs.python.org/3/glossary.html#term-iterator' },
      { title: 'map()', url: 'https://docs.python.org/3/library/functions.html#map' },
    ],
  },
  {
    id: 'yield-from',
    title: '`yield from`: delegating to a sub-generator',
    family: 'iteration',
    triggers: [{ node: 'yield', child: 'from' }],
    summary:
      '`yield from sub` hands control to another iterable for as long as it lasts: each item it produces goes straight to our caller, and for a sub-generator, values passed with `send()`, exceptions from `throw()` and `close()` are forwarded to it too. ' +
      'When the sub-generator finishes, its `return` value becomes the value of the `yield from` expression. ' +
      'It replaces a `for x in sub: yield x` loop (which would not forward `send` or `throw`) and keeps recursive generators such as tree walkers short. ' +
      'It is a `SyntaxError` inside an `async def`, which has no async form of it.',
    example: 'def walk(node):\n    yield node\n    for child in node.children:\n        yield from walk(child)\n',
    versions: 'Since 3.3 (PEP 380).',
    links: [
      { title: 'Yield expressions', url: 'https://docs.python.org/3/reference/expressions.html#yield-expressions' },
      { title: 'Generator-iterator methods', url: 'https://docs.python.org/3/reference/expressions.html#generator-iterator-methods' },
    ],
  },
  {
    id: 'generator-send-throw-close',
    title: 'Two-way generators: `send`, `throw`, `close`',
    family: 'iteration',
    triggers: [
      { node: 'assignment', text: /=\s*\(?yield\b/ },
      { node: 'call', text: /^[\w.]+\.throw\(/ },
    ],
    summary:
      'When `yield` is used as an expression (`received = yield value`), the generator becomes two-way: `gen.send(v)` resumes it and makes the paused `yield` evaluate to `v`, while plain `next(gen)` sends `None`. ' +
      'A fresh generator has not reached any `yield` yet, so prime it with `next(gen)` (or `send(None)`) first; sending any other value raises `TypeError`. ' +
      '`gen.throw(exc)` raises the exception at the paused `yield` (the generator may catch it and yield again), and `gen.close()` raises `GeneratorExit` there so `finally` blocks run. ' +
      'This is how coroutines were written before `async`/`await`; new code should use those.',
    example: 'def averager():\n    total = count = 0\n    average = None\n    while True:\n        value = yield average\n        total += value\n        count += 1\n        average = total / count\n\navg = averager()\nnext(avg)          # prime it\navg.send(10)       # 10.0\n',
    versions: 'The three-argument `throw(type, value, traceback)` form is deprecated since 3.12: pass an exception instance, as in `gen.throw(ValueError("bad"))`.',
    links: [
      { title: 'Generator-iterator methods', url: 'https://docs.python.org/3/reference/expressions.html#generator-iterator-methods' },
      { title: 'generator.send', url: 'https://docs.python.org/3/reference/expressions.html#generator.send' },
    ],
  },
  {
    id: 'generator-function',
    title: 'Generator functions',
    family: 'iteration',
    triggers: [
      { node: 'yield', child: 'yield' },
      { node: 'function_definition', text: DEF_WITH_YIELD },
    ],
    summary:
      'A `def` whose body contains `yield` anywhere is compiled as a generator function: calling it runs none of the body (not even argument checks at the top) and returns a generator, an iterator whose `next()` runs the code up to the next `yield` and then freezes the frame, locals and position included. ' +
      'Values are produced one at a time, so memory stays flat however long the sequence (`sys.getsizeof` reports about 200 bytes for a small generator on 64-bit CPython 3.11). ' +
      'A `return value` ends it by raising `StopIteration(value)`, and it can be consumed only once. ' +
      'Inside an `async def`, `yield` makes an async generator instead, consumed with `async for`.',
    example: 'def read_rows(path):\n    with open(path) as f:\n        for line in f:\n            yield line.split(",")\n\nrows = read_rows("big.csv")   # nothing opened yet\nfirst = next(rows)            # opens the file, runs to the first yield\n',
    links: [
      { title: 'Glossary: generator', url: 'https://docs.python.org/3/glossary.html#term-generator' },
      { title: 'Yield expressions', url: 'https://docs.python.org/3/reference/expressions.html#yield-expressions' },
    ],
  },
  {
    id: 'generator-expression',
    title: 'Generator expressions',
    family: 'iteration',
    triggers: [{ node: 'generator_expression' }],
    summary:
      '`(f(x) for x in data)` builds a generator, not a collection: each item is computed when the consumer asks for it, so `sum(x * x for x in nums)`, `any(…)` or `next(…)` run in constant memory and can stop early. ' +
      'Only the outermost iterable is evaluated at once, when the expression is created; the rest runs lazily, so names in the filter and body are looked up at iteration time. ' +
      'CPython compiles it to its own small code object (`<genexpr>`) run as a generator, and it keeps that separate scope even in versions that inline list comprehensions. ' +
      'It can be consumed once, has no `len()` or indexing, and several chained together form a lazy pipeline in which each item flows through every stage before the next is read.',
    example: 'lines = (l.rstrip() for l in open(path))\nerrors = (l for l in lines if "ERROR" in l)\nfirst_ten = list(itertools.islice(errors, 10))   # reads only as far as needed\n',
    versions: 'List, set and dict comprehensions are inlined since 3.12 (PEP 709); generator expressions still get their own code object.',
    links: [
      { title: 'Generator expressions', url: 'https://docs.python.org/3/reference/expressions.html#generator-expressions' },
      { title: 'Glossary: generator expression', url: 'https://docs.python.org/3/glossary.html#term-generator-expression' },
    ],
  },
  {
    id: 'list-comprehension',
    title: 'Comprehensions (list, set, dict)',
    family: 'iteration',
    triggers: [{ node: 'list_comprehension' }, { node: 'set_comprehension' }, { node: 'dictionary_comprehension' }],
    summary:
      'A comprehension builds the whole list, set or dict eagerly, so every item is in memory at once: the right choice when you need `len()`, indexing or several passes, while a generator expression suits a single streaming pass. ' +
      'It beats a `for` loop calling `.append` mainly because its loop body uses a dedicated opcode (`LIST_APPEND`, `SET_ADD`, `MAP_ADD`) instead of looking up and calling a method per item. ' +
      'Its loop variable does not leak into the surrounding scope. ' +
      'Up to 3.11 CPython compiles it to a hidden nested function (`<listcomp>` in `dis`) created and called on every evaluation; since 3.12 list, set and dict comprehensions are inlined into the enclosing code, which removes that call.',
    versions: 'Separate `<listcomp>`/`<setcomp>`/`<dictcomp>` code objects up to 3.11; inlined since 3.12 (PEP 709). Generator expressions are not inlined.',
    links: [
      { title: 'List comprehensions', url: 'https://docs.python.org/3/tutorial/datastructures.html#list-comprehensions' },
      { title: 'PEP 709: comprehension inlining', url: 'https://docs.python.org/3/whatsnew/3.12.html#whatsnew312-pep709' },
      { title: 'LIST_APPEND', url: 'https://docs.python.org/3/library/dis.html#opcode-LIST_APPEND' },
    ],
  },
  {
    id: 'itertools-infinite',
    title: 'Infinite iterators (`count`, `cycle`, `repeat`)',
    family: 'iteration',
    triggers: [{ name: 'itertools.count' }, { name: 'itertools.cycle' }, { name: 'itertools.repeat' }],
    summary:
      '`count()` and `cycle()` never stop, and neither does `repeat(x)` without a `times` argument: `list()` or `sorted()` over them exhausts memory, and a `for` loop over them needs a `break`. ' +
      'Bound them with `zip` against a finite iterable, `itertools.islice` or `takewhile`. ' +
      '`cycle()` saves every item of its first pass so it can replay them, which costs memory proportional to the input; `repeat(x, n)` is finite and yields the same object `n` times, not copies.',
    example: 'for i, name in zip(itertools.count(1), names):\n    print(i, name)\n',
    links: [
      { title: 'itertools.count', url: 'https://docs.python.org/3/library/itertools.html#itertools.count' },
      { title: 'itertools.cycle', url: 'https://docs.python.org/3/library/itertools.html#itertools.cycle' },
      { title: 'itertools.repeat', url: 'https://docs.python.org/3/library/itertools.html#itertools.repeat' },
    ],
  },
  {
    id: 'itertools-chain-slice-filter',
    title: 'Lazy pipelines: `chain`, `islice`, `takewhile` and friends',
    family: 'iteration',
    triggers: [
      { name: 'itertools.chain' },
      { name: 'itertools.chain.from_iterable' },
      { name: 'itertools.islice' },
      { name: 'itertools.dropwhile' },
      { name: 'itertools.takewhile' },
      { name: 'itertools.filterfalse' },
      { name: 'itertools.compress' },
      { name: 'itertools.accumulate' },
    ],
    summary:
      'Each of these returns an iterator that pulls from its input only as items are requested, so nothing is copied up front. ' +
      '`chain(a, b)` yields everything from `a`, then from `b`; `chain.from_iterable(rows)` flattens one level of an iterable of iterables, even a lazy or endless one. ' +
      '`islice(it, start, stop, step)` slices without indexing, but it must consume and discard the skipped items, and it rejects negative indices. ' +
      '`takewhile` stops at the first item that fails the test (that item is consumed and lost), `dropwhile` skips items until the first failure and then passes everything, `compress` keeps items whose selector is truthy, `filterfalse` keeps those the predicate rejects, and `accumulate` yields running totals.',
    links: [
      { title: 'itertools.chain', url: 'https://docs.python.org/3/library/itertools.html#itertools.chain' },
      { title: 'itertools.islice', url: 'https://docs.python.org/3/library/itertools.html#itertools.islice' },
      { title: 'itertools.takewhile', url: 'https://docs.python.org/3/library/itertools.html#itertools.takewhile' },
    ],
  },
  {
    id: 'itertools-groupby',
    title: '`itertools.groupby` groups only adjacent items',
    family: 'iteration',
    triggers: [{ name: 'itertools.groupby' }],
    summary:
      '`groupby` walks its input once and starts a new group whenever the key changes, so it merges only *consecutive* items with equal keys: `[1, 1, 2, 1]` yields the key `1` twice. ' +
      'To group all equal keys, sort by the same key function first, or collect into a dict of lists when order does not matter. ' +
      'Each group is a lazy view on the shared underlying iterator: advancing `groupby` to the next key empties the previous group, so copy it (`list(group)`) before moving on if you need it later.',
    example: 'rows.sort(key=by_city)\nfor city, group in groupby(rows, key=by_city):\n    members = list(group)   # copy before the next iteration\n',
    links: [{ title: 'itertools.groupby', url: 'https://docs.python.org/3/library/itertools.html#itertools.groupby' }],
  },
  {
    id: 'itertools-tee',
    title: '`itertools.tee` buffers',
    family: 'iteration',
    triggers: [{ name: 'itertools.tee' }],
    summary:
      '`tee(it, n)` makes `n` independent iterators over one source by buffering: each item is kept until every copy has read it. ' +
      'If one copy runs far ahead of another, the buffer holds everything in between, so when one copy will be consumed completely before another starts, `list(it)` is simpler and no worse. ' +
      'After calling `tee`, stop using the original iterator: advancing it directly takes items the copies will never see.',
    links: [{ title: 'itertools.tee', url: 'https://docs.python.org/3/library/itertools.html#itertools.tee' }],
  },
];
