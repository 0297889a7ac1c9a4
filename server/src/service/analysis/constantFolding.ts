// CPython 3.11's AST constant folding (Python/ast_opt.c) for expressions of int, float, str, bytes and bool literals:
// the value the compiler stores, or why it leaves the expression to run time. The size guards are ast_opt.c's
// MAX_INT_SIZE (128 bits) and MAX_STR_SIZE (4096); tests check both edges against `dis` on the local python3.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { literalValue, type PyValue } from './pyLiterals';

const MAX_INT_BITS = 128n;
const MAX_STR_SIZE = 4096n;

export type Folding =
  | { readonly kind: 'folded'; readonly value: PyValue }
  /** CPython leaves it to run time: a size guard refused it, or evaluating it raises. */
  | { readonly kind: 'not-folded'; readonly reason: 'too-large' | 'raises' | 'not-folded-op' }
  /** Not a constant expression, or one whose exact result we do not reproduce (complex, float `**`, …). */
  | { readonly kind: 'unknown' };

const folded = (value: PyValue): Folding => ({ kind: 'folded', value });
const tooLarge: Folding = { kind: 'not-folded', reason: 'too-large' };
const raises: Folding = { kind: 'not-folded', reason: 'raises' };
const unknown: Folding = { kind: 'unknown' };

type Num = bigint | number;
const asInt = (v: PyValue): bigint | undefined => (v.type === 'int' ? v.value : v.type === 'bool' ? (v.value ? 1n : 0n) : undefined);
const bits = (n: bigint): bigint => BigInt((n < 0n ? -n : n).toString(2).length) - (n === 0n ? 1n : 0n);
const int = (value: bigint): Folding => folded({ type: 'int', value });

function float(value: number): Folding {
  return folded({ type: 'float', value });
}

/** Both operands as ints, or both as floats (int → float conversion overflows like PyLong_AsDouble). */
function numbers(a: PyValue, b: PyValue): [Num, Num] | 'overflow' | undefined {
  const [x, y] = [asInt(a), asInt(b)];
  if (x !== undefined && y !== undefined) return [x, y];
  const toFloat = (v: PyValue, i: bigint | undefined): number | undefined => (v.type === 'float' ? v.value : i !== undefined ? Number(i) : undefined);
  const [fx, fy] = [toFloat(a, x), toFloat(b, y)];
  if (fx === undefined || fy === undefined) return undefined;
  if ((x !== undefined && !Number.isFinite(fx)) || (y !== undefined && !Number.isFinite(fy))) return 'overflow';
  return [fx, fy];
}

/** float_divmod from Objects/floatobject.c. */
function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else mod = Math.sign(wx) < 0 || Object.is(wx, -0) ? -0 : 0;
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  return [floordiv, mod];
}

function repeat(count: PyValue, sequence: PyValue): Folding {
  const n = asInt(count)!;
  const size = BigInt([...(sequence.value as string)].length);
  if (size > 0n && (n < 0n || n > MAX_STR_SIZE / size)) return tooLarge; // safe_multiply
  if (n >= 1n << 63n) return raises;
  return folded({ type: sequence.type as 'str' | 'bytes', value: n > 0n ? (sequence.value as string).repeat(Number(n)) : '' });
}

export function binaryFold(op: string, a: PyValue, b: PyValue): Folding {
  const isText = (v: PyValue): boolean => v.type === 'str' || v.type === 'bytes';
  if (op === '+' && isText(a) && a.type === b.type) return folded({ type: a.type as 'str' | 'bytes', value: (a.value as string) + (b.value as string) });
  if (op === '*' && isText(b) && asInt(a) !== undefined) return repeat(a, b);
  if (op === '*' && isText(a) && asInt(b) !== undefined) return repeat(b, a);
  if (op === '%' && isText(a)) return { kind: 'not-folded', reason: 'not-folded-op' }; // safe_mod: no %-formatting
  if (op === '@') return { kind: 'not-folded', reason: 'not-folded-op' };
  if (isText(a) || isText(b)) return raises;
  const pair = numbers(a, b);
  if (pair === 'overflow') return raises;
  if (!pair) return unknown;
  const [x, y] = pair;
  if (typeof x === 'bigint' && typeof y === 'bigint') return intFold(op, x, y, a.type === 'bool' && b.type === 'bool');
  const [fx, fy] = [x as number, y as number];
  switch (op) {
    case '+': return float(fx + fy);
    case '-': return float(fx - fy);
    case '*': return float(fx * fy);
    case '/': return fy === 0 ? raises : float(fx / fy);
    case '//': return fy === 0 ? raises : float(floatDivmod(fx, fy)[0]);
    case '%': return fy === 0 ? raises : float(floatDivmod(fx, fy)[1]);
    case '**': return unknown; // libm pow: not reproduced bit for bit here
    default: return raises; // bit operations on floats
  }
}

