// Expressions: identity with cached values, constant folding, comprehension vs generator expression.
import type { SyntaxNode } from '../../../parsing/treeSitter';
import { foldConstant, type Folding } from '../../analysis/constantFolding';
import { literalValue, pyRepr, type PyValue } from '../../analysis/pyLiterals';
import type { FactProvider } from './fact';

const LITERALS = new Set(['integer', 'float', 'string', 'concatenated_string', 'true', 'false']);
const OPERATIONS = new Set(['binary_operator', 'unary_operator', 'not_operator']);
const CONSTANT_PARTS = new Set([...LITERALS, ...OPERATIONS, 'parenthesized_expression']);

/** The comparison whose `is`/`is not` operator, or literal operand, is under the cursor. */
function hoveredComparison(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'identifier') return undefined;
  let n: SyntaxNode | null = node;
  for (let depth = 0; n && depth < 4; depth++, n = n.parent) if (n.type === 'comparison_operator') return n;
  return undefined;
}

/** An int in CPython's small-int cache, or an identifier-like str literal (interned), as written in the source. */
function cachedLiteral(operand: SyntaxNode): { kind: 'int' | 'str'; text: string } | undefined {
  let value: PyValue | undefined;
  if (operand.type === 'unary_operator' && ['-', '+'].includes(operand.child(0)?.type ?? '') && operand.childForFieldName('argument')?.type === 'integer') {
    const magnitude = literalValue(operand.childForFieldName('argument')!);
    if (magnitude?.type === 'int') value = { type: 'int', value: operand.child(0)!.type === '-' ? -magnitude.value : magnitude.value };
  } else if (operand.type === 'integer' || operand.type === 'string') value = literalValue(operand);
  if (value?.type === 'int' && value.value >= -5n && value.value <= 256n) return { kind: 'int', text: operand.text };
  if (value?.type === 'str' && /^[A-Za-z0-9_]*$/.test(value.value)) return { kind: 'str', text: operand.text };
  return undefined;
}

const WARNING = 'CPython 3.8+ also warns at compile time: `SyntaxWarning: "is" with a literal`.';

const identityFact: FactProvider = (context) => {
  const comparison = hoveredComparison(context.node);
  if (!comparison) return undefined;
  const children = comparison.children.filter((c): c is SyntaxNode => !!c);
  const lines = new Set<string>();
  children.forEach((child, i) => {
    if (child.type !== 'is' && child.type !== 'is not') return;
    for (const operand of [children[i - 1], children[i + 1]]) {
      const literal = operand && cachedLiteral(operand);
      if (!literal) continue;
      const op = child.type === 'is' ? 'is' : 'is not';
      lines.add(
        literal.kind === 'int'
          ? `\`${op} ${literal.text}\` compares identity. It may *seem* to work because CPython creates the ints -5…256 once and reuses them, but that is an implementation detail: just outside the range a value computed at run time is a new object (\`int('257') is 257\` is False), and an equal value of another type (\`${literal.text}.0\`) never is. Compare with \`==\`. ${WARNING}`
          : `\`${op} ${literal.text}\` compares identity. It may *seem* to work because CPython interns identifier-like string constants (equal literals share one object), but a string built at run time — \`''.join(…)\`, \`input()\`, data read from a file — is a different object with the same value. Compare with \`==\`. ${WARNING}`,
      );
    }
  });
  return lines.size ? [...lines] : undefined;
};

/** The largest expression of literals and operators around the cursor (at least one operator). */
function constantExpression(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = node;
  // From a token (`*`, a digit string, a quote) up to the literal or operation it belongs to.
  while (n && !CONSTANT_PARTS.has(n.type) && n.parent && (n.parent.type === 'string' || OPERATIONS.has(n.parent.type) || n.parent.type === 'parenthesized_expression' || n.parent.type === 'concatenated_string')) n = n.parent;
  if (!n || !CONSTANT_PARTS.has(n.type)) return undefined;
  let best: SyntaxNode | undefined;
  const memo = new Map<number, Folding>();
  for (let m: SyntaxNode | null = n; m && CONSTANT_PARTS.has(m.type); m = m.parent) {
    if (!OPERATIONS.has(m.type)) continue;
    if (foldConstant(m, memo).kind === 'unknown') break;
    best = m;
  }
  return best;
}

