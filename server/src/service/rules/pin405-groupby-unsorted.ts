// PIN405: itertools.groupby over data that is not visibly sorted, whose groups are then stored by key (a dict
// comprehension keyed by the group key, or `d[k] = ...` in the loop). groupby only joins *consecutive* equal keys, so
// with unsorted input a key comes back once per run and each run overwrites the previous one: data is silently lost.
// Other uses (run-length encoding, streaming over pre-sorted data) group consecutive runs on purpose and stay quiet.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { capture, type Finding, type Rule, type RuleContext } from './rule';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function positionalAndKey(call: SyntaxNode): { iterable?: SyntaxNode; key?: SyntaxNode; ok: boolean } {
  const list = call.childForFieldName('arguments');
  if (list?.type !== 'argument_list') return { ok: false };
  const args = list.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return { ok: false };
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const keyword = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'key');
  return { iterable: positional[0], key: positional[1] ?? keyword?.childForFieldName('value') ?? undefined, ok: positional.length <= 2 };
}

/** Whether `x` is sorted where we can see it: a sorted() call, a name bound to one, or a name sorted in place in its scope. */
function visiblySorted(x: SyntaxNode, context: RuleContext): boolean {
  if (/sort/i.test(x.text)) return true; // sorted(...), reversed(sorted(...)), rows_sorted, sortedRows ...
  if (x.type !== 'identifier' && x.type !== 'attribute') return false;
  let scope: SyntaxNode | null = x.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  if (scope && new RegExp(`(^|[^\\w.])${escape(x.text)}\\s*\\.\\s*sort\\s*\\(`).test(scope.text)) return true;
  if (x.type !== 'identifier') return false;
  const resolution = context.names.resolve(x.text, x);
  return resolution.kind === 'bound' && resolution.bindings.some((b) => /\bsort|order/i.test(b.kind === 'assign' || b.kind === 'with' ? b.value.text : ''));
}

/** The group-key name when the groupby's results are stored by key (so a repeated key overwrites an earlier group). */
function storedByKey(call: SyntaxNode): string | undefined {
  const holder = call.parent;
  const left = holder?.childForFieldName('left');
  const k = (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') && left.namedChildCount === 2 ? left.namedChild(0) : null;
  if (!holder || holder.childForFieldName('right')?.id !== call.id || k?.type !== 'identifier') return undefined;
  if (holder.type === 'for_in_clause') {
    const comprehension = holder.parent;
    if (comprehension?.type !== 'dictionary_comprehension' || comprehension.namedChildren.filter((c) => c?.type === 'for_in_clause').length !== 1) return undefined;
    return comprehension.childForFieldName('body')?.childForFieldName('key')?.text === k.text ? k.text : undefined;
  }
  if (holder.type !== 'for_statement') return undefined;
  const body = holder.childForFieldName('body');
  const stores = body?.namedChildren.some((s) => {
    const assignment = s?.type === 'expression_statement' ? s.namedChild(0) : null;
    const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    return target?.type === 'subscript' && target.childForFieldName('subscript')?.text === k.text;
  });
  return stores ? k.text : undefined;
}

const REPEATABLE_KEY = new Set(['identifier', 'attribute', 'lambda']);

export const groupbyUnsorted: Rule = {
  code: 'PIN405',
  name: 'groupby-unsorted',
  family: 'generators',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  // visiblySorted() searches the enclosing function, or the whole module, for `x.sort(`.
  textDependencies: [/sort/],
  appliesTo: (file) => file.has(/\bgroupby\b/),
  query: `
(call function: (identifier) @function (#eq? @function "groupby")) @call
(call function: (attribute attribute: (identifier) @attribute (#eq? @attribute "groupby")) @function) @call`,
  check(match, context) {
    const call = capture(match, 'call');
    const fn = capture(match, 'function');
    if (!call || !fn) return undefined;
    const keyName = storedByKey(call);
    if (!keyName || context.names.qualifiedName(fn) !== 'itertools.groupby') return undefined;
    const { iterable, key, ok } = positionalAndKey(call);
    if (!ok || !iterable || visiblySorted(iterable, context)) return undefined;

    const by = key ? `the same key` : 'value';
    const message =
      `\`groupby()\` only joins consecutive items with equal keys, and \`${iterable.text}\` is not visibly sorted: each run of a key becomes its own group, ` +
      `and storing the groups by \`${keyName}\` keeps only the last run of every key. Sort by ${by} first (\`sorted(${iterable.text}${key ? ', key=…' : ''})\`), unless the data is already sorted.`;
    const fixable = (!key || REPEATABLE_KEY.has(key.type)) && context.names.resolve('sorted', call).kind === 'builtin';
    const newText = `sorted(${iterable.text}${key ? `, key=${key.text}` : ''})`;
    const finding: Finding = {
      at: call,
      message,
      fix: fixable ? { title: `Sort the input: ${newText}`, safety: 'unsafe', edits: [{ start: iterable.startIndex, end: iterable.endIndex, newText }] } : undefined,
    };
    return finding;
  },
  docs: {
    summary: '`itertools.groupby` over unsorted data whose groups are stored by key, so earlier groups are overwritten.',
    what: 'Flags `itertools.groupby(x, key)` (also imported or aliased) when its groups are stored by the group key, in a dict comprehension `{k: ... for k, g in groupby(...)}` or with `d[k] = ...` in the body of `for k, g in groupby(...)`, and `x` is not visibly sorted: not a `sorted(...)` call, not a name bound to one (or to a value that mentions sorting or ordering, such as an ORDER BY query), not a name containing `sort`, and not sorted in place with `x.sort(...)` in the same function. Run-length encoding and other loops that use the consecutive runs on purpose are not flagged.',
    why: '`groupby` is a streaming iterator: it keeps only the current key and starts a new group whenever the key of the next item differs. It never looks back, so equal keys that are not adjacent produce separate groups with the same key. Collecting those groups into a dict by key then silently keeps only the last run of every key.',
    example: 'from itertools import groupby\n\nby_city = {city: list(people) for city, people in groupby(users, key=lambda u: u.city)}\n',
    useInstead: 'from itertools import groupby\n\nby_city = {city: list(people) for city, people in groupby(sorted(users, key=lambda u: u.city), key=lambda u: u.city)}\n',
    fixSafety: 'Unsafe: the fix wraps the input in `sorted(x, key=<the same key>)`. That changes the order of the groups and raises TypeError when the keys cannot be ordered (for example None mixed with strings), and it is wrong when the data was already sorted in an order the key does not express. The fix is offered only when the key is a name, an attribute or a lambda (so repeating it evaluates nothing extra) and `sorted` is the builtin.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'itertools.groupby (Python docs)', url: 'https://docs.python.org/3/library/itertools.html#itertools.groupby' },
      { title: 'Sorting techniques: key functions', url: 'https://docs.python.org/3/howto/sorting.html#key-functions' },
    ],
  },
};
