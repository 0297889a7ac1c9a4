// Functions: scopes, closures and cells, decorators, functools.
import type { Topic } from './topic';

const FUNCTOOLS = 'https://docs.python.org/3/library/functools.html';

export const functionTopics: readonly Topic[] = [
  {
    id: 'closures-nonlocal',
    title: 'Closures, cells and `nonlocal`',
    family: 'functions',
    triggers: [{ node: 'nonlocal_statement' }],
    summary:
      'A nested function that uses a variable of its enclosing function does not copy the value: the compiler turns that variable into a *cell* shared by both scopes, visible as `inner.__closure__`. ' +
      'Assigning to a name anywhere in a function makes it local to that function, so rebinding an outer variable needs `nonlocal`; without it, `count += 1` raises `UnboundLocalError`. ' +
      'Because a cell holds the variable and not a snapshot of its value, closures created in a loop all see its final value; capture each value with a default argument (`lambda i=i: i`).',
    example:
      'def make_counter():\n' +
      '    count = 0\n' +
      '    def step():\n' +
      '        nonlocal count   # rebinds the enclosing variable (a cell)\n' +
      '        count += 1\n' +
      '        return count\n' +
      '    return step\n',
    links: [
      { title: 'The nonlocal statement', url: 'https://docs.python.org/3/reference/simple_stmts.html#nonlocal' },
      { title: 'Naming and binding', url: 'https://docs.python.org/3/reference/executionmodel.html#naming-and-binding' },
      { title: 'Lambdas in a loop (FAQ)', url: 'https://docs.python.org/3/faq/programming.html#why-do-lambdas-defined-in-a-loop-with-different-values-all-return-the-same-result' },
    ],
  },
  {
    id: 'global-statement',
    title: '`global` declarations',
    family: 'functions',
    triggers: [{ node: 'global_statement' }],
    summary:
      '`global x` tells the compiler that `x` in this function is the module-level name, so reads and writes compile to `LOAD_GLOBAL`/`STORE_GLOBAL` on the module namespace instead of the fast local slots. ' +
      'It is needed only to *rebind* the name: reading a global, or mutating the object it refers to (`cache[key] = value`), works without it. ' +
      'A function that rebinds globals has hidden side effects, and a read-modify-write such as `counter += 1` is several bytecode steps, so threads sharing the counter need a lock (or the function should return the new value instead).',
    example: 'counter = 0\n\ndef bump():\n    global counter   # STORE_GLOBAL, not a local\n    counter += 1\n',
    links: [
      { title: 'The global statement', url: 'https://docs.python.org/3/reference/simple_stmts.html#global' },
      { title: 'Local and global variables (FAQ)', url: 'https://docs.python.org/3/faq/programming.html#what-are-the-rules-for-local-and-global-variables-in-python' },
    ],
  },
  {
    id: 'decorators',
    title: 'Decorators',
    family: 'functions',
    triggers: [{ node: 'decorator' }],
    summary:
      '`@deco` above a `def` or `class` calls `deco` once, as the definition executes, with the new function or class, and binds the name to whatever it returns: roughly `f = deco(f)`. ' +
      'With several decorators the expressions are evaluated top to bottom but applied bottom to top, so the one nearest the `def` wraps first. ' +
      'A decorator with arguments (`@retry(3)`) is a call that must return the real decorator, hence the extra level of nesting. ' +
      'A wrapper function replaces the original object, so decorate it with `functools.wraps` to keep the name, docstring and signature visible.',
    example:
      '@timer          # applied second: timer(retry(load))\n' +
      '@retry(3)       # applied first\n' +
      'def load(path): ...\n',
    versions: 'Since 3.9 (PEP 614) any expression may follow `@`; earlier versions accepted only a dotted name, optionally called.',
    links: [
      { title: 'Glossary: decorator', url: 'https://docs.python.org/3/glossary.html#term-decorator' },
      { title: 'Function definitions', url: 'https://docs.python.org/3/reference/compound_stmts.html#function' },
    ],
  },
  {
    id: 'functools-wraps',
    title: '`functools.wraps`',
    family: 'functions',
    triggers: [{ name: 'functools.wraps' }, { name: 'functools.update_wrapper' }],
    summary:
      '`@wraps(func)` on a wrapper copies `__module__`, `__name__`, `__qualname__`, `__doc__` and `__annotations__` from `func`, merges `func.__dict__` into the wrapper, and sets `wrapper.__wrapped__ = func`. ' +
      "Without it, tracebacks, `help()`, logging and pickle see the wrapper: a module-level decorated function cannot be pickled because its `__qualname__` is `deco.<locals>.wrapper`. " +
      '`inspect.signature` and `inspect.unwrap` follow `__wrapped__`, so the real parameters show instead of `(*args, **kwargs)`.',
    example:
      'def logged(func):\n' +
      '    @functools.wraps(func)\n' +
      '    def wrapper(*args, **kwargs):\n' +
      '        return func(*args, **kwargs)\n' +
      '    return wrapper\n',
    versions: 'The copied attributes are `functools.WRAPPER_ASSIGNMENTS`; 3.12 adds `__type_params__` to them.',
    links: [
      { title: 'functools.wraps', url: `${FUNCTOOLS}#functools.wraps` },
      { title: 'functools.update_wrapper', url: `${FUNCTOOLS}#functools.update_wrapper` },
    ],
  },
  {
    id: 'cache-lru-cache',
    title: '`lru_cache` and `cache`',
    family: 'functions',
    triggers: [{ name: 'functools.lru_cache' }, { name: 'functools.cache' }, { node: 'attribute', text: /\.cache_(?:info|clear|parameters)$/ }],
    summary:
      'The decorator puts a dictionary keyed by the call arguments in front of the function, so arguments must be hashable and a repeated call returns the stored result without running the body. ' +
      '`lru_cache` keeps at most `maxsize` entries (128 by default) and evicts the least recently used; `cache` is the same with no limit, so it grows for the life of the process. ' +
      'Entries hold strong references to arguments and results, so on a method every `self` stays alive, and `f(1)` and `f(x=1)` are cached separately. ' +
      'Use it only when the result depends on the arguments alone; `cache_info()` reports hits and misses and `cache_clear()` empties it.',
    example:
      '@functools.lru_cache(maxsize=256)\n' +
      'def fib(n):\n' +
      '    return n if n < 2 else fib(n - 1) + fib(n - 2)\n' +
      'fib(80)\n' +
      'fib.cache_info()   # CacheInfo(hits=78, misses=81, maxsize=256, currsize=81)\n',
    versions: '`functools.cache` exists since 3.9; since 3.8 `@lru_cache` can be used without parentheses.',
    links: [
      { title: 'functools.lru_cache', url: `${FUNCTOOLS}#functools.lru_cache` },
      { title: 'functools.cache', url: `${FUNCTOOLS}#functools.cache` },
    ],
  },
  {
    id: 'partial',
    title: '`functools.partial`',
    family: 'functions',
    triggers: [{ name: 'functools.partial' }],
    summary:
      '`partial(f, *args, **kw)` returns a callable object that stores `f` and the frozen arguments (`.func`, `.args`, `.keywords`) and supplies them on every call, frozen positionals first; keywords given at call time override frozen ones. ' +
      'Unlike a `lambda` or a nested function, a `partial` of a module-level function pickles by reference to that function, which makes it the usual way to pass extra arguments to `Pool.map` or a process-pool executor. ' +
      'The frozen arguments are evaluated once, when the `partial` is created, and shared by every call.',
    example: 'from functools import partial\n\nparse_hex = partial(int, base=16)\nparse_hex("ff")            # 255\npool.map(partial(resize, width=800), paths)\n',
    links: [
      { title: 'functools.partial', url: `${FUNCTOOLS}#functools.partial` },
      { title: 'partial objects', url: `${FUNCTOOLS}#partial-objects` },
    ],
  },
  {
    id: 'singledispatch',
    title: '`functools.singledispatch`',
    family: 'functions',
    triggers: [{ name: 'functools.singledispatch' }, { name: 'functools.singledispatchmethod' }],
    summary:
      '`@singledispatch` turns a function into a generic function: each call looks at the class of the *first* argument and runs the implementation registered for the nearest class in its MRO, falling back to the decorated function itself. ' +
      'Implementations are added with `@f.register`, which reads the first parameter\'s annotation, or with `@f.register(SomeType)`. ' +
      'Only the type takes part, so a `bool` argument picks the `int` implementation unless `bool` has its own. ' +
      'For methods use `singledispatchmethod`, which dispatches on the first argument after `self`.',
    example:
      '@singledispatch\n' +
      'def render(value): return str(value)\n\n' +
      '@render.register\n' +
      'def _(value: list): return ", ".join(map(render, value))\n',
    versions: 'Registering through annotations since 3.7; `singledispatchmethod` since 3.8; union types such as `int | str` in `register` since 3.11.',
    links: [
      { title: 'functools.singledispatch', url: `${FUNCTOOLS}#functools.singledispatch` },
      { title: 'functools.singledispatchmethod', url: `${FUNCTOOLS}#functools.singledispatchmethod` },
    ],
  },
  {
    id: 'total-ordering',
    title: '`functools.total_ordering`',
    family: 'functions',
    triggers: [{ name: 'functools.total_ordering' }],
    summary:
      'The class decorator adds whichever of `__lt__`, `__le__`, `__gt__` and `__ge__` the class lacks, deriving them from the one it defines together with `__eq__` (which it should also define, or equality stays identity). ' +
      'The derived methods are extra Python functions that call yours, so each comparison costs more than a hand-written method, which shows in sort-heavy code. ' +
      'Return `NotImplemented`, not `False`, for operands of other types: Python then tries the reflected method and raises `TypeError` if neither side can compare.',
    example:
      '@total_ordering\n' +
      'class Version:\n' +
      '    def __eq__(self, other): ...\n' +
      '    def __lt__(self, other):\n' +
      '        if not isinstance(other, Version):\n' +
      '            return NotImplemented\n' +
      '        return self.parts < other.parts\n',
    links: [{ title: 'functools.total_ordering', url: `${FUNCTOOLS}#functools.total_ordering` }],
  },
  {
    id: 'map-filter-lambda',
    title: '`map`, `filter` and `lambda`',
    family: 'functions',
    triggers: [{ name: 'builtins.map' }, { name: 'builtins.filter' }, { node: 'lambda' }],
    summary:
      '`map` and `filter` return lazy iterators: nothing runs until the result is consumed, and a second pass over the same object yields nothing. ' +
      '`map` with several iterables stops at the shortest one. ' +
      'A `lambda` is an ordinary function object named `<lambda>`, so `pickle` cannot find it by name and it cannot be sent to a process pool; use a module-level `def` or `functools.partial` there. ' +
      'When the function would be a `lambda`, a comprehension or generator expression is usually clearer and skips the function call per item.',
    example: 'squares = map(lambda n: n * n, numbers)\nlist(squares)   # [...]\nlist(squares)   # []: the iterator is exhausted\n',
    links: [
      { title: 'map', url: 'https://docs.python.org/3/library/functions.html#map' },
      { title: 'filter', url: 'https://docs.python.org/3/library/functions.html#filter' },
      { title: 'Lambdas', url: 'https://docs.python.org/3/reference/expressions.html#lambda' },
    ],
  },
];
