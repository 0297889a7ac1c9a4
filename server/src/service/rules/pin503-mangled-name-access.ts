// PIN503: `obj.__name` outside any class body (or inside another class, where it is mangled with that class's name), where `obj` is certainly a class of this file (or an instance made by
// calling it) and that class defines `__name` in its own code, so it is stored as `_Cls__name`. Outside a class the
// compiler does not mangle, so the lookup of `__name` raises AttributeError. Only plain classes are judged: no bases
// but object, no keywords, no class decorators, no __getattr__/__getattribute__, and nothing in the file that could
// set the unmangled name (a store outside a class, setattr, vars, __dict__).
import type { SyntaxNode } from '../../parsing/treeSitter';
import { classBodyNames, hasOnlyObjectBase } from '../analysis/classScope';
import { assignmentOfTarget, className, definesPrivateAttribute, isPrivateName, mangle, manglingClass } from '../analysis/mangle';
import { capture, type Rule, type RuleContext } from './rule';

type Target = { readonly cls: SyntaxNode; readonly access: 'class' | 'instance' };

function classOf(expr: SyntaxNode, context: RuleContext): SyntaxNode | undefined {
  const definition = expr.type === 'identifier' ? context.names.definitionOf(expr) : undefined;
  return definition?.kind === 'class' ? definition.node : undefined;
}

/** The class `obj` certainly is (`Cls`) or is an instance of (`Cls()`, or a name bound once to `Cls(...)`). */
function targetOf(obj: SyntaxNode, context: RuleContext): Target | undefined {
  if (obj.type === 'call') {
    const cls = classOf(obj.childForFieldName('function')!, context);
    return cls && { cls, access: 'instance' };
  }
  const cls = classOf(obj, context);
  if (cls) return { cls, access: 'class' };
  const resolution = context.names.resolve(obj.text, obj);
  if (resolution.kind !== 'bound' || resolution.bindings.length !== 1) return undefined;
  const [binding] = resolution.bindings;
  if (binding.kind !== 'assign' || binding.value.type !== 'call') return undefined;
  const assignment = binding.node.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.id !== binding.node.id) return undefined;
  const made = classOf(binding.value.childForFieldName('function')!, context);
  return made && { cls: made, access: 'instance' };
}

/** Where `cls` defines the private `name` in its own code: in the class body, or on instances/the class in methods. */
function definitionKinds(cls: SyntaxNode, name: string): Set<'body' | 'attribute'> {
  const kinds = new Set<'body' | 'attribute'>();
  for (const id of cls.descendantsOfType('identifier')) {
    if (!id || id.text !== name || manglingClass(id)?.id !== cls.id || !definesPrivateAttribute(id)) continue;
    kinds.add(id.parent?.type === 'attribute' ? 'attribute' : 'body');
  }
  return kinds;
}

/** Whether class `cls` itself stores `.name` on some object (which then carries that class's mangled name). */
function storesInside(cls: SyntaxNode, name: string): boolean {
  return new RegExp(`\\.\\s*${name}\\s*(=[^=]|[-+*/%@&|^]=|//=|\\*\\*=|>>=|<<=)`).test(cls.text);
}

/** Whether anything in the file could put the unmangled name on an object. */
function mayBeSetUnmangled(context: RuleContext, name: string): boolean {
  if (/\b(setattr|vars|__dict__|__setattr__)\b/.test(context.text)) return true;
  const store = new RegExp(`\\.\\s*${name}\\s*(=[^=]|[-+*/%@&|^]=|//=|\\*\\*=|>>=|<<=)`, 'g');
  for (let m = store.exec(context.text); m; m = store.exec(context.text)) {
    const node = context.file.tree.rootNode.descendantForIndex(m.index + m[0].indexOf(name));
    if (!node || !manglingClass(node)) return true;
  }
  return false;
}

