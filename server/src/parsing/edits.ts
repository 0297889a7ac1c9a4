// LSP content changes → tree-sitter edits. tree-sitter counts rows by '\n' only and columns in UTF-16 units (the JS
// binding feeds it UTF-16), so points are computed from string offsets here rather than taken from LSP positions,
// which also treat a lone '\r' as a line break.
import type { Point } from 'web-tree-sitter';

/** Start offsets of every '\n'-separated row of `text`. */
export function rowStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The row of `offset` given ascending row starts (the first at most `offset`): the index of the last start at or before it. */
export function rowAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The tree-sitter point of a UTF-16 offset, given the row starts of the same text. */
export function pointAt(starts: readonly number[], offset: number): Point {
  const row = rowAt(starts, offset);
  return { row, column: offset - starts[row] };
}

/** The point reached after writing `inserted` starting at `start`. */
export function pointAfter(start: Point, inserted: string): Point {
  const lastNewline = inserted.lastIndexOf('\n');
  if (lastNewline === -1) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i !== -1; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: start.row + rows, column: inserted.length - lastNewline - 1 };
}

export interface TextEditSpan {
  readonly startIndex: number;
  readonly oldEndIndex: number;
  readonly newText: string;
}

/** The tree-sitter edit for replacing [startIndex, oldEndIndex) of `oldText` (with row starts `starts`). */
export function toTreeEdit(starts: readonly number[], span: TextEditSpan) {
  return treeEditWith((offset) => pointAt(starts, offset), span);
}

/** The tree-sitter edit for replacing [startIndex, oldEndIndex) of a text whose tree-sitter points `pointOf` gives. */
export function treeEditWith(pointOf: (offset: number) => Point, span: TextEditSpan) {
  const startPosition = pointOf(span.startIndex);
  return {
    startIndex: span.startIndex,
    oldEndIndex: span.oldEndIndex,
    newEndIndex: span.startIndex + span.newText.length,
    startPosition,
    oldEndPosition: pointOf(span.oldEndIndex),
    newEndPosition: pointAfter(startPosition, span.newText),
  };
}
