// The object model, second half: introspection, type checks, ABCs, dataclasses, exceptions, the MRO.
import type { Topic } from './topic';

const FUNCTIONS = 'https://docs.python.org/3/library/functions.html';

/** `type(x) == C`, `type(x) is not C`, and the same with the operands swapped. */
const TYPE_COMPARISON = /^type\s*\([^()]*\)\s*(?:==|!=|is\b)|(?:==|!=|\bis|\bis\s+not)\s*type\s*\([^()]*\)\s*$/;

export const classTopics: readonly Topic[] = [
  {
    id: 'introspection-builtins',
    title: 'Dynamic attribute access: `getattr`, `setattr`, `hasattr`, `vars`, `dir`',
    family: 'object-model',
    triggers: ['dir', 'vars', 'getattr', 'setattr', 'hasattr', 'delattr'].map((name) => ({ name: `builtins.${name}` })),
    summary:
      '`getattr(obj, name)` runs the same lookup as `obj.name` (descriptors, the instance `__dict__`, then `__getattr__`), only with a name computed at run time; `setattr` and `delattr` mirror assignment and `del`. ' +
      '`hasattr` is `getattr` catching only `AttributeError`: it runs property getters, and any other exception they raise propagates. ' +
      '`vars(obj)` returns the object\'s own `__dict__` (not a copy) and raises `TypeError` when there is none, as with `__slots__` classes; `dir()` is a sorted, best-effort listing from `__dir__`, not a complete inventory. ' +
      'Names passed as strings are never name-mangled, so `getattr(self, "__x")` does not find `self.__x`.',
    example: 'for key, value in options.items():\n    if hasattr(config, key):\n        setattr(config, key, value)\n',
    links: [
      { title: 'getattr', url: `${FUNCTIONS}#getattr` },
      { title: 'vars', url: `${FUNCTIONS}#vars` },
      { title: 'dir', url: `${FUNCTIONS}#dir` },
    ],
  },
  {
    id: 'inspect-module',
    title: '`inspect`: signatures and source',
    family: 'object-model',
    triggers: [
      { name: 'inspect.signature' },
      { name: 'inspect.signature.bind' },
      { name: 'inspect.getsource' },
      { name: 'inspect.isfunction' },
      { name: 'inspect.ismethod' },
    ],
    summary:
      '`inspect` reads live objects: `signature()` builds a `Signature` from the function\'s code object, defaults and annotations (following `__wrapped__` through decorators), and `Signature.bind()` maps arguments onto parameters exactly as a call would, raising `TypeError` when they do not fit. ' +
      '`getsource()` rereads the file named in the code object, so it fails with `OSError` for code compiled from a string (`exec`, some REPLs) and with `TypeError` for built-ins written in C. ' +
      '`isfunction()` is true only for plain Python functions: the same function reached through an instance is a bound method, for which `ismethod()` is true instead.',
    example: 'sig = inspect.signature(handler)\nbound = sig.bind(*args, **kwargs)   # TypeError if the call would fail\nbound.apply_defaults()\n',
    links: [
      { title: 'inspect.signature', url: 'https://docs.python.org/3/library/inspect.html#inspect.signature' },
      { title: 'Signature.bind', url: 'https://docs.python.org/3/library/inspect.html#inspect.Signature.bind' },
      { title: 'inspect.getsource', url: 'https://docs.python.org/3/library/inspect.html#inspect.getsource' },
    ],
  },
  {
    id: 'isinstance-vs-type-duck',
    title: '`isinstance` versus `type()` checks',
    family: 'object-model',
    triggers: [{ name: 'builtins.isinstance' }, { name: 'builtins.issubclass' }, { node: 'comparison_operator', text: TYPE_COMPARISON }],
    summary:
      '`type(x) is C` (or `==`) matches one exact class and rejects subclasses: `type(True) == int` is `False` although `bool` subclasses `int`. ' +
      '`isinstance(x, C)` accepts subclasses and a tuple of classes, and honours `__instancecheck__`, which is how ABCs such as `collections.abc.Iterable` recognise classes that never inherit from them. ' +
      'Prefer `isinstance` for type tests, and often no test at all: calling the method you need and handling the failure (duck typing) keeps the code open to any object that behaves right.',
    versions: 'Since 3.10 `isinstance` also accepts a union such as `int | str`.',
    links: [
      { title: 'isinstance', url: `${FUNCTIONS}#isinstance` },
      { title: 'Glossary: duck typing', url: 'https://docs.python.org/3/glossary.html#term-duck-typing' },
    ],
  },
  {
    id: 'abstract-base-classes',
    title: 'Abstract base classes',
    family: 'object-model',
    triggers: [
      { name: 'abc.ABC' },
      { name: 'abc.ABCMeta' },
      { name: 'abc.abstractmethod' },
      ...['Iterable', 'Iterator', 'Mapping', 'MutableMapping', 'Sequence', 'Hashable', 'Sized'].map((n) => ({ name: `collections.abc.${n}` })),
    ],
    summary:
      'A class built by `ABCMeta` (directly, or by inheriting `abc.ABC` or a `collections.abc` class) cannot be instantiated while an `@abstractmethod` is left unimplemented: the `TypeError` comes at construction, not when the missing method is called. ' +
      'Inheriting a `collections.abc` class also brings mixin methods: define `__getitem__`, `__iter__` and `__len__` on a `Mapping` subclass and you get `get`, `keys`, `items`, `in` and `==`. ' +
      '`isinstance` against an ABC is a check, not inheritance: one-method ABCs such as `Iterable`, `Sized` and `Hashable` accept any class defining that method, while `Sequence` and `Mapping` require inheriting or `register()`. ' +
      '`isinstance(x, Iterable)` misses objects that are iterable only through the older `__getitem__` protocol.',
    example:
      'class Shape(ABC):\n' +
      '    @abstractmethod\n' +
      '    def area(self): ...\n\n' +
      'Shape()   # TypeError: Can\'t instantiate abstract class Shape ...\n',
    links: [
      { title: 'abc', url: 'https://docs.python.org/3/library/abc.html' },
      { title: 'abc.abstractmethod', url: 'https://docs.python.org/3/library/abc.html#abc.abstractmethod' },
      { title: 'collections.abc', url: 'https://docs.python.org/3/library/collections.abc.html' },
    ],
  },
  {
    id: 'dataclasses',
    title: 'Dataclasses',
    family: 'object-model',
    triggers: [{ name: 'dataclasses.dataclass' }, { name: 'dataclasses.field' }, { node: 'identifier', text: /^__post_init__$/ }],
    summary:
      '`@dataclass` reads the class annotations once, when the class is created, and generates `__init__`, `__repr__` and `__eq__` (and ordering methods with `order=True`); names without an annotation are not fields. ' +
      'A default is a single object shared by every instance, so an unhashable default such as `[]` is rejected with `ValueError`: use `field(default_factory=list)`. ' +
      '`__post_init__` runs at the end of the generated `__init__` and is the place to validate, since the annotations themselves are never checked. ' +
      '`frozen=True` makes assignment raise `FrozenInstanceError` (an `AttributeError`), and `eq=True` without `frozen` sets `__hash__` to `None`.',
    example:
      '@dataclass(frozen=True)\n' +
      'class Order:\n' +
      '    id: int\n' +
      '    items: list[str] = field(default_factory=list)\n',
    versions: 'Since 3.11 any unhashable default is rejected; 3.7–3.10 rejected only `list`, `dict` and `set`. `slots=True` and `kw_only=True` exist since 3.10.',
    links: [
      { title: 'dataclasses.dataclass', url: 'https://docs.python.org/3/library/dataclasses.html#dataclasses.dataclass' },
      { title: 'dataclasses.field', url: 'https://docs.python.org/3/library/dataclasses.html#dataclasses.field' },
    ],
  },
  {
    id: 'exception-hierarchy-finally',
    title: 'Exception hierarchy and `finally`',
    family: 'object-model',
    triggers: [{ node: 'class_definition', text: /^class\s+\w+\s*\(\s*(?:BaseException|Exception|\w+Error)\s*[,)]/ }, { node: 'finally_clause' }],
    summary:
      'Derive custom exceptions from `Exception` or one of its subclasses: `BaseException` is the root shared with `KeyboardInterrupt`, `SystemExit` and `GeneratorExit`, which `except Exception:` deliberately lets through so Ctrl+C and `sys.exit()` keep working. ' +
      'A `finally` block runs however the `try` is left (normally, through `return` or `break`, or by any exception including `KeyboardInterrupt`), and a pending exception is re-raised after it; only killing the process or `os._exit()` skips it. ' +
      'A `return` inside `finally` discards the pending exception without a trace.',
    versions: '`ExceptionGroup` and `except*` are built in since 3.11 (PEP 654).',
    links: [
      { title: 'Exception hierarchy', url: 'https://docs.python.org/3/library/exceptions.html#exception-hierarchy' },
      { title: 'The finally clause', url: 'https://docs.python.org/3/reference/compound_stmts.html#finally' },
      { title: 'User-defined exceptions', url: 'https://docs.python.org/3/tutorial/errors.html#user-defined-exceptions' },
    ],
  },
  {
    id: 'mixin-base-order',
    title: 'Mixins, base order and the MRO',
    family: 'object-model',
    triggers: [{ node: 'class_definition', text: /^class\s+\w+\s*\([^)]*\b\w*Mix[Ii]n\b/ }, { name: 'builtins.super' }],
    summary:
      'Attribute lookup walks the method resolution order (`Cls.__mro__`), computed by C3 linearisation: the class, then its bases left to right, each class before its own bases and none twice (an inconsistent order is a `TypeError`). ' +
      'A mixin overrides a method of the class it is combined with only if it is listed *before* that class, which is why `class Server(ThreadingMixIn, TCPServer)` handles each request in a thread and the reverse order silently keeps the blocking `process_request`. ' +
      '`super()` means the next class in the MRO of `type(self)`, not the parent class, so cooperative mixins that call `super()` chain through the whole hierarchy.',
    example: 'class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):\n    pass\n\n[c.__name__ for c in Server.__mro__]\n# [\'Server\', \'ThreadingMixIn\', \'TCPServer\', \'BaseServer\', \'object\']\n',
    links: [
      { title: 'The Python MRO', url: 'https://docs.python.org/3/howto/mro.html' },
      { title: 'super', url: `${FUNCTIONS}#super` },
      { title: 'Glossary: method resolution order', url: 'https://docs.python.org/3/glossary.html#term-method-resolution-order' },
    ],
  },
];
