// `# noqa` comments: blanket, or with codes. Codes of other linters that a rule declares as equivalent count too.
import type { SyntaxNode } from '../parsing/treeSitter';

const NOQA = /#\s*noqa(?::\s*([A-Za-z]+[0-9]+(?:\s*,?\s*[A-Za-z]+[0-9]+)*))?/i;

export interface NoqaDirective {
  /** Offset of the `#`. */
  readonly start: number;
  /** Offset just past the directive (after its last code). */
  readonly end: number;
  /** Upper-case codes; empty for a blanket `# noqa`. */
  readonly codes: readonly string[];
}

/** The noqa directive on the line containing `offset`, if that line has one in a real comment. */
export function noqaOnLine(text: string, root: SyntaxNode, offset: number): NoqaDirective | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const lineEnd = lineEndAt(text, offset);
  const line = text.slice(lineStart, lineEnd);
  const hash = line.indexOf('#');
  if (hash === -1) return undefined;
  for (let from = hash; from !== -1; from = line.indexOf('#', from + 1)) {
    const match = NOQA.exec(line.slice(from));
    if (!match || match.index !== 0) continue;
    // A '#' inside a string literal is not a comment.
    if (root.descendantForIndex(lineStart + from)?.type !== 'comment') continue;
    const codes = match[1] ? match[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()) : [];
    return { start: lineStart + from, end: lineStart + from + match[0].length, codes };
  }
  return undefined;
}

export function suppresses(directive: NoqaDirective | undefined, codes: readonly string[]): boolean {
  if (!directive) return false;
  return directive.codes.length === 0 || codes.some((code) => directive.codes.includes(code.toUpperCase()));
}

/** The offset of the line break ending the line at `offset` (LSP lines: \n, \r\n or a lone \r). */
export function lineEndAt(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  const cr = text.indexOf('\r', offset);
  if (lf === -1) return cr === -1 ? text.length : cr;
  return cr === -1 ? lf : Math.min(lf, cr);
}
