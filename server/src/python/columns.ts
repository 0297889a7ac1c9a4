// The one place where CPython's positions become LSP positions. CPython counts lines from 1 and columns in UTF-8
// bytes of the line; LSP (and tree-sitter's JS binding) count lines from 0 and columns in UTF-16 code units. Both
// agree on line breaks: \n, \r\n and a lone \r. Nothing else in the server converts CPython columns.
import type { Position, Range } from 'vscode-languageserver-types';

/** UTF-8 length of one UTF-16 unit at `index`; a surrogate pair counts 4 on its first unit and 0 on its second. */
function unitBytes(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 4 : 3; // a lone surrogate is 3 bytes, as Python's surrogatepass writes it
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = index > 0 ? text.charCodeAt(index - 1) : 0;
    return previous >= 0xd800 && previous <= 0xdbff ? 0 : 3;
  }
  return 3;
}

export class Utf8Columns {
  /** UTF-16 offset where each line starts; lineEnds[i] is where its text ends (before the line break). */
  private readonly lineStarts: number[] = [0];
  private readonly lineEnds: number[] = [];
  /** Per line: undefined until needed; null for an ASCII line (bytes = units); else UTF-8 bytes before each unit. */
  private readonly tables: Array<Uint32Array | null | undefined> = [];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.lineEnds.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
    this.lineEnds.push(text.length);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** LSP position of CPython's (1-based line, UTF-8 byte column); both are clamped into the text. */
  position(line: number, byteColumn: number): Position {
    if (line < 1) return { line: 0, character: 0 };
    if (line > this.lineCount) return this.end();
    const index = line - 1;
    return { line: index, character: this.character(index, Math.max(0, byteColumn)) };
  }

  /** The LSP range of CPython's (lineno, col_offset, end_lineno, end_col_offset). */
  range(line: number, byteColumn: number, endLine: number, endByteColumn: number): Range {
    const start = this.position(line, byteColumn);
    const end = this.position(endLine, endByteColumn);
    const ordered = end.line > start.line || (end.line === start.line && end.character >= start.character);
    return { start, end: ordered ? end : start };
  }

  /** The whole of a 1-based line, without its line break (positions before 3.11 name a line only). */
  lineRange(line: number): Range {
    const start = this.position(line, 0);
    const length = this.lineEnds[start.line] - this.lineStarts[start.line];
    return { start, end: { line: start.line, character: length } };
  }

  /** From the start of the text to its end. */
  all(): Range {
    return { start: { line: 0, character: 0 }, end: this.end() };
  }

  private end(): Position {
    const last = this.lineCount - 1;
    return { line: last, character: this.lineEnds[last] - this.lineStarts[last] };
  }

  /** UTF-16 column of a byte column on 0-based line `index`; a column inside a character snaps to its start. */
  private character(index: number, byteColumn: number): number {
    const start = this.lineStarts[index];
    const length = this.lineEnds[index] - start;
    const table = this.table(index);
    if (table === null) return Math.min(byteColumn, length);
    // The last unit whose preceding byte count is <= byteColumn; ties (after a surrogate pair) take the later unit.
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (table[mid] <= byteColumn) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private table(index: number): Uint32Array | null {
    const cached = this.tables[index];
    if (cached !== undefined) return cached;
    const start = this.lineStarts[index];
    const end = this.lineEnds[index];
    let ascii = true;
    for (let i = start; i < end && ascii; i++) ascii = this.text.charCodeAt(i) < 0x80;
    let table: Uint32Array | null = null;
    if (!ascii) {
      table = new Uint32Array(end - start + 1);
      for (let i = start; i < end; i++) table[i - start + 1] = table[i - start] + unitBytes(this.text, i);
    }
    this.tables[index] = table;
    return table;
  }
}
