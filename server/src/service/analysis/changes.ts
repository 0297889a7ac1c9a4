// Edit spans between document snapshots: building one from the changes of a didChange event, and combining the steps
// between the snapshot an analysis last saw and the current one. Pure offset arithmetic, no tree access.
import type { DocumentChange } from '../types';

/** `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one; everything else is unchanged. */
export interface EditSpan {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
  readonly rowDelta: number;
}

/** How many steps a chain keeps: a consumer further behind than this analyses from scratch. */
export const MAX_CHAIN = 32;

/** The span covering `first` followed by `second` (whose offsets are in the text `first` produced). */
export function combine(first: EditSpan, second: EditSpan): EditSpan {
  const start = Math.min(first.start, second.start);
  // In the middle text, the union of what `first` wrote and what `second` replaced; its end maps back and forward.
  const end = Math.max(first.newEnd, second.oldEnd);
  return {
    start,
    oldEnd: end - (first.newEnd - first.oldEnd),
    newEnd: end + (second.newEnd - second.oldEnd),
    rowDelta: first.rowDelta + second.rowDelta,
  };
}

/** Widens a span (in new-text offsets) to cover the ranges tree-sitter reports as changed. */
export function widen(span: EditSpan, ranges: ReadonlyArray<{ readonly startIndex: number; readonly endIndex: number }>): EditSpan {
  let { start, newEnd } = span;
  for (const range of ranges) {
    start = Math.min(start, range.startIndex);
    newEnd = Math.max(newEnd, range.endIndex);
  }
  // Past the old span's end, new offsets map back by the length difference.
  const delta = span.newEnd - span.oldEnd;
  return { start, oldEnd: newEnd - delta, newEnd, rowDelta: span.rowDelta };
}

/**
 * The single span from the snapshot whose tree was `since` to the snapshot `change` belongs to, or undefined when the
 * chain does not reach back that far (a full replacement, a document reopened, too many steps).
 */
export function spanSince(change: DocumentChange | undefined, since: object): EditSpan | undefined {
  const steps: DocumentChange[] = [];
  for (let c = change; c; c = c.previous) {
    steps.push(c);
    if (c.previousTree === since) {
      let span: EditSpan | undefined;
      for (const step of steps.reverse()) span = span ? combine(span, step) : step;
      return span;
    }
    if (steps.length > MAX_CHAIN) return undefined;
  }
  return undefined;
}

/** Where an offset of the old text lands in the new one; undefined for offsets strictly inside the replaced span. */
export function mapOffset(span: EditSpan, offset: number): number | undefined {
  if (offset <= span.start) return offset;
  if (offset >= span.oldEnd) return offset + span.newEnd - span.oldEnd;
  return undefined;
}
