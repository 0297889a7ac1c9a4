// PIN401: a name bound once to a single-use iterator (generator expression, same-file generator function's call,
// map/filter/zip/iter/reversed/enumerate) that is consumed a second time after something already ran it to its end.
// Precision: the first consumption must be a full one (a `for` without `break`, list(), sum(), a list comprehension …)
// that runs straight-line in the block of the assignment, and the second must come later in that same block.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { consumptionOf, FULL_CONSUMERS, PARTIAL_CONSUMERS, runsUnconditionally } from '../analysis/consumption';
import { enclosingFunction, iteratorBinding } from '../analysis/iterators';
import type { OffsetEdit } from '../types';
import { capture, type Finding, type Rule } from './rule';

const BUILTIN_ITERATORS = ['map', 'filter', 'zip', 'iter', 'reversed', 'enumerate'];
const CALLS = [...FULL_CONSUMERS, ...PARTIAL_CONSUMERS].map((c) => `"${c}"`).join(' ');

function inside(node: SyntaxNode, ancestor: SyntaxNode): boolean {
  return node.startIndex >= ancestor.startIndex && node.endIndex <= ancestor.endIndex;
}

/** `g = list(<value>)` (or a list comprehension for a generator expression), when every use of `g` only iterates it. */
function materialiseEdits(value: SyntaxNode, scope: SyntaxNode, left: SyntaxNode, context: Parameters<Rule['check']>[1]): OffsetEdit[] | undefined {
  if (context.names.resolve('list', value).kind !== 'builtin') return undefined;
  for (const id of scope.descendantsOfType('identifier')) {
    if (id && id.text === left.text && id.id !== left.id && !consumptionOf(id, context.names)) return undefined;
  }
  if (value.type === 'generator_expression') {
    const open = value.child(0);
    const close = value.child(value.childCount - 1);
    if (open?.type !== '(' || close?.type !== ')') return undefined;
    return [{ start: open.startIndex, end: open.endIndex, newText: '[' }, { start: close.startIndex, end: close.endIndex, newText: ']' }];
  }
  return [{ start: value.startIndex, end: value.startIndex, newText: 'list(' }, { start: value.endIndex, end: value.endIndex, newText: ')' }];
}

