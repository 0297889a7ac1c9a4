// PIN501: `is` / `is not` against a literal. Mirrors CPython's own compile-time SyntaxWarning (3.8+): an operand
// that is a constant after folding, other than None/True/False/Ellipsis. Arithmetic (`x is 1 + 2`) is left out on
// purpose: which versions fold it before the check differs, and precision comes first.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { capture, type Finding, type Rule } from './rule';

const SINGLETONS = new Set(['none', 'true', 'false', 'ellipsis']);

/** Nesting past this (parentheses, signs, tuples) is not called a literal: CPython's tokenizer stops at 200 brackets. */
const MAX_NESTING = 100;

/** The literal kind CPython would see after folding, or undefined when the operand is not a constant. */
export function literalKind(node: SyntaxNode, allowSingleton = false, depth = 0): string | undefined {
  if (depth > MAX_NESTING) return undefined;
  switch (node.type) {
    case 'integer':
      return /[jJ]$/.test(node.text) ? 'complex' : 'int';
    case 'float':
      return /[jJ]$/.test(node.text) ? 'complex' : 'float';
    case 'string':
      return stringKind(node);
    case 'concatenated_string': {
      const kinds = node.namedChildren.map((part) => (part ? stringKind(part) : undefined));
      return kinds.every((k) => k === kinds[0]) ? kinds[0] : undefined;
    }
    case 'unary_operator': {
      const operator = node.childForFieldName('operator')?.text;
      const argument = node.childForFieldName('argument');
      const kind = argument ? literalKind(argument, false, depth + 1) : undefined;
      if (operator === '~') return kind === 'int' ? kind : undefined;
      return kind === 'int' || kind === 'float' || kind === 'complex' ? kind : undefined;
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.filter((c) => c?.type !== 'comment');
      return inner.length === 1 && inner[0] ? literalKind(inner[0], allowSingleton, depth + 1) : undefined;
    }
    case 'tuple':
      return node.namedChildren.every((c) => c?.type === 'comment' || (c && literalKind(c, true, depth + 1))) ? 'tuple' : undefined;
    default:
      return allowSingleton && SINGLETONS.has(node.type) ? node.type : undefined;
  }
}

/** str or bytes for plain literals; f-strings and t-strings are built at run time, so they are not constants. */
function stringKind(node: SyntaxNode): string | undefined {
  const prefix = (node.firstChild?.text ?? '').replace(/['"]+$/, '').toLowerCase();
  if (prefix.includes('f') || prefix.includes('t')) return undefined;
  return prefix.includes('b') ? 'bytes' : 'str';
}

export const isLiteral: Rule = {
  code: 'PIN501',
  name: 'is-literal',
  family: 'identity',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  equivalentCodes: ['F632'],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bis\b/),
  query: '(comparison_operator operators: ["is" "is not"]) @comparison',
  check(match) {
    const comparison = capture(match, 'comparison');
    if (!comparison) return undefined;
    const edits = [];
    const kinds: string[] = [];
    for (let i = 0; i < comparison.childCount; i++) {
      const operator = comparison.child(i);
      if (!operator || (operator.type !== 'is' && operator.type !== 'is not')) continue;
      const left = comparison.child(i - 1);
      const right = comparison.child(i + 1);
      const kind = (right && literalKind(right)) ?? (left && literalKind(left));
      if (!kind) continue;
      kinds.push(`"${operator.type}" with ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} literal`);
      edits.push({ start: operator.startIndex, end: operator.endIndex, newText: operator.type === 'is' ? '==' : '!=' });
    }
    if (edits.length === 0) return undefined;
    const finding: Finding = {
      at: comparison,
      message: `${kinds[0]}: \`is\` compares object identity, and whether equal values are the same object depends on CPython's caches. Use ${edits[0].newText} to compare values.`,
      fix: { title: `Replace with ${edits.map((e) => e.newText).join(' / ')}`, safety: 'safe', edits },
    };
    return finding;
  },
  docs: {
    summary: 'Identity comparison (`is` / `is not`) with a literal value.',
    what: 'Flags `is` and `is not` when either operand is an int, float, complex, str, bytes or tuple literal, including signed numbers such as `-5`. `None`, `True`, `False` and `...` are singletons and are fine to compare with `is`.',
    why: "`is` asks whether two references point to the same object, not whether the values are equal. CPython happens to reuse some objects: ints from -5 to 256 are preallocated, identifier-like strings are often interned, and equal constants in one code object are shared. So `x is 1` can seem to work in a test and then fail for a value computed at run time (`int('1000') is 1000` is False). CPython itself emits a SyntaxWarning for this at compile time since 3.8.",
    example: 'def is_done(status):\n    return status is "done"\n',
    useInstead: 'def is_done(status):\n    return status == "done"\n',
    fixSafety: 'Safe: the fix replaces `is` with `==` and `is not` with `!=`. For the built-in literal types, `==` is true whenever `is` was, so only comparisons that were wrongly False change.',
    versions: 'CPython warns (SyntaxWarning) from 3.8 on. PIN501 matches that warning for literals and signed literals; it does not evaluate arithmetic such as `x is 1 + 2`, which some versions fold into a constant before the check.',
    references: [
      { title: 'Identity comparisons (Python reference)', url: 'https://docs.python.org/3/reference/expressions.html#is-not' },
      { title: 'What’s New in Python 3.8: SyntaxWarning for is with a literal', url: 'https://docs.python.org/3/whatsnew/3.8.html#changes-in-python-behavior' },
    ],
  },
};
