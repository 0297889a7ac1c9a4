// PIN408: a builtin that consumes its whole argument (list, tuple, set, sorted, sum, min, max, ...) applied directly to
// an itertools iterator that never ends: count(), cycle(<non-empty>), repeat(x) without `times`. len() of one of them
// is reported too: it raises TypeError at once, since iterators have no length.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { capture, type Finding, type Rule } from './rule';

const CONSUMERS = ['list', 'tuple', 'set', 'frozenset', 'sorted', 'sum', 'min', 'max', 'len'];
/** Consumers that keep every item: memory grows until MemoryError (a set only keeps distinct ones). */
const STORING = new Set(['list', 'tuple', 'sorted']);
const EMPTY_LITERAL = /^(\[\s*\]|\(\s*\)|[bBrRuU]{0,2}(""|''))$/;

function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const list = call.childForFieldName('arguments');
  return list?.type === 'argument_list' ? list.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment') : [];
}

/** `count`, `cycle` or `repeat` when this itertools call certainly never stops producing items, else undefined. */
function infiniteKind(call: SyntaxNode, qualifiedName: string | undefined): string | undefined {
  const args = argumentsOf(call);
  if (call.childForFieldName('arguments')?.type !== 'argument_list') return undefined;
  if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
  switch (qualifiedName) {
    case 'itertools.count':
      return 'count';
    case 'itertools.cycle': // cycle() of an empty iterable ends at once
      return args.length === 1 && args[0].type !== 'keyword_argument' && !EMPTY_LITERAL.test(args[0].text) ? 'cycle' : undefined;
    case 'itertools.repeat': // repeat(x, times) is finite
      return args.length === 1 && args[0].type !== 'keyword_argument' ? 'repeat' : undefined;
    default:
      return undefined;
  }
}

export const infiniteIteratorMaterialised: Rule = {
  code: 'PIN408',
  name: 'infinite-iterator-materialised',
  family: 'generators',
  defaultSeverity: 'error',
  fixSafety: 'none',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bitertools\b/) && file.has(/\b(count|cycle|repeat)\b/),
  query: `
(call
  function: (identifier) @consumer (#any-of? @consumer ${CONSUMERS.map((c) => `"${c}"`).join(' ')})
  arguments: (argument_list . (call function: [(identifier) (attribute)] @source) @iterator)) @call`,
  check(match, context) {
    const call = capture(match, 'call');
    const consumer = capture(match, 'consumer');
    const iterator = capture(match, 'iterator');
    const source = capture(match, 'source');
    if (!call || !consumer || !iterator || !source) return undefined;
    const name = consumer.text;
    if (context.names.qualifiedName(consumer) !== `builtins.${name}`) return undefined;
    const positional = argumentsOf(call).filter((a) => a.type !== 'keyword_argument');
    // sum(it, start) is fine; min/max with several positional arguments compare the arguments themselves.
    if (positional.length > (name === 'sum' ? 2 : 1) || positional.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
    if (name === 'len' && argumentsOf(call).length !== 1) return undefined;
    const kind = infiniteKind(iterator, context.names.qualifiedName(source));
    if (!kind) return undefined;

    const what = `\`itertools.${kind}()\`${kind === 'cycle' ? ' over a non-empty iterable' : kind === 'repeat' ? ' without `times`' : ''} never stops producing items`;
    const stores = STORING.has(name) || (kind === 'count' && (name === 'set' || name === 'frozenset'));
    const message =
      name === 'len'
        ? `\`len()\` of \`itertools.${kind}()\` raises TypeError at once: iterators have no length (and this one never ends, so counting its items would not finish either). Take a bounded slice with \`itertools.islice()\` and count that.`
        : `${what}, and \`${name}()\` consumes its whole argument: this call never returns${stores ? ', storing items until memory runs out (MemoryError)' : ' and loops forever'}. Bound it first, e.g. \`itertools.islice(…, n)\`${kind === 'repeat' ? ' or `repeat(x, n)`' : ''}.`;
    const finding: Finding = { at: call, message };
    return finding;
  },
  docs: {
    summary: 'A builtin that consumes a whole iterable (list, sum, sorted, …) applied to an infinite itertools iterator.',
    what: 'Flags `list`, `tuple`, `set`, `frozenset`, `sorted`, `sum`, `min`, `max` and `len` called directly on `itertools.count(...)`, `itertools.cycle(x)` (unless `x` is a visibly empty literal) or `itertools.repeat(x)` without a `times` argument, also through `from itertools import ...` and aliases. `repeat(x, n)`, an iterator bounded by `islice`, `zip` or `takewhile` first, and lazy consumers such as `zip`, `map` or `enumerate` are fine.',
    why: '`count()` adds its step forever, `cycle()` replays the saved items of its (non-empty) input forever, and `repeat(x)` with no `times` returns `x` forever: none of them ever raises StopIteration. `list()`, `tuple()` and `sorted()` keep asking for the next item and appending it, so the process grows until it fails with MemoryError; `sum()`, `min()`, `max()` and `set()` of repeated values loop forever. `len()` is different: these iterators define no `__len__`, so it raises TypeError immediately.',
    example: 'import itertools\n\nids = list(itertools.count(1))\n',
    useInstead: 'import itertools\n\nids = list(itertools.islice(itertools.count(1), 10))\n',
    fixSafety: 'No fix: only the author knows how many items were meant.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'itertools: infinite iterators', url: 'https://docs.python.org/3/library/itertools.html#itertools.count' },
      { title: 'itertools.islice', url: 'https://docs.python.org/3/library/itertools.html#itertools.islice' },
    ],
  },
};
