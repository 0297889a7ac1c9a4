// Indentation helpers for fixes that wrap or move code. Lines that start inside a string literal are never touched:
// re-indenting them would change the string's value.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { OffsetEdit } from '../types';

const BODY_FIELDS = ['body', 'consequence'];

/**
 * The file's indentation step: how far the body of its first top-level compound statement is indented, else four
 * spaces. Read from the tree, not from the first indented line, which may sit inside a docstring.
 */
export function indentUnit(text: string, root: SyntaxNode): string {
  return indentSource(text, root)?.indent ?? DEFAULT_INDENT;
}

export const DEFAULT_INDENT = '    ';

/** indentUnit's answer when a statement gives one, and that top-level statement (the rule engine watches it). */
export function indentSource(text: string, root: SyntaxNode): { readonly indent: string; readonly statement: SyntaxNode } | undefined {
  // Child by child: the answer is usually in the first statements, and the rule engine asks again after early edits.
  for (let i = 0; i < root.namedChildCount; i++) {
    const statement = root.namedChild(i);
    const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    for (const field of BODY_FIELDS) {
      const block = definition?.childForFieldName(field);
      const first = block?.type === 'block' ? block.namedChild(0) : null;
      if (!first || first.startPosition.row === definition!.startPosition.row) continue;
      const indent = indentationAt(text, first.startIndex);
      if (indent.length > 0) return { indent: indent.startsWith('\t') ? '\t' : indent, statement: statement! };
    }
  }
  return undefined;
}

/** The line break the file uses (the first one found), for text a fix inserts. */
export function lineBreak(text: string): string {
  return firstLineBreak(text)?.[0] ?? '\n';
}

/** The first line break of the text and where it is. */
export function firstLineBreak(text: string): RegExpExecArray | null {
  return /\r\n|\n|\r/.exec(text);
}

/** The offset of the start of the line containing `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** The leading whitespace of the line containing `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function startsInsideString(root: SyntaxNode, lineStart: number): boolean {
  for (let n: SyntaxNode | null = root.descendantForIndex(lineStart); n; n = n.parent) {
    if ((n.type === 'string' || n.type === 'concatenated_string') && n.startIndex < lineStart) return true;
    if (n.type === 'block' || n.type === 'module') return false;
  }
  return false;
}

/** Insertions of `prefix` at the start of every code line in [start, end), skipping blank lines and string interiors. */
export function indentLines(text: string, root: SyntaxNode, start: number, end: number, prefix: string): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (let lineStart = lineStartOf(text, start); lineStart < end; ) {
    const breakMatch = /\r\n|\n|\r/g;
    breakMatch.lastIndex = lineStart;
    const found = breakMatch.exec(text);
    const lineEnd = found ? found.index : text.length;
    const blank = text.slice(lineStart, lineEnd).trim() === '';
    if (!blank && !startsInsideString(root, lineStart)) edits.push({ start: lineStart, end: lineStart, newText: prefix });
    if (!found) break;
    lineStart = found.index + found[0].length;
  }
  return edits;
}

/** Removal of `amount` characters of indentation from every code line in [start, end) that has it. */
export function dedentLines(text: string, root: SyntaxNode, start: number, end: number, amount: number): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (const insertion of indentLines(text, root, start, end, '')) {
    const indent = /^[ \t]*/.exec(text.slice(insertion.start))![0];
    if (indent.length >= amount) edits.push({ start: insertion.start, end: insertion.start + amount, newText: '' });
  }
  return edits;
}
