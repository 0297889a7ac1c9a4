// PIN403: len(g), g[i] or g[a:b] where g is bound (once, in its scope) to a generator or another built-in iterator
// with no __len__ / __getitem__: a generator expression, a same-file generator function's call, map, filter, zip or
// enumerate. Each raises TypeError, every time.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { iteratorBinding } from '../analysis/iterators';
import { capture, type Finding, type Rule } from './rule';

const BUILTIN_ITERATORS = ['map', 'filter', 'zip', 'enumerate'];

/** CPython's TypeError text for this use of an object of type `typeName`. */
function errorText(use: SyntaxNode, typeName: string): string {
  if (use.type === 'call') return `object of type '${typeName}' has no len()`;
  const parent = use.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === use.id) return `'${typeName}' object does not support item assignment`;
  if (parent?.type === 'delete_statement') return `'${typeName}' object does not support item deletion`;
  return `'${typeName}' object is not subscriptable`;
}

export const generatorLenOrIndex: Rule = {
  code: 'PIN403',
  name: 'generator-len-or-index',
  family: 'generators',
  defaultSeverity: 'error',
  fixSafety: 'none',
  equivalentCodes: [],
  scope: 'statement',
  query: `
(call function: (identifier) @len (#eq? @len "len") arguments: (argument_list . (identifier) @target .)) @use
(subscript value: (identifier) @target) @use`,
  check(match, context) {
    const use = capture(match, 'use');
    const target = capture(match, 'target');
    const len = capture(match, 'len');
    if (!use || !target) return undefined;
    if (len && context.names.qualifiedName(len) !== 'builtins.len') return undefined;
    const bound = iteratorBinding(target, context.names, BUILTIN_ITERATORS);
    if (!bound) return undefined;
    const line = bound.assignment.startPosition.row + 1;
    const what = bound.typeName === 'generator' ? 'Generators' : `\`${bound.typeName}\` objects`;
    const operation = len ? `\`len(${target.text})\`` : use.childForFieldName('subscript')?.type === 'slice' ? 'Slicing' : 'Indexing';
    const finding: Finding = {
      at: use,
      message:
        `${operation} raises TypeError (${errorText(use, bound.typeName)}): \`${target.text}\` is bound to ${bound.origin} on line ${line}. ` +
        `${what} produce items one at a time and have no length and no indexing. Materialise it with \`list(…)\` first, or use \`itertools.islice\` to take a slice lazily.`,
    };
    return finding;
  },
  docs: {
    summary: '`len()`, indexing or slicing on a name bound to a generator, `map`, `filter`, `zip` or `enumerate` object.',
    what: 'Flags `len(g)`, `g[i]`, `g[a:b]` (and item assignment or deletion) when `g` is bound exactly once in its scope, by a plain assignment, to a generator expression, a call of a generator function defined in the same file (not decorated, since a decorator may return something else), or a call of the built-in `map`, `filter`, `zip` or `enumerate`. Names bound more than once, parameters and values from other modules are left alone.',
    why: 'A generator is an iterator: it computes the next item only when asked, through `__next__`, and keeps no record of earlier items nor any idea how many are left. Its type defines neither `__len__` nor `__getitem__`, so `len()` raises `TypeError: object of type \'generator\' has no len()` and `g[0]` raises `TypeError: \'generator\' object is not subscriptable`. The iterator types returned by `map`, `filter`, `zip` and `enumerate` behave the same way.',
    example: 'squares = (n * n for n in range(10))\nprint(len(squares))\nfirst_three = squares[:3]\n',
    useInstead: 'import itertools\n\nsquares = [n * n for n in range(10)]  # a list, if you need len() or indexing\nprint(len(squares))\n\nlazy = (n * n for n in range(10))\nfirst_three = list(itertools.islice(lazy, 3))\n',
    fixSafety: 'No fix is offered: whether to build a list (memory, eager evaluation) or to slice lazily with `itertools.islice` depends on the code.',
    versions: 'All Python 3 versions. (In Python 2, `map`, `filter` and `zip` returned lists.)',
    references: [
      { title: 'Generator expressions (Python reference)', url: 'https://docs.python.org/3/reference/expressions.html#generator-expressions' },
      { title: 'Iterator types (Python library)', url: 'https://docs.python.org/3/library/stdtypes.html#iterator-types' },
      { title: 'itertools.islice', url: 'https://docs.python.org/3/library/itertools.html#itertools.islice' },
    ],
  },
};