function shown(value: PyValue): string | undefined {
  const repr = pyRepr(value);
  if (repr === undefined) return undefined;
  if (repr.length <= 60) return `\`${repr}\``;
  if (value.type === 'str' || value.type === 'bytes') return `a ${[...value.value].length}-${value.type === 'str' ? 'character string' : 'byte bytes object'}`;
  return `a ${repr.length}-digit int`;
}

const foldingFact: FactProvider = (context) => {
  const expression = constantExpression(context.node);
  if (!expression) return undefined;
  const folding = foldConstant(expression);
  if (folding.kind === 'folded') {
    const value = shown(folding.value);
    return value ? [`Folded at compile time: the bytecode loads the constant ${value} instead of computing \`${expression.text.replace(/\s+/g, ' ')}\`.`] : undefined;
  }
  if (folding.kind === 'not-folded' && folding.reason === 'too-large') {
    return ['Not folded: CPython’s compiler skips constant results over its size limits (ints over 128 bits, strings over 4096 characters), so this is computed each time the line runs.'];
  }
  if (folding.kind === 'not-folded' && folding.reason === 'raises') return ['Not folded: evaluating it raises an exception, so the compiler leaves it to run time (where it raises).'];
  return undefined;
};

const COMPREHENSIONS: Readonly<Record<string, string>> = { list_comprehension: 'list', set_comprehension: 'set', dictionary_comprehension: 'dict' };

/** The comprehension whose brackets, `for`, `async`, `in` or `if` keyword is under the cursor. */
function hoveredComprehension(node: SyntaxNode): SyntaxNode | undefined {
  if (node.isNamed) return undefined;
  let parent = node.parent;
  if (parent && (parent.type === 'for_in_clause' || parent.type === 'if_clause')) parent = parent.parent;
  return parent && (parent.type in COMPREHENSIONS || parent.type === 'generator_expression') ? parent : undefined;
}

const comprehensionFact: FactProvider = (context) => {
  const comprehension = hoveredComprehension(context.node);
  if (!comprehension) return undefined;
  const { major, minor } = context.settings.targetVersion;
  const target = `${major}.${minor}`;
  const inlined = major > 3 || (major === 3 && minor >= 12);
  const kind = COMPREHENSIONS[comprehension.type];
  if (!kind) {
    return [
      'A generator expression produces one item at a time, on demand: memory stays flat however many items there are, but it can be consumed only once — a second loop over it gets nothing.',
      `It always compiles to its own code object (\`<genexpr>\`) and frame, which each item resumes${inlined ? ` — also on Python ${target}, where list, set and dict comprehensions are inlined (PEP 709)` : ''}.`,
    ];
  }
  const short = kind === 'dict' ? 'dictcomp' : `${kind}comp`;
  return [
    `A ${kind} comprehension builds the whole ${kind} in memory at once, every item before the next statement runs; a generator expression \`(… for …)\` would produce the items one at a time, if they are only needed once.`,
    inlined
      ? `On Python ${target} it is inlined into the enclosing code (PEP 709, 3.12+): no hidden function or frame, though its loop variable still does not leak. Up to 3.11 it ran as a nested \`<${short}>\` function.`
      : `On Python ${target} it runs as a hidden nested function \`<${short}>\` with its own frame; since 3.12 (PEP 709) list, set and dict comprehensions are inlined into the enclosing code.`,
  ];
};

export const expressionFacts: readonly FactProvider[] = [identityFact, foldingFact, comprehensionFact];
