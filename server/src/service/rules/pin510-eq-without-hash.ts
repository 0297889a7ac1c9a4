// PIN510: a class that defines `__eq__` but not `__hash__`. type() then sets `__hash__ = None` in the class, so its
// instances are unhashable, even when a base class defines `__hash__`. Information: that is often what a mutable
// class wants, but it surprises people who later put instances in a set or use them as dict keys.
import { classBodyNames, hasPlainAncestry } from '../analysis/classScope';
import { capture, type Finding, type Rule } from './rule';

export const eqWithoutHash: Rule = {
  code: 'PIN510',
  name: 'eq-without-hash',
  family: 'classes',
  defaultSeverity: 'information',
  fixSafety: 'none',
  equivalentCodes: ['PLW1641'],
  scope: 'statement',
  appliesTo: (file) => file.has(/__eq__/),
  query: `
(class_definition body: (block (function_definition name: (identifier) @_eq (#eq? @_eq "__eq__")))) @class
(class_definition body: (block (expression_statement (assignment left: (identifier) @_eq (#eq? @_eq "__eq__"))))) @class`,
  check(match, context) {
    const cls = capture(match, 'class');
    const name = cls?.childForFieldName('name');
    if (!cls || !name || !hasPlainAncestry(cls, context.names)) return undefined;
    const defined = classBodyNames(cls, context.names);
    if (!defined || defined.has('__hash__')) return undefined;
    const finding: Finding = {
      at: name,
      message: `\`${name.text}\` defines \`__eq__\` but not \`__hash__\`, so Python sets \`${name.text}.__hash__\` to None: its instances cannot be set members or dict keys (TypeError: unhashable type: '${name.text}'). If instances never change, define \`__hash__\` from the same fields \`__eq__\` compares; if they should be unhashable, say so with \`__hash__ = None\`.`,
    };
    return finding;
  },
  docs: {
    summary: 'A class that defines `__eq__` without `__hash__`, which makes its instances unhashable.',
    what:
      'Reports (as information) a class whose body defines `__eq__` but binds no `__hash__`. Only classes built by plain `type()` are checked: no decorator (a `@dataclass` manages `__hash__` itself), no metaclass or class keywords, and bases that are `object` or such plain classes of the same file. Writing `__hash__ = None` states that unhashable instances are intended and silences the rule.',
    why:
      'Objects that compare equal must have equal hashes, or sets and dicts misbehave. The default `object.__hash__` is based on identity, which contradicts a value-based `__eq__`. So when a class body defines `__eq__` and no `__hash__`, `type.__new__` stores `__hash__ = None` in the class (this happens even if a base class defines `__hash__`). `hash(obj)` then raises `TypeError: unhashable type`, and `isinstance(obj, collections.abc.Hashable)` is False. This is right for mutable objects, whose hash would change, but it breaks code that puts immutable value objects in a set or uses them as dict keys.',
    example:
      'class Point:\n    def __init__(self, x, y):\n        self.x, self.y = x, y\n\n    def __eq__(self, other):\n        return (self.x, self.y) == (other.x, other.y)\n\n{Point(1, 2)}  # TypeError: unhashable type: \'Point\'\n',
    useInstead:
      'class Point:\n    def __init__(self, x, y):\n        self.x, self.y = x, y\n\n    def __eq__(self, other):\n        return (self.x, self.y) == (other.x, other.y)\n\n    def __hash__(self):\n        return hash((self.x, self.y))\n',
    fixSafety: 'No fix is offered: only the author knows whether instances are immutable (and hashable) or meant to be unhashable.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'object.__hash__ (Python data model)', url: 'https://docs.python.org/3/reference/datamodel.html#object.__hash__' },
      { title: 'hashable (Python glossary)', url: 'https://docs.python.org/3/glossary.html#term-hashable' },
    ],
  },
};
