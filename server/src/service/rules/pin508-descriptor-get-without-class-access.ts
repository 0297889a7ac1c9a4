// PIN508: a descriptor's `__get__(self, instance, owner)` that dereferences `instance` with no path for class access.
// `Owner.attr` (also hasattr/getattr on the class, inspect, help(), doc tools) calls `__get__(descriptor, None, Owner)`,
// so `instance.x` raises AttributeError and `instance[k]` TypeError. Fires only when every use of `instance` is such a
// dereference: any other use (a test, a comparison, a call argument) may be a guard, and then the rule stays quiet.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { noneDereferences } from '../analysis/noneDereference';
import { insertAtBodyStart } from '../fixes/bodyStart';
import { capture, type Finding, type Rule } from './rule';

const PLAIN = new Set(['identifier', 'typed_parameter']);
const OWNER = new Set(['identifier', 'typed_parameter', 'default_parameter', 'typed_default_parameter']);

/** `(self, instance, owner)` with any names (owner may have a default): the instance parameter's name, else undefined. */
function instanceParameter(fn: SyntaxNode): string | undefined {
  const parameters = fn.childForFieldName('parameters')?.namedChildren.filter((p): p is SyntaxNode => !!p && p.type !== 'comment') ?? [];
  if (parameters.length !== 3 || !PLAIN.has(parameters[0].type) || !PLAIN.has(parameters[1].type) || !OWNER.has(parameters[2].type)) return undefined;
  const instance = parameters[1].type === 'identifier' ? parameters[1] : parameters[1].namedChild(0);
  return instance?.type === 'identifier' ? instance.text : undefined;
}

export const descriptorGetWithoutClassAccess: Rule = {
  code: 'PIN508',
  name: 'descriptor-get-without-class-access',
  family: 'classes',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/__get__/),
  query: '(class_definition body: (block (function_definition name: (identifier) @_name (#eq? @_name "__get__")) @function))',
  check(match, context) {
    const fn = capture(match, 'function');
    const body = fn?.childForFieldName('body');
    const instance = fn && instanceParameter(fn);
    const self = fn?.childForFieldName('parameters')?.namedChildren.find((p) => p && p.type !== 'comment');
    if (!fn || !body || !instance || !self) return undefined;
    const uses = noneDereferences(body, instance);
    if (uses.otherUse || uses.failing.length === 0) return undefined;
    const [first] = uses.failing;
    const failure =
      first.type === 'subscript'
        ? "TypeError: 'NoneType' object is not subscriptable"
        : `AttributeError: 'NoneType' object has no attribute '${first.childForFieldName('attribute')?.text ?? ''}'`;
    const selfName = self.type === 'identifier' ? self.text : self.namedChild(0)?.text ?? 'self';
    const edit = insertAtBodyStart(fn, context, (indent, unit, nl) => `if ${instance} is None:${nl}${indent}${unit}return ${selfName}`);
    const finding: Finding = {
      at: first,
      message: `Reading the attribute on the class itself (\`Owner.attr\`, and also \`hasattr\`, \`inspect\` or \`help()\` on the class) calls \`__get__\` with \`${instance}\` set to None, so \`${first.text}\` raises ${failure}. Return the descriptor itself when \`${instance} is None\`, as property and functions do.`,
      fix: edit && { title: `Return ${selfName} when ${instance} is None`, safety: 'unsafe', edits: [edit] },
    };
    return finding;
  },
  docs: {
    summary: 'A descriptor `__get__` that dereferences `instance` without handling class access, where `instance` is None.',
    what:
      'Flags the first attribute read (`instance.x`, `instance.__dict__`) or subscript (`instance[k]`) in a `__get__(self, instance, owner)` method defined in a class body, when that is all the method does with `instance`. Any other use of `instance` (such as `if instance is None`, `if not instance`, `isinstance(instance, …)` or passing it to a call) may be a guard, so the rule then stays quiet; so it does when the read is inside a `try` block or a nested function. Dunder attributes that None has too, such as `__class__`, are not counted.',
    why:
      'Attribute lookup calls a descriptor\'s `__get__` for instance access as `__get__(descriptor, obj, type(obj))` and for class access as `__get__(descriptor, None, Owner)`. Class access happens more often than it seems: `Owner.attr` itself, `hasattr(Owner, "attr")`, `inspect.getmembers`, `help()`, documentation generators and mocking libraries all read class attributes. With `instance` set to None, `instance.x` raises AttributeError and `instance[k]` raises TypeError. The built-in descriptors handle it: `property` and plain functions return themselves when `instance` is None, which is why `Owner.method` is the function.',
    example: 'class Field:\n    def __set_name__(self, owner, name):\n        self.name = name\n\n    def __get__(self, instance, owner=None):\n        return instance.__dict__[self.name]\n',
    useInstead:
      'class Field:\n    def __set_name__(self, owner, name):\n        self.name = name\n\n    def __get__(self, instance, owner=None):\n        if instance is None:\n            return self\n        return instance.__dict__[self.name]\n',
    fixSafety:
      'The fix inserts `if instance is None: return self` (with the method\'s own parameter names) as the first statement after the docstring. It is unsafe: class access used to raise, and code that relied on that (for example `hasattr(Owner, "attr")` being False, or `getattr(Owner, "attr", default)` returning the default) now sees the descriptor. No fix is offered for one-line bodies.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'Implementing descriptors: object.__get__ (Python data model)', url: 'https://docs.python.org/3/reference/datamodel.html#object.__get__' },
      { title: 'Descriptor HowTo Guide: invocation from a class', url: 'https://docs.python.org/3/howto/descriptor.html#invocation-from-a-class' },
    ],
  },
};
