// PIN402: a list comprehension handed straight to sum/min/max/any/all/sorted. The list exists only to be iterated
// once; a generator expression feeds the same items one at a time. For any()/all() the list also costs the early
// exit: every element is computed before the first one is tested. str.join is left out on purpose: it turns its
// argument into a sequence first, so a list comprehension is the faster spelling there.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { capture, type Finding, type Rule } from './rule';

const REDUCERS = ['sum', 'min', 'max', 'any', 'all', 'sorted'];

/** An `async for` clause or an `await` makes the generator expression an async generator, which these cannot iterate. */
function isAsyncComprehension(comprehension: SyntaxNode): boolean {
  if (comprehension.descendantsOfType('await').length > 0) return true;
  return comprehension.descendantsOfType('for_in_clause').some((c) => c?.children.some((t) => t?.type === 'async'));
}

export const comprehensionInReducer: Rule = {
  code: 'PIN402',
  name: 'comprehension-in-reducer',
  family: 'generators',
  defaultSeverity: 'hint',
  fixSafety: 'safe', // any()/all() and comprehensions that call things get an unsafe fix
  equivalentCodes: ['C419'],
  scope: 'statement',
  appliesTo: (file) => file.has(/\b(?:sum|min|max|any|all|sorted)\s*\(\s*\[/),
  query: `
(call
  function: (identifier) @function (#any-of? @function ${REDUCERS.map((r) => `"${r}"`).join(' ')})
  arguments: (argument_list . (list_comprehension) @comprehension)) @call`,
  check(match, context) {
    const call = capture(match, 'call');
    const fn = capture(match, 'function');
    const comprehension = capture(match, 'comprehension');
    const args = call?.childForFieldName('arguments');
    if (!call || !fn || !comprehension || !args) return undefined;
    const name = fn.text;
    if (context.names.qualifiedName(fn) !== `builtins.${name}`) return undefined;
    const others = args.namedChildren.filter((c) => c && c.type !== 'comment' && c.id !== comprehension.id);
    // min(a, b) and max(a, b) compare their arguments; any/all take exactly one; sorted takes one positional.
    const positional = others.filter((c) => c?.type !== 'keyword_argument');
    if (name !== 'sum' ? positional.length > 0 : positional.length > 1) return undefined;
    if ((name === 'any' || name === 'all') && others.length > 0) return undefined;
    if (isAsyncComprehension(comprehension)) return undefined;

    const shortCircuits = name === 'any' || name === 'all';
    const why = shortCircuits
      ? `\`${name}()\` stops at the first ${name === 'any' ? 'true' : 'false'} item, but the list comprehension computes every element before \`${name}()\` sees the first one`
      : name === 'sorted'
        ? '`sorted()` copies its argument into a new list anyway, so the comprehension\'s list is a second, temporary copy'
        : `\`${name}()\` reads its argument once, item by item, so the comprehension's list holds every element in memory only to be thrown away`;
    // A trailing comma or another argument needs the generator expression in parentheses of its own.
    const alone = others.length === 0 && comprehension.nextSibling?.type !== ',';
    const open = comprehension.child(0);
    const close = comprehension.child(comprehension.childCount - 1);
    if (open?.type !== '[' || close?.type !== ']') return undefined;
    const edits = [
      { start: open.startIndex, end: open.endIndex, newText: alone ? '' : '(' },
      { start: close.startIndex, end: close.endIndex, newText: alone ? '' : ')' },
    ];
    // Laziness interleaves element evaluation with the reduction; it only shows when evaluating an element can do
    // something (a call), and any()/all() may skip elements altogether.
    const safe = !shortCircuits && comprehension.descendantsOfType('call').length === 0;
    const finding: Finding = {
      at: comprehension,
      message: `List comprehension passed to \`${name}()\`: ${why}. Pass a generator expression instead${alone ? ' (drop the brackets)' : ''}.`,
      severity: shortCircuits ? 'information' : undefined,
      fix: { title: 'Use a generator expression', safety: safe ? 'safe' : 'unsafe', edits },
    };
    return finding;
  },
  docs: {
    summary: 'A list comprehension passed to `sum`, `min`, `max`, `any`, `all` or `sorted`, where a generator expression does.',
    what: 'Flags calls of the built-in `sum`, `min`, `max`, `any`, `all` and `sorted` (not shadowed by your own names) whose iterable argument is a list comprehension: `sum([x * x for x in xs])`, `any([p(x) for x in xs])`, `sorted([f(x) for x in xs], key=k)`. `min`/`max` with several positional arguments compare those arguments and are left alone, and so are async comprehensions and comprehensions with `await` (their generator expression would be an async generator, which these functions cannot iterate). `"".join([...])` is never flagged.',
    why: 'A list comprehension runs to the end and stores every element in a new list before the call receives it. These functions only iterate their argument once, so that list is pure overhead: memory for all elements at once, plus the list itself. `any()` and `all()` lose more: they return as soon as the answer is known, but with a list every element, including expensive calls, has already been computed. A generator expression hands items over one at a time, so `any(p(x) for x in xs)` stops calling `p` at the first true result. `sorted()` builds a new list from whatever it gets, so a list argument is copied once more. `str.join` is the exception: it converts a non-list argument into a sequence before joining, so a generator expression there only adds work.',
    example: 'has_admin = any([user.is_admin() for user in users])\ntotal = sum([len(line) for line in lines])\n',
    useInstead: 'has_admin = any(user.is_admin() for user in users)\ntotal = sum(len(line) for line in lines)\n',
    fixSafety: 'The fix removes the brackets (or turns them into parentheses when the call has other arguments or a trailing comma, where a bare generator expression is a syntax error). It is safe for `sum`, `min`, `max` and `sorted` when the comprehension contains no call: every element is still computed, in the same order. It is unsafe when the comprehension calls something, because evaluation now interleaves with the reduction (an exception from the reduction leaves later elements uncomputed), and always for `any`/`all`, whose early exit means later elements, and their side effects or exceptions, no longer happen.',
    versions: 'All Python 3 versions. Comprehensions got their own scope in Python 3; from 3.12 (PEP 709) list comprehensions are inlined, while generator expressions still run in a code object of their own; neither changes what this rule reports.',
    references: [
      { title: 'Generator expressions (Python reference)', url: 'https://docs.python.org/3/reference/expressions.html#generator-expressions' },
      { title: 'Built-in functions: any, all, sum, min, max, sorted', url: 'https://docs.python.org/3/library/functions.html#any' },
      { title: 'Generator expressions and list comprehensions (Functional Programming HOWTO)', url: 'https://docs.python.org/3/howto/functional.html#generator-expressions-and-list-comprehensions' },
    ],
  },
};