export const mangledNameAccess: Rule = {
  code: 'PIN503',
  name: 'mangled-name-access',
  family: 'classes',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  // mayBeSetUnmangled() and storesInside() scan the whole text (or a whole class) for stores of the name.
  textDependencies: [/\b(?:setattr|vars|__dict__|__setattr__)\b/, /\.\s*__\w*\s*[-+*/%@&|^<>]*=/],
  appliesTo: (file) => file.has(/\.\s*__[A-Za-z]/),
  query: '(attribute object: [(identifier) (call function: (identifier))] @object attribute: (identifier) @name (#match? @name "^__[A-Za-z0-9_]*([^_]|[^_]_)$")) @attribute',
  check(match, context) {
    const attribute = capture(match, 'attribute');
    const obj = capture(match, 'object');
    const name = capture(match, 'name');
    if (!attribute || !obj || !name || !isPrivateName(name.text)) return undefined;
    const inClass = manglingClass(attribute);
    if (assignmentOfTarget(attribute) || attribute.parent?.type === 'delete_statement') return undefined;
    const target = targetOf(obj, context);
    if (!target) return undefined;
    const { cls, access } = target;
    if (cls.parent?.type === 'decorated_definition' || !hasOnlyObjectBase(cls, context.names)) return undefined;
    const body = classBodyNames(cls, context.names);
    if (!body || body.has('__getattr__') || body.has('__getattribute__')) return undefined;
    const kinds = definitionKinds(cls, name.text);
    const mangled = mangle(className(cls), name.text);
    if (kinds.size === 0 || !mangled || mayBeSetUnmangled(context, name.text)) return undefined;
    // Inside a class the access is mangled with that class's name: right in the owner, wrong in any other class
    // (unless that class stores the same name on the object itself).
    const here = inClass ? mangle(className(inClass), name.text) : undefined;
    if (inClass && (here === mangled || storesInside(inClass, name.text))) return undefined;

    const what = access === 'class' ? `the class \`${className(cls)}\`` : `an instance of \`${className(cls)}\``;
    const fixable = access === 'instance' || kinds.has('body');
    return {
      at: name,
      message: `\`${name.text}\` is a private name: inside \`${className(cls)}\` the compiler stores it as \`${mangled}\`, but ${inClass ? `here, inside class \`${className(inClass)}\`, it is compiled as \`${here}\`` : 'here, outside any class body, it is not mangled'}, so looking up \`${name.text}\` on ${what} raises AttributeError. Use a single-underscore name in the class, or \`${mangled}\` if you really need the private attribute.`,
      fix: fixable ? { title: `Use the mangled name ${mangled}`, safety: 'unsafe', edits: [{ start: name.startIndex, end: name.endIndex, newText: mangled }] } : undefined,
    };
  },
  docs: {
    summary: 'A private `__name` attribute read outside its class, where it is not mangled and raises AttributeError.',
    what: 'Flags `obj.__name` (two leading underscores, not ending in two) outside any class body, or inside a different class (where it is mangled with that class\'s name), when `obj` is a class defined in this file, a call of it, or a name bound once to such a call, and that class itself defines `__name` (in its body, or as `self.__name = …` / `cls.__name = …` in its methods). Only plain classes are judged: no bases other than `object`, no metaclass or other keywords, no class decorator and no `__getattr__`/`__getattribute__`; and the rule stays quiet if anything in the file could set the unmangled name (a store outside a class, `setattr`, `vars`, `__dict__`).',
    why: "Private name mangling is done by the compiler, not at run time: inside a class body (including its methods, nested functions and comprehensions), every identifier `__name` that does not end in two underscores is rewritten to `_ClassName__name` (with the class name's leading underscores stripped). So `self.__count = 0` in `class Counter` stores `_Counter__count`. Code outside any class is compiled as written, so `counter.__count` looks for an attribute literally called `__count`, which does not exist, and raises AttributeError. Inside a different class the name is mangled with that class's name instead, which is just as wrong.",
    example: 'class Counter:\n    def __init__(self):\n        self.__count = 0\n\n\ncounter = Counter()\nprint(counter.__count)  # AttributeError\n',
    useInstead: 'class Counter:\n    def __init__(self):\n        self._count = 0\n\n\ncounter = Counter()\nprint(counter._count)\n',
    fixSafety: 'Unsafe: the fix rewrites the access to the mangled name (`counter._Counter__count`), which reaches into the class\'s private attribute; that is what the code meant, but a single-underscore (or public) name in the class is usually the better change. No fix is offered for `Cls.__name` when the class only sets `__name` on instances.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'Private name mangling (Python reference)', url: 'https://docs.python.org/3/reference/expressions.html#private-name-mangling' },
      { title: 'Private variables (Python tutorial)', url: 'https://docs.python.org/3/tutorial/classes.html#private-variables' },
    ],
  },
};