export const iteratorReused: Rule = {
  code: 'PIN401',
  name: 'iterator-reused',
  family: 'generators',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  query: `
(for_statement right: (identifier) @target)
(call function: (identifier) @function (#any-of? @function ${CALLS}) arguments: (argument_list . (identifier) @target))
(list_comprehension body: (_) . (for_in_clause right: (identifier) @target))
(set_comprehension body: (_) . (for_in_clause right: (identifier) @target))
(dictionary_comprehension body: (_) . (for_in_clause right: (identifier) @target))
(comparison_operator operators: ["in" "not in"]) @comparison`,
  check(match, context) {
    const comparison = capture(match, 'comparison');
    const target = capture(match, 'target') ?? comparison?.children.find((c, i) => c?.type === 'identifier' && /^(in|not in)$/.test(comparison.child(i - 1)?.type ?? ''));
    if (!target) return undefined;
    const second = consumptionOf(target, context.names);
    if (!second) return undefined;
    const bound = iteratorBinding(target, context.names, BUILTIN_ITERATORS);
    const block = bound?.assignment.parent?.type === 'expression_statement' ? bound.assignment.parent.parent : undefined;
    if (!bound || !block || !inside(second.node, block)) return undefined;
    const frame = enclosingFunction(bound.assignment);
    if (enclosingFunction(second.node)?.id !== frame?.id) return undefined;

    // The first full consumption between the assignment and this one, straight-line in the assignment's block.
    let first;
    for (const id of block.descendantsOfType('identifier', bound.assignment.endPosition, target.startPosition)) {
      if (!id || id.text !== target.text || id.startIndex < bound.assignment.endIndex || id.endIndex > target.startIndex) continue;
      const use = consumptionOf(id, context.names);
      if (use?.full && use.node.endIndex <= target.startIndex && runsUnconditionally(use.node, block)) {
        first = use;
        break;
      }
    }
    if (!first) return undefined;

    const name = target.text;
    const left = bound.assignment.childForFieldName('left');
    const value = bound.assignment.childForFieldName('right');
    const edits = left && value ? materialiseEdits(value, bound.scope.node, left, context) : undefined;
    const what = bound.typeName === 'generator' ? 'a generator' : bound.typeName === 'iterator' ? 'an iterator' : `a \`${bound.typeName}\` iterator`;
    const finding: Finding = {
      at: second.node.type === 'call' ? second.node : target,
      message:
        `\`${name}\` is ${what} (${bound.origin} on line ${bound.assignment.startPosition.row + 1}), and ${first.label} on line ${first.node.startPosition.row + 1} already ran it to the end. ` +
        `Iterators are single-use, so ${second.label} here sees no items: ${second.onEmpty}. Build a list once (\`${name} = list(…)\`) if you need the items more than once.`,
      fix: edits && { title: `Materialise \`${name}\` once as a list`, safety: 'unsafe', edits },
    };
    return finding;
  },
  docs: {
    summary: 'A generator or other single-use iterator, held in a variable, consumed a second time after it was exhausted.',
    what: 'Flags the second consumption of a name bound once in its scope to a generator expression, a call of an undecorated generator function defined in the same file, or a call of the built-in `map`, `filter`, `zip`, `iter`, `reversed` or `enumerate`. The first consumption must certainly have run the iterator to its end: a `for` loop without `break`, a list/set/dict comprehension, or one of `list`, `tuple`, `set`, `frozenset`, `dict`, `sorted`, `sum`, `min`, `max`, as a statement of the same block as the assignment (not inside an `if`, loop, `try` or `with`). The second consumption is any of those, or `any`, `all`, or an `in` test, later in that block. Partial first uses (`next(g)`, `any(g)`, a loop with `break`) are not reported, since continuing where they stopped is a common idiom.',
    why: 'An iterator produces each item once. A generator runs its frame forward on every `__next__` and never rewinds; when its body finishes it raises StopIteration, and from then on every `next()` raises StopIteration again. `map`, `filter`, `zip`, `enumerate`, `reversed` and `iter()` objects behave the same way: `__iter__` returns the iterator itself, so a second `for` loop, `list()` or `sum()` continues from the end and sees nothing. No error is raised: `sum()` gives 0, `list()` gives `[]`, `any()` gives False, `x in g` gives False, and only `min()`/`max()` without a default raise ValueError. Lists, tuples, ranges and dicts are different: each `iter()` call on them makes a new iterator.',
    example: 'squares = (n * n for n in range(10))\ntotal = sum(squares)\nlargest = max(squares)  # ValueError: max() arg is an empty sequence\n',
    useInstead: 'squares = [n * n for n in range(10)]\ntotal = sum(squares)\nlargest = max(squares)\n',
    fixSafety: 'Unsafe: the fix turns a generator expression into a list comprehension, or wraps other values in `list(…)`, so every item is computed up front and kept in memory. That changes when the items are produced (and never finishes for an infinite iterator). It is offered only when every use of the name in its scope merely iterates it (a `for`, a comprehension, the built-ins above or `in`), since `next(g)` would fail on a list.',
    versions: 'All Python 3 versions. (In Python 2, `map`, `filter` and `zip` returned lists, which could be iterated again.)',
    references: [
      { title: 'Iterator types (Python library)', url: 'https://docs.python.org/3/library/stdtypes.html#iterator-types' },
      { title: 'Iterators (Python tutorial)', url: 'https://docs.python.org/3/tutorial/classes.html#iterators' },
      { title: 'Generator expressions (Python reference)', url: 'https://docs.python.org/3/reference/expressions.html#generator-expressions' },
    ],
  },
};
