// PIN407: a `for` loop over a dict, set or list (or a dict view) whose body removes items from that same container
// (or inserts into the list). Dict and set iterators check the size on every step and raise RuntimeError; a list
// iterator only keeps an index, so items shift under it and are skipped or visited twice.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { type ContainerFamily, leavesLoopAfter, sizeMutations } from '../analysis/containerMutation';
import { mutableKind } from '../analysis/mutableValues';
import { capture, type Finding, type Rule, type RuleContext } from './rule';

const FAMILIES: Readonly<Record<string, ContainerFamily>> = { dict: 'dict', defaultdict: 'dict', OrderedDict: 'dict', Counter: 'dict', set: 'set', list: 'list' };

/** The container family every binding of `name` (as seen at `at`) gives it, or undefined when unsure. */
function familyOf(name: SyntaxNode, context: RuleContext): { family: ContainerFamily; kind: string } | undefined {
  const resolution = context.names.resolve(name.text, name);
  if (resolution.kind !== 'bound') return undefined;
  const kinds = resolution.bindings.map((b) => (b.kind === 'assign' && b.node.type === 'identifier' && b.node.parent?.type === 'assignment' ? mutableKind(b.value, () => context.names) : undefined));
  const kind = kinds[0];
  if (!kind || kinds.some((k) => k !== kind) || !Object.hasOwn(FAMILIES, kind)) return undefined;
  return { family: FAMILIES[kind], kind };
}

function consequence(family: ContainerFamily, kind: string, removes: boolean): string {
  if (family === 'list') {
    return removes
      ? 'the list iterator only keeps an index, so the item after each removed one slides into a slot the loop has already visited and is skipped'
      : 'the list iterator only keeps an index, so the items after the insertion point shift: inserting before the current item makes the loop see it again (and repeating that never ends), inserting after it makes the loop visit the new item too';
  }
  const error = kind === 'OrderedDict' ? 'OrderedDict mutated during iteration' : family === 'set' ? 'Set changed size during iteration' : 'dictionary changed size during iteration';
  return `the ${family === 'set' ? 'set' : 'dict'} iterator checks the size on every step, so the loop's next step raises RuntimeError("${error}")`;
}

export const mutationDuringIteration: Rule = {
  code: 'PIN407',
  name: 'mutation-during-iteration',
  family: 'generators',
  defaultSeverity: 'warning',
  fixSafety: 'safe', // for dict and set keys; views and lists get an unsafe fix
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\.(?:pop|popitem|remove|clear|discard|insert)\s*\(|\bdel\b/),
  query: `
(for_statement right: (identifier) @container body: (block) @body) @loop
(for_statement
  right: (call function: (attribute object: (identifier) @container attribute: (identifier) @view (#any-of? @view "keys" "values" "items"))
               arguments: (argument_list) @viewArguments)
  body: (block) @body) @loop`,
  check(match, context) {
    const loop = capture(match, 'loop');
    const container = capture(match, 'container');
    const body = capture(match, 'body');
    const view = capture(match, 'view')?.text;
    if (!loop || !container || !body || loop.children.some((c) => c?.type === 'async')) return undefined;
    if (view && (capture(match, 'viewArguments')?.namedChildCount ?? 0) > 0) return undefined;
    const type = familyOf(container, context);
    if (!type || (view && type.family !== 'dict')) return undefined;
    const left = loop.childForFieldName('left');
    const target = left?.type === 'identifier' && !view ? left.text : undefined;
    const mutation = sizeMutations(body, container.text, type.family, target).find((m) => !leavesLoopAfter(m.node, body));
    if (!mutation) return undefined;

    const right = loop.childForFieldName('right')!;
    const name = container.text;
    const iterated = view ? `\`${name}.${view}()\`` : `\`${name}\``;
    const change = mutation.removes ? 'removes items from' : 'inserts into';
    const message = `\`${mutation.label}\` ${change} \`${name}\` while this loop iterates over ${iterated}: ${consequence(type.family, type.kind, mutation.removes)}. Iterate over a copy: \`list(${right.text})\`.`;
    const builtinList = context.names.resolve('list', loop).kind === 'builtin';
    const safe = !view && type.family !== 'list';
    const finding: Finding = {
      at: mutation.node,
      message,
      fix: builtinList ? { title: `Iterate over list(${right.text})`, safety: safe ? 'safe' : 'unsafe', edits: [{ start: right.startIndex, end: right.endIndex, newText: `list(${right.text})` }] } : undefined,
    };
    return finding;
  },
  docs: {
    summary: 'A for loop whose body removes items from (or inserts into) the dict, set or list it is iterating over.',
    what: 'Flags, inside the body of `for ... in x` (or `in x.keys()`, `x.values()`, `x.items()`), a call or statement that certainly changes the size of `x`: `del x[k]`, `x.pop(k)`, `x.popitem()`, `x.clear()` for a dict (also `defaultdict`, `OrderedDict`, `Counter`); `x.remove(e)`, `x.pop()`, `x.clear()` and `x.discard(<the loop variable>)` for a set; `x.remove(e)`, `x.pop(...)`, `del x[i]` and `x.insert(i, e)` for a list. `x` must be a local or module name every assignment of which builds that type. Quiet when a `break`, `return` or `raise` follows the change in its block (the loop stops), for code in nested functions or generator expressions, and for adding to a dict or set or appending to a list, which may be intended (a key that already exists does not change the size; a work list grows on purpose).',
    why: 'A dict or set iterator remembers the size of the table when it was created and compares it on every `next()`: when it differs it raises RuntimeError ("dictionary changed size during iteration", "Set changed size during iteration"; an OrderedDict says "OrderedDict mutated during iteration"). The error comes from the loop statement on its next step, after the change has already happened. A list iterator keeps only an index into the list, so nothing is raised: after a removal the next item slides into the position just visited and is skipped, and an insertion before the current position makes the loop see the current item again.',
    example: 'def drop_empty(groups):\n    counts = dict(groups)\n    for key in counts:\n        if not counts[key]:\n            del counts[key]\n    return counts\n',
    useInstead: 'def drop_empty(groups):\n    counts = dict(groups)\n    for key in list(counts):\n        if not counts[key]:\n            del counts[key]\n    return counts\n',
    fixSafety: 'The fix iterates over `list(x)` (a snapshot) instead of `x`. For dict and set keys it is safe: any run that removed something raised RuntimeError before. For dict views it is unsafe, because a snapshot of `items()` or `values()` keeps values the body may have changed in the meantime; for lists it is unsafe, because the loop then visits every original item, which changes what the code did (usually the fix of the bug). No fix is offered when `list` is shadowed.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'Dictionary view objects (Python docs)', url: 'https://docs.python.org/3/library/stdtypes.html#dictionary-view-objects' },
      { title: 'The for statement: modifying the sequence (Python reference)', url: 'https://docs.python.org/3/reference/compound_stmts.html#the-for-statement' },
      { title: 'Looping techniques (tutorial)', url: 'https://docs.python.org/3/tutorial/datastructures.html#looping-techniques' },
    ],
  },
};
