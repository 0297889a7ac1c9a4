// Classes defined outside the file whose layout we know (checked against CPython 3.11 in test/unit/facts-classes):
// their MRO, metaclass, whether their instances carry a `__dict__` or `__weakref__`, and whether they are variable-size
// (a subclass of a variable-size type cannot add `__weakref__`). None of them defines `__get__`/`__set__`/`__delete__`.

export interface KnownClass {
  readonly qualifiedName: string;
  /** Qualified names, the class itself first, `builtins.object` last. */
  readonly mro: readonly string[];
  readonly metaclass: string;
  readonly dict: boolean;
  readonly weakref: boolean;
  readonly varsize: boolean;
}

const OBJECT = 'builtins.object';
const TYPE = 'builtins.type';

function known(qualifiedName: string, parents: readonly string[], flags: Partial<Omit<KnownClass, 'qualifiedName' | 'mro'>> = {}): KnownClass {
  return { qualifiedName, mro: [qualifiedName, ...parents], metaclass: TYPE, dict: false, weakref: false, varsize: false, ...flags };
}

const EXCEPTION = ['builtins.Exception', 'builtins.BaseException', OBJECT];

const TABLE: readonly KnownClass[] = [
  known(OBJECT, []),
  known('builtins.int', [OBJECT], { varsize: true }),
  known('builtins.bytes', [OBJECT], { varsize: true }),
  known('builtins.tuple', [OBJECT], { varsize: true }),
  ...['str', 'float', 'complex', 'bytearray', 'list', 'dict'].map((n) => known(`builtins.${n}`, [OBJECT])),
  known('builtins.set', [OBJECT], { weakref: true }),
  known('builtins.frozenset', [OBJECT], { weakref: true }),
  known(TYPE, [OBJECT], { dict: true, weakref: true, varsize: true }),
  known('builtins.BaseException', [OBJECT], { dict: true }),
  known('builtins.Exception', ['builtins.BaseException', OBJECT], { dict: true }),
  ...['ValueError', 'TypeError', 'RuntimeError', 'LookupError', 'ArithmeticError', 'AttributeError', 'OSError'].map((n) => known(`builtins.${n}`, EXCEPTION, { dict: true })),
  known('builtins.KeyError', ['builtins.LookupError', ...EXCEPTION], { dict: true }),
  known('builtins.IndexError', ['builtins.LookupError', ...EXCEPTION], { dict: true }),
  known('builtins.NotImplementedError', ['builtins.RuntimeError', ...EXCEPTION], { dict: true }),
  known('abc.ABC', [OBJECT], { metaclass: 'abc.ABCMeta' }),
  known('abc.ABCMeta', [TYPE, OBJECT], { dict: true, weakref: true, varsize: true }),
];

export const KNOWN_CLASSES: ReadonlyMap<string, KnownClass> = new Map(TABLE.map((c) => [c.qualifiedName, c]));

export const OBJECT_NAME = OBJECT;
export const TYPE_NAME = TYPE;
