// Type hints at run time: annotations, typing constructs, generics.
import type { Topic } from './topic';

const TYPING = 'https://docs.python.org/3/library/typing.html';

export const typingTopics: readonly Topic[] = [
  {
    id: 'annotations-not-enforced',
    title: 'Annotations are not enforced',
    family: 'typing',
    triggers: [{ node: 'type' }, { name: 'typing.get_type_hints' }, { node: 'identifier', text: /^__annotations__$/ }],
    summary:
      'CPython stores annotations in `__annotations__` but never checks them, so `add("a", "b")` on an `int`-annotated function simply runs. ' +
      'Static checkers (mypy, pyright) read them; a library that validates at run time reads them through `typing.get_type_hints()`, which also resolves string annotations. ' +
      'Annotations of local variables inside a function are neither evaluated nor stored.',
    example: 'def add(a: int, b: int) -> int:\n    return a + b\n\nadd("hello", "world")   # "helloworld": no error at run time\n',
    versions:
      'Up to 3.13 module, class and function annotations are evaluated when the definition runs; `from __future__ import annotations` (3.7+, PEP 563) stores them as strings, and since 3.14 (PEP 649) they are evaluated lazily, on first access.',
    links: [
      { title: 'Glossary: annotation', url: 'https://docs.python.org/3/glossary.html#term-annotation' },
      { title: 'Annotations best practices', url: 'https://docs.python.org/3/howto/annotations.html' },
      { title: 'typing.get_type_hints', url: `${TYPING}#typing.get_type_hints` },
    ],
  },
  {
    id: 'typing-generics',
    title: 'Generic types: `list[int]`, `Optional`, `Union`',
    family: 'typing',
    triggers: [
      { node: 'generic_type' },
      ...['List', 'Dict', 'Set', 'Tuple', 'Optional', 'Union'].map((n) => ({ name: `typing.${n}` })),
    ],
    summary:
      'Subscripting a class in a hint (`list[int]`, `dict[str, float]`, `Optional[User]`) creates a small alias object that only records its arguments: the value is still an ordinary `list`, and nothing checks its elements. ' +
      'The parameters are erased at run time, so `isinstance(x, list[int])` raises `TypeError`; test `isinstance(x, list)` and leave element types to a static checker. ' +
      '`Optional[X]` is exactly `Union[X, None]`, and `typing.List`, `Dict`, `Set` and `Tuple` are deprecated aliases of the built-in classes.',
    example: 'def load(path: str) -> dict[str, list[int]] | None: ...\n',
    versions: 'Built-in generics such as `list[int]` since 3.9 (PEP 585), which also deprecated the `typing` aliases; `X | None` union syntax since 3.10 (PEP 604).',
    links: [
      { title: 'Generic alias type', url: 'https://docs.python.org/3/library/stdtypes.html#types-genericalias' },
      { title: 'Union type', url: 'https://docs.python.org/3/library/stdtypes.html#types-union' },
      { title: 'typing.Optional', url: `${TYPING}#typing.Optional` },
    ],
  },
  {
    id: 'typevar-generic',
    title: '`TypeVar` and `Generic`',
    family: 'typing',
    triggers: [{ name: 'typing.TypeVar' }, { name: 'typing.Generic' }],
    summary:
      'A `TypeVar` is a placeholder a static checker solves at each use: in `def first(items: list[T]) -> T`, passing a `list[str]` makes the result a `str`, and constraints (`TypeVar("N", int, float)`) or `bound=` limit what it may stand for. ' +
      'Subclassing `Generic[T]` lets users write `Stack[int]`, but the parameter is erased at run time: `Stack[int]()` builds a plain `Stack` that will happily hold strings. ' +
      'The variance options (`covariant=True`, `contravariant=True`) only matter to the checker.',
    example: 'T = TypeVar("T")\n\nclass Stack(Generic[T]):\n    def push(self, item: T) -> None: ...\n    def pop(self) -> T: ...\n',
    versions: 'Since 3.12 (PEP 695), `class Stack[T]:` and `def first[T](items: list[T]) -> T:` declare type parameters without `TypeVar` or `Generic`.',
    links: [
      { title: 'typing.TypeVar', url: `${TYPING}#typing.TypeVar` },
      { title: 'Generics', url: `${TYPING}#generics` },
      { title: 'typing.Generic', url: `${TYPING}#typing.Generic` },
    ],
  },
  {
    id: 'protocol',
    title: 'Protocols (structural typing)',
    family: 'typing',
    triggers: [{ name: 'typing.Protocol' }, { name: 'typing.runtime_checkable' }],
    summary:
      'A `Protocol` class describes a shape (methods and attributes), and a static checker accepts any class with that shape whether or not it inherits from the protocol. ' +
      'At run time `isinstance(x, Proto)` raises `TypeError` unless the protocol is decorated with `@runtime_checkable`, and even then it only checks that the members exist, not their signatures or types (an attribute `close = 5` satisfies a `close()` protocol). ' +
      'Inheriting from the protocol is optional and only states the intent.',
    example: 'class SupportsClose(Protocol):\n    def close(self) -> None: ...\n\ndef shutdown(resource: SupportsClose) -> None:\n    resource.close()\n',
    versions: 'Since 3.8 (PEP 544).',
    links: [
      { title: 'typing.Protocol', url: `${TYPING}#typing.Protocol` },
      { title: 'typing.runtime_checkable', url: `${TYPING}#typing.runtime_checkable` },
    ],
  },
];
