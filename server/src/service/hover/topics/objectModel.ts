// The object model: descriptors, properties, special methods, metaclasses, name mangling.
// (Introspection, ABCs, dataclasses, exceptions and the MRO are in classes.ts.)
import type { Topic } from './topic';

const DATAMODEL = 'https://docs.python.org/3/reference/datamodel.html';

/** Special methods the interpreter calls implicitly (construction and descriptor hooks have their own topics). */
const DUNDERS =
  'len|length_hint|contains|getitem|setitem|delitem|missing|iter|next|reversed|aiter|anext|await|hash|bool|eq|ne|lt|le|gt|ge|' +
  'call|repr|str|format|bytes|int|float|complex|index|enter|exit|aenter|aexit|neg|pos|abs|invert|round|' +
  '(?:[ri])?(?:add|sub|mul|matmul|truediv|floordiv|mod|divmod|pow|lshift|rshift|and|or|xor)';

export const objectModelTopics: readonly Topic[] = [
  {
    id: 'name-mangling',
    title: 'Private name mangling',
    family: 'object-model',
    triggers: [{ node: 'identifier', text: /^__[A-Za-z0-9_]*[A-Za-z0-9]_?$/ }],
    summary:
      'Inside a class body, the compiler rewrites any identifier that starts with two underscores and does not end with two to `_ClassName__name` (class name minus its leading underscores), wherever it appears: `self.__x`, a method `__helper`, even a global read. ' +
      "The goal is to keep a base class's attributes from colliding with a subclass's, not privacy: the value is still reachable as `obj._ClassName__x`. " +
      'The rewrite is textual and happens at compile time, so strings are left alone: `getattr(self, "__x")` looks up the unmangled name and misses. ' +
      'Outside a class, or in a class whose name is only underscores, nothing is mangled.',
    example:
      'class Account:\n' +
      '    def __init__(self):\n' +
      '        self.__balance = 0   # stored as _Account__balance\n\n' +
      'Account()._Account__balance  # 0\n',
    links: [
      { title: 'Private variables (tutorial)', url: 'https://docs.python.org/3/tutorial/classes.html#private-variables' },
      { title: 'Private name mangling', url: 'https://docs.python.org/3/reference/expressions.html#private-name-mangling' },
    ],
  },
  {
    id: 'special-methods',
    title: 'Special (dunder) methods',
    family: 'object-model',
    triggers: [
      { node: 'function_definition', text: new RegExp(`^(?:async\\s+)?def\\s+__(?:${DUNDERS})__\\s*\\(\\s*self\\b`) },
      { node: 'attribute', text: new RegExp(`\\.__(?:${DUNDERS})__$`) },
    ],
    summary:
      'Syntax and built-ins call these hooks for you: `len(x)` calls `__len__`, `k in c` calls `__contains__`, `d[k] = v` calls `__setitem__`, `a + b` calls `a.__add__(b)` and then `b.__radd__(a)` if that returns `NotImplemented`, and `obj()` calls `__call__`. ' +
      'The interpreter looks them up on the *type*, not the instance, so assigning `obj.__len__ = ...` on one object does not change `len(obj)`. ' +
      'Calling `x.__len__()` yourself skips what the built-in adds (`len` insists on a non-negative `int`, operators try the reflected method), so use the built-in or operator. ' +
      'Defining `__eq__` without `__hash__` sets `__hash__` to `None`, which makes instances unhashable.',
    links: [
      { title: 'Special method names', url: `${DATAMODEL}#special-method-names` },
      { title: 'Special method lookup', url: `${DATAMODEL}#special-lookup` },
    ],
  },
  {
    id: 'property',
    title: '`property`',
    family: 'object-model',
    triggers: [{ name: 'builtins.property' }, { node: 'attribute', text: /^[A-Za-z_]\w*\.(?:setter|getter|deleter)$/ }],
    summary:
      '`property` is a data descriptor stored on the class: reading `obj.x` calls the getter, and assignment and `del` call the setter and deleter, raising `AttributeError` when there is none. ' +
      'Because it defines `__set__` even without a setter, it always wins over an entry of the same name in the instance `__dict__`. ' +
      'Every read is a Python function call, much slower than a plain attribute, so keep getters cheap; for a value computed once per instance, `functools.cached_property` stores it in the instance dict. ' +
      '`@x.setter` returns a new property that copies the getter, so the setter must be defined under the same name `x`.',
    example:
      'class Temperature:\n' +
      '    @property\n' +
      '    def celsius(self): return self._c\n\n' +
      '    @celsius.setter\n' +
      '    def celsius(self, value): self._c = float(value)\n',
    links: [
      { title: 'property', url: 'https://docs.python.org/3/library/functions.html#property' },
      { title: 'Properties (descriptor guide)', url: 'https://docs.python.org/3/howto/descriptor.html#properties' },
    ],
  },
  {
    id: 'descriptors',
    title: 'Descriptors and attribute lookup order',
    family: 'object-model',
    triggers: [{ node: 'identifier', text: /^__(?:get|set|delete)__$/ }, { name: 'functools.cached_property' }],
    summary:
      'An object whose class defines `__get__` (and optionally `__set__` or `__delete__`) controls attribute access when stored as a class attribute: `obj.attr` becomes `type(obj).__dict__["attr"].__get__(obj, type(obj))`, and access through the class passes `None` as the instance (return the descriptor itself then). ' +
      'Defining `__set__` or `__delete__` makes it a *data* descriptor. ' +
      'Instance lookup checks data descriptors on the type first, then the instance `__dict__`, then non-data descriptors and plain class attributes. ' +
      'Functions, `property`, `classmethod`, `staticmethod` and `__slots__` entries are all descriptors, and `functools.cached_property` works because, having no `__set__`, it is shadowed by the value it stores in the instance dict.',
    example:
      'class Positive:\n' +
      '    def __set_name__(self, owner, name): self.key = "_" + name\n' +
      '    def __get__(self, obj, objtype=None):\n' +
      '        return self if obj is None else getattr(obj, self.key)\n' +
      '    def __set__(self, obj, value):\n' +
      '        if value <= 0: raise ValueError(value)\n' +
      '        setattr(obj, self.key, value)\n',
    links: [
      { title: 'Descriptor guide', url: 'https://docs.python.org/3/howto/descriptor.html' },
      { title: 'Invoking descriptors', url: `${DATAMODEL}#invoking-descriptors` },
      { title: 'functools.cached_property', url: 'https://docs.python.org/3/library/functools.html#functools.cached_property' },
    ],
  },
  {
    id: 'set-name',
    title: '`__set_name__`',
    family: 'object-model',
    triggers: [{ node: 'identifier', text: /^__set_name__$/ }],
    summary:
      'When a `class` statement finishes, `type.__new__` calls `__set_name__(owner, name)` on every value in the new class namespace that defines it, so a descriptor learns the attribute name it was assigned to (useful for a storage key such as `"_" + name` or for error messages). ' +
      'It runs only at class creation: a descriptor attached later with `setattr(Cls, "x", d)` is not told its name, so call `d.__set_name__(Cls, "x")` yourself.',
    versions: 'Since 3.6 (PEP 487).',
    links: [
      { title: 'object.__set_name__', url: `${DATAMODEL}#object.__set_name__` },
      { title: 'Descriptor guide', url: 'https://docs.python.org/3/howto/descriptor.html' },
    ],
  },
  {
    id: 'metaclass',
    title: 'Metaclasses',
    family: 'object-model',
    triggers: [{ node: 'keyword_argument', text: /^metaclass\s*=/ }, { node: 'class_definition', text: /^class\s+\w+\s*\(\s*type\s*[,)]/ }],
    summary:
      'A metaclass is the class of a class: `class C(Base, metaclass=M): ...` runs the body into a namespace (from `M.__prepare__`) and then calls `M("C", bases, namespace)`, so `M.__new__` and `M.__init__` can inspect or rewrite the class before it is bound to its name. ' +
      "The default metaclass is `type`, and a class inherits its bases' metaclass, so every subclass also passes through `M`; bases with unrelated metaclasses fail with `TypeError: metaclass conflict`. " +
      'Registries and checks on subclasses are usually simpler with `__init_subclass__` or a class decorator, which leave the metaclass as `type`.',
    example:
      'class Registry(type):\n' +
      '    plugins = {}\n' +
      '    def __new__(mcs, name, bases, ns):\n' +
      '        cls = super().__new__(mcs, name, bases, ns)\n' +
      '        mcs.plugins[name] = cls\n' +
      '        return cls\n\n' +
      'class Plugin(metaclass=Registry): ...\n' +
      'class CsvPlugin(Plugin): ...   # registered too: the metaclass is inherited\n',
    versions: '`__init_subclass__` and `__set_name__` exist since 3.6 (PEP 487).',
    links: [
      { title: 'Metaclasses', url: `${DATAMODEL}#metaclasses` },
      { title: 'object.__init_subclass__', url: `${DATAMODEL}#object.__init_subclass__` },
    ],
  },
  {
    id: 'metaclass-call-singleton',
    title: 'Metaclass `__call__` (instance creation)',
    family: 'object-model',
    triggers: [{ node: 'function_definition', text: /^def\s+__call__\s*\(\s*(?:cls|mcs|metacls)\b/ }],
    summary:
      '`Cls(...)` is a call on the class object, so it runs `type(Cls).__call__`, which by default calls `Cls.__new__` to create the instance and then, if the result is an instance of `Cls`, `__init__` to initialise it. ' +
      'Overriding `__call__` in a metaclass intercepts that whole sequence, which is how metaclass singletons hand back a cached instance instead of building a new one. ' +
      'The check-then-create step is not atomic, so two threads can both miss the cache and build two instances unless it is guarded by a lock; later calls also skip `__init__`, silently ignoring their arguments.',
    example:
      'class Singleton(type):\n' +
      '    _instances = {}\n' +
      '    def __call__(cls, *args, **kwargs):\n' +
      '        if cls not in cls._instances:   # not thread-safe without a lock\n' +
      '            cls._instances[cls] = super().__call__(*args, **kwargs)\n' +
      '        return cls._instances[cls]\n',
    links: [
      { title: 'object.__new__', url: `${DATAMODEL}#object.__new__` },
      { title: 'Metaclasses', url: `${DATAMODEL}#metaclasses` },
    ],
  },
  {
    id: 'type-dynamic-class',
    title: 'Creating classes with `type()`',
    family: 'object-model',
    triggers: [{ node: 'call', text: /^type\s*\(\s*[rRuUbBfF]{0,2}['"]/ }, { name: 'types.new_class' }],
    summary:
      'With three arguments, `type(name, bases, namespace)` builds a class just as a `class` statement does: the result has a normal MRO, can be subclassed, and triggers `__init_subclass__` and `__set_name__`; a metaclass found on the bases is used instead of `type`. ' +
      'The namespace dict is copied into the new class, and functions in it become methods. ' +
      'It does not call `__prepare__`, accept class keywords, or resolve `__mro_entries__`, so a base such as `Generic[T]` fails with `TypeError`; `types.new_class()` does all three and is the full equivalent of a `class` statement.',
    example: 'Point = type("Point", (object,), {"x": 0, "norm": lambda self: abs(self.x)})\n',
    links: [
      { title: 'type', url: 'https://docs.python.org/3/library/functions.html#type' },
      { title: 'types.new_class', url: 'https://docs.python.org/3/library/types.html#types.new_class' },
    ],
  },
];
