// How an expression iterates the iterator a name holds: a `for` loop, a built-in that reads it (list, sum, any, …),
// the first `for` of a list/set/dict comprehension, or an `in` test. `full` says the iterator is certainly run to
// its end (no `break`, no short-circuit). Used by PIN401.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';

export const FULL_CONSUMERS = ['list', 'tuple', 'set', 'frozenset', 'sorted', 'sum', 'min', 'max', 'dict'];
export const PARTIAL_CONSUMERS = ['any', 'all'];

export interface Consumption {
  readonly node: SyntaxNode;
  readonly full: boolean;
  /** What the consumer does with no items left, for messages. */
  readonly onEmpty: string;
  readonly label: string;
}

const LOOPS = new Set(['for_statement', 'while_statement']);
const FRAMES = new Set(['function_definition', 'lambda', 'class_definition']);

function hasOwnBreak(loop: SyntaxNode): boolean {
  const body = loop.childForFieldName('body');
  return !!body?.descendantsOfType('break_statement').some((b) => {
    for (let p = b?.parent; p; p = p.parent) {
      if (LOOPS.has(p.type) || FRAMES.has(p.type)) return p.id === loop.id;
    }
    return false;
  });
}

/** How the identifier `id` is consumed, when it is in one of the shapes above. */
export function consumptionOf(id: SyntaxNode, names: NameResolver): Consumption | undefined {
  const parent = id.parent;
  if (!parent) return undefined;
  const name = id.text;
  if (parent.type === 'for_statement' && parent.childForFieldName('right')?.id === id.id) {
    return { node: parent, full: !hasOwnBreak(parent), onEmpty: 'the loop body never runs', label: 'a `for` loop' };
  }
  if (parent.type === 'for_in_clause' && parent.childForFieldName('right')?.id === id.id) {
    const comprehension = parent.parent;
    if (!comprehension || !/^(list|set|dictionary)_comprehension$/.test(comprehension.type)) return undefined;
    if (comprehension.namedChildren.find((c) => c?.type === 'for_in_clause')?.id !== parent.id) return undefined;
    const kind = comprehension.type.replace('_comprehension', '').replace('dictionary', 'dict');
    return { node: comprehension, full: true, onEmpty: `it builds an empty ${kind}`, label: `a ${kind} comprehension` };
  }
  if (parent.type === 'argument_list' && parent.namedChildren.find((c) => c?.type !== 'comment')?.id === id.id) {
    const call = parent.parent;
    const fn = call?.childForFieldName('function');
    if (!call || fn?.type !== 'identifier' || ![...FULL_CONSUMERS, ...PARTIAL_CONSUMERS].includes(fn.text)) return undefined;
    if (names.qualifiedName(fn) !== `builtins.${fn.text}`) return undefined;
    const rest = parent.namedChildren.filter((c) => c && c.type !== 'comment' && c.id !== id.id);
    const positional = rest.filter((c) => c?.type !== 'keyword_argument');
    if (positional.length > (fn.text === 'sum' ? 1 : 0)) return undefined;
    const label = `\`${fn.text}(${name})\``;
    const hasDefault = rest.some((c) => c?.childForFieldName('name')?.text === 'default');
    const onEmpty =
      fn.text === 'min' || fn.text === 'max'
        ? hasDefault ? 'it returns the default' : `it raises ValueError ("${fn.text}() arg is an empty sequence")`
        : fn.text === 'any' ? 'it returns False' : fn.text === 'all' ? 'it returns True' : fn.text === 'sum' ? 'it returns the start value (0)' : `it returns an empty ${fn.text === 'sorted' ? 'list' : fn.text}`;
    return { node: call, full: !PARTIAL_CONSUMERS.includes(fn.text), onEmpty, label };
  }
  if (parent.type === 'comparison_operator') {
    const index = parent.children.findIndex((c) => c?.id === id.id);
    const operator = parent.child(index - 1)?.type;
    if (index < 1 || (operator !== 'in' && operator !== 'not in')) return undefined;
    return { node: parent, full: false, onEmpty: operator === 'in' ? 'it is False' : 'it is True', label: `an \`${operator}\` test` };
  }
  return undefined;
}

/** Nodes through which a consumption inside a statement certainly runs whenever the statement does. */
const STRAIGHT = new Set([
  'expression_statement', 'assignment', 'augmented_assignment', 'call', 'argument_list', 'keyword_argument',
  'parenthesized_expression', 'binary_operator', 'unary_operator', 'tuple', 'list', 'expression_list', 'return_statement',
]);

/** Whether `node` runs every time the statements of `block` run to their end (no branch, loop, try, with or frame between: a context manager may swallow an exception half-way). */
export function runsUnconditionally(node: SyntaxNode, block: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.id === block.id) return true;
    if (STRAIGHT.has(p.type)) continue;
    return false;
  }
  return false;
}
