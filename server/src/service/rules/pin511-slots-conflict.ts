// PIN511: a name listed in `__slots__` that the class body also binds (a method, a property, a class variable).
// type.__new__ creates a member descriptor for every slot and refuses to overwrite a value already in the class
// namespace: ValueError "'x' in __slots__ conflicts with class variable" when the class statement runs.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { certainClassBindings } from '../analysis/classBindings';
import { classSlots } from '../analysis/classModel';
import { capture, type Finding, type Rule } from './rule';

/** These two slots make the instance dict / weakref slot, not a member descriptor, so they never conflict. */
const SPECIAL = new Set(['__dict__', '__weakref__']);

export const slotsConflict: Rule = {
  code: 'PIN511',
  name: 'slots-conflict',
  family: 'classes',
  defaultSeverity: 'error',
  fixSafety: 'none',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/__slots__/),
  query: `(class_definition body: (block (expression_statement (assignment left: (identifier) @_slots (#eq? @_slots "__slots__") right: (_) @value)))) @class`,
  check(match) {
    const cls = capture(match, 'class');
    const value = capture(match, 'value');
    if (!cls || !value) return undefined;
    const slots = classSlots(cls);
    if (slots === undefined || slots === 'unknown') return undefined;
    // classSlots reads the last `__slots__` assignment; only that one's entries are checked (and underlined).
    const items: SyntaxNode[] = value.type === 'string' ? [value] : value.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
    if (items.length !== slots.names.length || lastSlotsValue(cls)?.startIndex !== value.startIndex) return undefined;
    const bound = certainClassBindings(cls);
    const className = cls.childForFieldName('name')?.text ?? 'the class';
    const findings: Finding[] = [];
    slots.names.forEach((name, i) => {
      const binding = bound.get(name);
      if (!binding || SPECIAL.has(name) || (name.startsWith('__') && name.endsWith('__'))) return;
      const line = binding.startPosition.row + 1;
      findings.push({
        at: items[i],
        message: `\`${name}\` is both a slot and a class attribute of \`${className}\` (bound on line ${line}): creating the class raises ValueError ("'${name}' in __slots__ conflicts with class variable"). Rename one of them, or set the default in \`__init__\`.`,
      });
    });
    return findings;
  },
  docs: {
    summary: 'A name listed in `__slots__` that the same class body also defines, which makes the class statement raise ValueError.',
    what:
      'Flags each entry of a literal `__slots__` (a string, or a tuple or list of strings) that the class body also binds unconditionally: a method, a property or other decorated function, a nested class, or an assignment with a value (`x = 0`, `x: int = 0`). Private names are compared after mangling, as CPython does. An annotation without a value (`x: int`) binds nothing and is fine, and so are `__dict__` and `__weakref__`, and names a base class defines.',
    why:
      'For each name in `__slots__`, `type.__new__` adds a member descriptor to the class namespace; that descriptor is what reads and writes the value stored in the instance. A class variable of the same name would be replaced by it, so CPython refuses instead: the class statement raises `ValueError: \'x\' in __slots__ conflicts with class variable`. A default value for a slot therefore has to be set in `__init__`, and a property must use a different slot name for its storage.',
    example: 'class Point:\n    __slots__ = ("x", "y")\n    x = 0\n    y = 0\n',
    useInstead: 'class Point:\n    __slots__ = ("x", "y")\n\n    def __init__(self, x=0, y=0):\n        self.x = x\n        self.y = y\n',
    fixSafety: 'No fix is offered: whether to rename the slot, drop the class attribute or move the default into `__init__` depends on the design.',
    versions: 'All Python 3 versions.',
    references: [
      { title: '__slots__ (Python data model)', url: 'https://docs.python.org/3/reference/datamodel.html#slots' },
      { title: 'Descriptor HowTo Guide: member objects and __slots__', url: 'https://docs.python.org/3/howto/descriptor.html#member-objects-and-slots' },
    ],
  },
};

/** The value of the last `__slots__ = …` statement directly in the class body. */
function lastSlotsValue(cls: SyntaxNode): SyntaxNode | undefined {
  let value: SyntaxNode | undefined;
  for (const statement of cls.childForFieldName('body')?.namedChildren ?? []) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChild(0) : undefined;
    if (assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === '__slots__') value = assignment.childForFieldName('right') ?? undefined;
  }
  return value;
}
