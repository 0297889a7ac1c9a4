// Small text operations for fixes that build new code out of existing code.
import type { OffsetEdit } from '../types';

/** The offset just past the line break that ends the line holding `offset` (or the end of the text). */
export function lineEndAfter(text: string, offset: number): number {
  const match = /\r\n|\n|\r/g;
  match.lastIndex = offset;
  const found = match.exec(text);
  return found ? found.index + found[0].length : text.length;
}

/** `text.slice(start, end)` with `edits` (offsets into `text`, all inside the slice, non-overlapping) applied. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[], start: number, end: number): string {
  let result = text.slice(start, end);
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start - start) + edit.newText + result.slice(edit.end - start);
  }
  return result;
}
