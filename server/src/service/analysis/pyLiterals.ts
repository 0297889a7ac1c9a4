// Python literal values and their repr, exactly as CPython computes them, for the kinds the constant folder handles.
// Anything this module cannot reproduce exactly (complex numbers, `\N{…}` escapes, non-ASCII reprs) is `undefined`,
// so callers make no claim rather than a wrong one.
import type { SyntaxNode } from '../../parsing/treeSitter';

export type PyValue =
  | { readonly type: 'int'; readonly value: bigint }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'str'; readonly value: string }
  | { readonly type: 'bytes'; readonly value: string };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '' };

/** The value of a literal's body after escape processing, or undefined for escapes we do not model. */
function unescape(body: string, bytes: boolean): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1] ?? '';
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCodePoint(parseInt(digits, 8));
      i += digits.length;
    } else if (next === 'x' || (!bytes && (next === 'u' || next === 'U'))) {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + length);
      if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i += 1 + length;
    } else if (next === 'N' && !bytes) return undefined;
    else out += c; // unknown escapes keep their backslash
  }
  return out;
}

/** The value of a `string` node (not an f-string). */
function stringValue(node: SyntaxNode): PyValue | undefined {
  const text = node.text.replace(/\r\n?/g, '\n');
  const match = /^([a-zA-Z]*)('''|"""|'|")([\s\S]*)\2$/.exec(text);
  if (!match) return undefined;
  const prefix = match[1].toLowerCase();
  if (prefix.includes('f') || prefix.includes('t')) return undefined;
  const bytes = prefix.includes('b');
  const value = prefix.includes('r') ? match[3] : unescape(match[3], bytes);
  if (value === undefined) return undefined;
  return bytes ? { type: 'bytes', value } : { type: 'str', value };
}

/** The value of a literal node: int, float, str, bytes, True/False. Complex (`2j`) and None are not modelled. */
export function literalValue(node: SyntaxNode): PyValue | undefined {
  switch (node.type) {
    case 'integer': {
      const text = node.text.replace(/_/g, '');
      if (/[jJ]$/.test(text) || /[lL]$/.test(text)) return undefined;
      return { type: 'int', value: BigInt(/^0+\d/.test(text) ? text.replace(/^0+/, '') : text) };
    }
    case 'float': {
      const text = node.text.replace(/_/g, '');
      return /[jJ]$/.test(text) ? undefined : { type: 'float', value: Number(text) };
    }
    case 'true':
    case 'false':
      return { type: 'bool', value: node.type === 'true' };
    case 'string':
      return stringValue(node);
    case 'concatenated_string': {
      const parts = node.namedChildren.map((part) => (part ? stringValue(part) : undefined));
      if (parts.some((p) => !p || p.type !== parts[0]!.type)) return undefined;
      return { type: parts[0]!.type as 'str' | 'bytes', value: parts.map((p) => p!.value as string).join('') };
    }
    default:
      return undefined;
  }
}

/** float.__repr__: the shortest round-tripping digits, fixed notation for exponents -4…15, else `1e+16` style. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const exponent = Number(exp);
  const digits = mantissa.replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${body}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction || '0'}`;
}

/** str/bytes repr for ASCII contents (CPython's quote choice and escapes); undefined for non-ASCII str. */
function quotedRepr(value: string, bytes: boolean): string | undefined {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (c === '\\' || c === quote) out += `\\${c}`;
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f || (bytes && code > 0x7f)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code > 0x7f) return undefined; // printability needs the Unicode database
    else out += c;
  }
  return `${bytes ? 'b' : ''}${quote}${out}${quote}`;
}

export function pyRepr(value: PyValue): string | undefined {
  switch (value.type) {
    case 'int':
      return value.value.toString();
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'float':
      return floatRepr(value.value);
    case 'str':
      return quotedRepr(value.value, false);
    case 'bytes':
      return quotedRepr(value.value, true);
  }
}
