// Wrapping the rest of a block in try/finally: the statements after `statement` (up to an optional final statement
// that moves into the finally clause) are indented under `try:`, and `finally:` runs the given lines.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { hasJumps } from '../analysis/pairedCalls';
import type { RuleContext } from '../rules/rule';
import type { OffsetEdit } from '../types';
import { indentationAt, indentLines, indentUnit, lineBreak, lineStartOf } from './indent';

/** The offset of the end of the line containing `offset` (before its line break). */
function lineEndOf(text: string, offset: number): number {
  const found = /\r\n|\n|\r/g;
  found.lastIndex = offset;
  return found.exec(text)?.index ?? text.length;
}

function ownsLine(text: string, node: SyntaxNode): boolean {
  const after = node.nextSibling;
  return lineStartOf(text, node.startIndex) + indentationAt(text, node.startIndex).length === node.startIndex && !(after && after.type !== 'comment' && after.startPosition.row === node.endPosition.row);
}

/**
 * Edits putting the statements after `statement` in `try:` with `finally:` running `lines`. When `last` (the block's
 * final statement) is given it stays in place as the first line of the finally clause and `lines` that equal its text
 * are not repeated. `safe` is false when the wrapped statements can leave early.
 */
export function wrapRestInTryFinally(context: RuleContext, statement: SyntaxNode, lines: readonly string[], last?: SyntaxNode): { edits: OffsetEdit[]; safe: boolean } | undefined {
  const { text } = context;
  const root = context.file.tree.rootNode;
  if (statement.parent?.type !== 'block' || !ownsLine(text, statement)) return undefined;
  const body: SyntaxNode[] = [];
  for (let s = statement.nextNamedSibling; s && s.id !== last?.id; s = s.nextNamedSibling) if (s.type !== 'comment') body.push(s);
  const first = body[0];
  const end = body[body.length - 1];
  const indent = indentationAt(text, statement.startIndex);
  if (!first || !end || first.startPosition.row <= statement.endPosition.row || !ownsLine(text, first)) return undefined;
  if (last && (!ownsLine(text, last) || last.startPosition.row <= end.endPosition.row)) return undefined;
  const nl = lineBreak(text);
  const unit = indentUnit(text, root);
  const firstLine = lineStartOf(text, first.startIndex);
  const edits = indentLines(text, root, firstLine, last ? lineStartOf(text, last.startIndex) : end.endIndex, unit);
  if (edits[0]?.start !== firstLine) return undefined;
  edits[0] = { ...edits[0], newText: `${indent}try:${nl}${edits[0].newText}` };
  const inner = `${indent}${unit}`;
  if (last) {
    const rest = lines.filter((l) => l !== last.text.replace(/\s+/g, ''));
    edits.push({ start: lineStartOf(text, last.startIndex), end: lineStartOf(text, last.startIndex), newText: `${indent}finally:${nl}${unit}` });
    const at = lineEndOf(text, last.endIndex);
    edits.push({ start: at, end: at, newText: rest.map((l) => `${nl}${inner}${l}`).join('') });
  } else {
    const at = lineEndOf(text, end.endIndex);
    edits.push({ start: at, end: at, newText: `${nl}${indent}finally:${lines.map((l) => `${nl}${inner}${l}`).join('')}` });
  }
  return { edits, safe: !hasJumps(body) };
}