function intFold(op: string, x: bigint, y: bigint, bothBool: boolean): Folding {
  switch (op) {
    case '+': return int(x + y);
    case '-': return int(x - y);
    case '*': return x && y && bits(x) + bits(y) > MAX_INT_BITS ? tooLarge : int(x * y);
    case '/': {
      if (y === 0n) return raises;
      const limit = 1n << 53n;
      return x < limit && x > -limit && y < limit && y > -limit ? float(Number(x) / Number(y)) : unknown;
    }
    case '//':
    case '%': {
      if (y === 0n) return raises;
      let q = x / y;
      let r = x % y;
      if (r !== 0n && r < 0n !== y < 0n) {
        q -= 1n;
        r += y;
      }
      return int(op === '//' ? q : r);
    }
    case '**':
      if (y < 0n) return unknown; // a float result
      if (x && y > 0n && (y >= 1n << 64n || bits(x) > MAX_INT_BITS / y)) return tooLarge;
      return int(x ** y);
    case '<<':
      if (y < 0n) return raises;
      if (x && y && (y > MAX_INT_BITS || bits(x) > MAX_INT_BITS - y)) return tooLarge;
      return int(x << y);
    case '>>':
      return y < 0n ? raises : int(x >> y);
    case '&':
    case '|':
    case '^': {
      const value = op === '&' ? x & y : op === '|' ? x | y : x ^ y;
      return bothBool ? folded({ type: 'bool', value: value !== 0n }) : int(value);
    }
    default:
      return unknown;
  }
}

function truthy(v: PyValue): boolean {
  return v.type === 'bool' ? v.value : v.type === 'int' ? v.value !== 0n : v.type === 'float' ? v.value !== 0 : v.value.length > 0;
}

export function unaryFold(op: string, v: PyValue): Folding {
  if (op === 'not') return folded({ type: 'bool', value: !truthy(v) });
  const i = asInt(v);
  if (i !== undefined) return int(op === '-' ? -i : op === '~' ? -i - 1n : i);
  if (v.type === 'float' && op !== '~') return float(op === '-' ? -v.value : v.value);
  return raises;
}

/**
 * tree-sitter-python ranks `^` above `&` (Python: `&` binds tighter), so an unparenthesized mix of the two is grouped
 * differently from CPython's parse: make no claim about it.
 */
function misgrouped(op: string, operand: SyntaxNode | null): boolean {
  if ((op !== '&' && op !== '^') || operand?.type !== 'binary_operator') return false;
  const inner = operand.childForFieldName('operator')?.type;
  return (op === '&' && inner === '^') || (op === '^' && inner === '&');
}

/** How CPython 3.11 folds `node`, an expression of literals, parentheses and operators. `memo` (by node id) lets a
 * caller fold every enclosing level of a long chain without re-reading the tree. Post-order with an explicit stack:
 * `-(-(-(…)))` or `1+1+…+1` can nest deeper than the JavaScript stack. */
export function foldConstant(node: SyntaxNode, memo: Map<number, Folding> = new Map()): Folding {
  const operandsOf = new Map<number, SyntaxNode[]>();
  const stack: SyntaxNode[] = [node];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (memo.has(top.id)) {
      stack.pop();
      continue;
    }
    let parts = operandsOf.get(top.id);
    if (!parts) {
      parts = operands(top);
      operandsOf.set(top.id, parts);
      const pending = parts.filter((part) => !memo.has(part.id));
      if (pending.length > 0) {
        stack.push(...pending.reverse());
        continue;
      }
    }
    stack.pop();
    memo.set(top.id, foldNode(top, parts, memo));
  }
  return memo.get(node.id) ?? unknown;
}

/** The sub-expressions `node`'s folding depends on. */
function operands(node: SyntaxNode): SyntaxNode[] {
  switch (node.type) {
    case 'parenthesized_expression': {
      const inner = node.namedChildren;
      return inner.length === 1 && inner[0] ? [inner[0]] : [];
    }
    case 'unary_operator':
    case 'not_operator': {
      const argument = node.childForFieldName('argument');
      return argument ? [argument] : [];
    }
    case 'binary_operator':
      return [node.childForFieldName('left'), node.childForFieldName('right')].filter((n): n is SyntaxNode => !!n);
    default:
      return [];
  }
}

/** Folds `node` from the already folded `parts` (its operands, in memo). */
function foldNode(node: SyntaxNode, parts: readonly SyntaxNode[], memo: Map<number, Folding>): Folding {
  const folding = (part: SyntaxNode | null | undefined): Folding => (part ? (memo.get(part.id) ?? unknown) : unknown);
  switch (node.type) {
    case 'parenthesized_expression':
      return folding(parts[0]);
    case 'unary_operator':
    case 'not_operator': {
      const operand = folding(parts[0]);
      if (operand.kind !== 'folded') return operand;
      return unaryFold(node.type === 'not_operator' ? 'not' : (node.child(0)?.type ?? ''), operand.value);
    }
    case 'binary_operator': {
      const [left, right] = [node.childForFieldName('left'), node.childForFieldName('right')];
      const op = node.childForFieldName('operator')?.type ?? '';
      if (misgrouped(op, left) || misgrouped(op, right)) return unknown;
      const a = folding(left);
      const b = folding(right);
      if (a.kind === 'unknown' || b.kind === 'unknown') return unknown;
      if (a.kind !== 'folded' || b.kind !== 'folded') return { kind: 'not-folded', reason: a.kind === 'not-folded' ? a.reason : (b as { reason: 'too-large' }).reason };
      return binaryFold(op, a.value, b.value);
    }
    default: {
      const value = literalValue(node);
      return value ? folded(value) : unknown;
    }
  }
}
