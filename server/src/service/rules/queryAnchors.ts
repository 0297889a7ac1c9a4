// Text every match of a query must contain, read from its text predicates, and the top-level statements that contain
// it. tree-sitter evaluates `#eq?`, `#any-of?` and `#match?` in JavaScript, after a candidate match has been copied
// out of WASM: `(call function: (identifier) @f (#eq? @f "groupby"))` costs a round trip for every call of every
// file. When each pattern of a query has such a predicate on a literal, a match can only lie in a top-level statement
// whose text contains one of those literals, so the engine runs that query over those statements only.
import { unitIndexAt, type Unit } from '../analysis/units';

/** The patterns of a query source, in order: its top-level groups with their captures and quantifiers. */
export function splitPatterns(source: string): string[] {
  const patterns: string[] = [];
  let i = 0;
  let start = -1;
  let depth = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === ';') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      const from = i;
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
      i++;
      // A string at the top level is a pattern of its own (an anonymous node).
      if (depth === 0) patterns.push(source.slice(from, i));
      continue;
    }
    if (c === '(' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) {
        // Captures and quantifiers after the group belong to the pattern.
        let j = i + 1;
        for (;;) {
          const tail = /^\s*(?:@[\w.-]+|[*+?])/.exec(source.slice(j));
          if (!tail) break;
          j += tail[0].length;
        }
        patterns.push(source.slice(start, j));
        start = -1;
        i = j;
        continue;
      }
    }
    i++;
  }
  return patterns;
}

/** The node types a pattern's source can start with: `(type …`, `[(a …) (b …)]` or `"token"`. */
export function rootTypes(source: string): string[] | undefined {
  let i = 0;
  const skip = () => {
    for (;;) {
      while (i < source.length && /\s/.test(source[i])) i++;
      if (source[i] !== ';') return;
      while (i < source.length && source[i] !== '\n') i++;
    }
  };
  const one = (): string | undefined => {
    skip();
    if (source[i] === '"') return source.slice(i + 1, source.indexOf('"', i + 1));
    if (source[i] !== '(') return undefined;
    const name = /^\(\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(i))?.[1];
    return name === '_' ? undefined : name;
  };
  const skipGroup = () => {
    const open = source[i];
    const close = open === '(' ? ')' : open === '[' ? ']' : open;
    let depth = 0;
    for (; i < source.length; i++) {
      if (source[i] === '"') i = source.indexOf('"', i + 1);
      else if (source[i] === open) depth++;
      else if (source[i] === close && --depth === 0) {
        i++;
        return;
      }
    }
  };
  skip();
  if (source[i] !== '[') {
    const type = one();
    return type === undefined ? undefined : [type];
  }
  i++;
  const types: string[] = [];
  for (;;) {
    skip();
    if (i >= source.length || source[i] === ']') return types;
    const type = one();
    if (type === undefined) return undefined;
    types.push(type);
    skipGroup();
  }
}

/**
 * Whether every match of a pattern (strings already blanked) has the capture `name`: outside every alternation, or in
 * each branch of the alternations it appears in. A predicate on an absent capture holds vacuously.
 */
function alwaysCaptured(pattern: string, name: string): boolean {
  const has = (text: string) => new RegExp(`@${name.replace(/[.]/g, '\\.')}(?![\\w.-])`).test(text);
  let text = pattern;
  for (let inner = /\[[^[\]]*\]/.exec(text); inner; inner = /\[[^[\]]*\]/.exec(text)) {
    // Each branch runs from one top-level "(" to the next, with the captures after its ")".
    const body = inner[0];
    const starts: number[] = [];
    let depth = 0;
    for (let i = 1; i < body.length - 1; i++) {
      if (body[i] === '(' && depth++ === 0) starts.push(i);
      else if (body[i] === ')') depth--;
    }
    const branches = starts.map((start, k) => body.slice(start, starts[k + 1] ?? body.length - 1));
    const kept = branches.length > 0 && branches.every(has) ? ` @${name} ` : ' ';
    text = text.slice(0, inner.index) + kept + text.slice(inner.index + body.length);
  }
  return has(text);
}

/** The literal texts a pattern's predicates demand of one of its captures (undefined when none does). */
function patternAnchor(pattern: string): string[] | undefined {
  // A quantified capture may match no node at all, and a predicate on it then holds vacuously.
  const unquoted = pattern.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const roots = rootTypes(pattern);
  if (/[)\]]\s*(?:@[\w.-]+\s*)*[*+?]/.test(unquoted) || !roots || roots.includes('module')) return undefined;
  const predicate = /\(\s*#(eq|any-of|match)\?\s+@([\w.-]+)((?:\s+"(?:[^"\\]|\\.)*")+)\s*\)/g;
  for (let m = predicate.exec(pattern); m; m = predicate.exec(pattern)) {
    if (!alwaysCaptured(unquoted.replace(/\(\s*#[^)]*\)/g, ''), m[2])) continue;
    const strings = [...m[3].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => JSON.parse(`"${s[1]}"`) as string);
    if (m[1] === 'eq' && strings.length === 1) return [escape(strings[0])];
    if (m[1] === 'any-of' && strings.length > 0) return strings.map(escape);
    if (m[1] === 'match' && strings.length === 1) {
      const unanchored = strings[0].replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
      // Only a regex that means the same inside a longer text: no anchors or look-arounds left.
      const outsideClasses = unanchored.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
      if (!/[$^]|\(\?[=!<]/.test(outsideClasses) && !/\\[bB]/.test(unanchored)) return [`(?:${unanchored})`];
    }
  }
  return undefined;
}

/**
 * A literal as a regex. A node whose text starts with a letter, digit or underscore cannot follow a letter or an
 * underscore (the lexer would have made one word of them), nor end before a letter, digit or underscore, so a word
 * literal need not be looked for inside longer words: `sum` is not searched in `checksum` or `summary`.
 */
function escape(literal: string): string {
  const body = literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `${/^\w/.test(literal) ? '(?<![A-Za-z_])' : ''}${body}${/\w$/.test(literal) ? '(?![A-Za-z0-9_])' : ''}`;
}

/** A regex that finds, in a file, every place a match of the query can be (undefined when some pattern has no anchor). */
export function queryAnchors(source: string): RegExp | undefined {
  const parts: string[] = [];
  for (const pattern of splitPatterns(source)) {
    const anchor = patternAnchor(pattern);
    if (!anchor) return undefined;
    parts.push(...anchor);
  }
  return parts.length > 0 ? new RegExp([...new Set(parts)].join('|'), 'g') : undefined;
}

/** The spans of the top-level statements whose text has a match of `anchors`, adjacent ones joined. */
export function anchoredSpans(anchors: RegExp, text: string, top: readonly Unit[]): Array<{ readonly start: number; readonly end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let lastIndex = -1;
  const scan = new RegExp(anchors.source, 'g');
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    const i = unitIndexAt(top, m.index);
    if (i < 0) {
      scan.lastIndex = m.index + 1;
      continue;
    }
    if (lastIndex === i - 1 && spans.length > 0) spans[spans.length - 1].end = top[i].end;
    else spans.push({ start: top[i].start, end: top[i].end });
    lastIndex = i;
    // One hit per statement is enough: go on from its end.
    scan.lastIndex = top[i].end;
  }
  return spans;
}
