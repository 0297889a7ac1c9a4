// Offsets → 1-based rows and columns as Ruff reports them: columns count Unicode code points, not the UTF-16 units
// that tree-sitter's JS binding and LSP use, so `"😀" is 1` puts `is` one column earlier than a JS string index would.

export interface RowColumn {
  readonly row: number;
  readonly column: number;
}

export class LineIndex {
  /** UTF-16 offset of each line's first character. Line breaks are \n, \r\n and a lone \r, as in LSP and Ruff. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** 1-based row of `offset` (an offset past the end counts as on the last line). */
  row(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** The UTF-16 offset of a 1-based row and code-point column (clamped to the line), or undefined past the last row. */
  offsetOf(row: number, column: number): number | undefined {
    if (row < 1 || row > this.starts.length) return undefined;
    const lineEnd = row < this.starts.length ? this.starts[row] : this.text.length;
    let offset = this.starts[row - 1];
    for (let step = 1; step < column && offset < lineEnd; step++) {
      const c = this.text.charCodeAt(offset);
      offset += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    return Math.min(offset, lineEnd);
  }

  /** 1-based row and code-point column of a UTF-16 offset. */
  locate(offset: number): RowColumn {
    const row = this.row(offset);
    return { row, column: codePoints(this.text, this.starts[row - 1], offset) + 1 };
  }
}

/** Code points in text[start, end): a surrogate pair counts once. */
export function codePoints(text: string, start: number, end: number): number {
  let count = end - start;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) count--;
    }
  }
  return count;
}
