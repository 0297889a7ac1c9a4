// PIN509: `@functools.total_ordering` on a class that lacks what the decorator builds on. With no ordering method it
// raises ValueError when the class is created; with no `__eq__` the derived methods combine the root ordering with
// object identity. Only classes whose whole namespace is visible are checked: no bases but `object`, no keywords, and
// no decorator applied before total_ordering (such as @dataclass, which may add methods).
import { classBodyNames, decoratorsBelow, hasOnlyObjectBase } from '../analysis/classScope';
import { capture, type Finding, type Rule } from './rule';

const ORDERING = ['__lt__', '__le__', '__gt__', '__ge__'] as const;

/** For equal values in distinct instances: the derived operator that wrongly says False, and the one that says True. */
const WRONG: Record<(typeof ORDERING)[number], [string, string]> = {
  __lt__: ['<=', '>'],
  __le__: ['>=', '<'],
  __gt__: ['>=', '<'],
  __ge__: ['<=', '>'],
};

export const totalOrderingIncomplete: Rule = {
  code: 'PIN509',
  name: 'total-ordering-incomplete',
  family: 'classes',
  defaultSeverity: 'error',
  fixSafety: 'none',
  equivalentCodes: [],
  scope: 'statement',
  // Aliases (`from functools import total_ordering as ordered`) are resolved in check; the prefilter keeps the query
  // off files that never mention the decorator.
  appliesTo: (file) => file.has(/\btotal_ordering\b/),
  query: '(decorated_definition (decorator [(identifier) (attribute)] @expression) @decorator definition: (class_definition) @class)',
  check(match, context) {
    const decorator = capture(match, 'decorator');
    const expression = capture(match, 'expression');
    const cls = capture(match, 'class');
    if (!decorator || !expression || !cls) return undefined;
    if (context.names.qualifiedName(expression) !== 'functools.total_ordering') return undefined;
    if (decoratorsBelow(decorator).length > 0 || !hasOnlyObjectBase(cls, context.names)) return undefined;
    const defined = classBodyNames(cls, context.names);
    if (!defined) return undefined;
    const name = cls.childForFieldName('name')?.text ?? 'the class';
    const roots = ORDERING.filter((op) => defined.has(op));
    if (roots.length === 0) {
      const finding: Finding = {
        at: expression,
        message: `\`${name}\` defines none of \`__lt__\`, \`__le__\`, \`__gt__\`, \`__ge__\`, so \`@total_ordering\` has nothing to derive the others from and raises ValueError when the class is created. Define one of them (and \`__eq__\`).`,
      };
      return finding;
    }
    if (defined.has('__eq__')) return undefined;
    // total_ordering picks the largest root by name: __lt__ over __le__ over __gt__ over __ge__.
    const root = [...roots].sort().reverse()[0];
    const [saysFalse, saysTrue] = WRONG[root];
    const finding: Finding = {
      at: expression,
      severity: 'warning',
      message: `\`${name}\` has no \`__eq__\`, so \`==\` is object identity. \`@total_ordering\` derives the missing comparisons from \`${root}\` and \`==\`: for two distinct instances with equal values, \`${saysFalse}\` returns False and \`${saysTrue}\` returns True. Define \`__eq__\`.`,
    };
    return finding;
  },
  docs: {
    summary: '`@functools.total_ordering` on a class without `__eq__` or without any of `__lt__`, `__le__`, `__gt__`, `__ge__`.',
    what:
      'Flags `@total_ordering` (imported from functools under any name) on a class that defines none of the four ordering methods (an error: the decorator raises), or that defines one but no `__eq__` (a warning). Only classes with no base other than `object`, no metaclass or class keywords, and no decorator applied before `total_ordering` are checked, since anything else may supply the methods.',
    why:
      '`total_ordering` looks for the ordering methods the class defines itself (those that differ from `object`\'s). With none it raises `ValueError: must define at least one ordering operation`. Otherwise it picks one root (preferring `__lt__`, then `__le__`, `__gt__`, `__ge__`) and adds the others as small functions that combine the root with `==`, for example `__le__` as `self < other or self == other`. A class without `__eq__` inherits `object.__eq__`, which compares identity, so two distinct instances with equal values are "not equal": with a `__lt__` root, `a <= b` is False and `a > b` is True for them.',
    example: 'from functools import total_ordering\n\n@total_ordering\nclass Version:\n    def __init__(self, n):\n        self.n = n\n\n    def __lt__(self, other):\n        return self.n < other.n\n\nVersion(1) > Version(1)  # True\n',
    useInstead:
      'from functools import total_ordering\n\n@total_ordering\nclass Version:\n    def __init__(self, n):\n        self.n = n\n\n    def __eq__(self, other):\n        return self.n == other.n\n\n    def __lt__(self, other):\n        return self.n < other.n\n',
    fixSafety: 'No fix is offered: what makes two instances equal is a design decision only the author can make.',
    versions: 'All Python 3 versions (`functools.total_ordering` exists since 3.2).',
    references: [
      { title: 'functools.total_ordering (Python library reference)', url: 'https://docs.python.org/3/library/functools.html#functools.total_ordering' },
      { title: 'Rich comparison methods (Python data model)', url: 'https://docs.python.org/3/reference/datamodel.html#object.__lt__' },
    ],
  },
};
