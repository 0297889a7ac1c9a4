// The bytecode view's "Copy as text" / "Open as text": a dis-like listing of every code object, in the format that
// syntaxes/python-bytecode.tmLanguage.json highlights (language id python-bytecode). Pure: no vscode import.
//
// Layout, per code object:
//   Disassembly of <code object f at line 3>:
//   # flags: OPTIMIZED, NEWLOCALS · argcount: 1 · varnames: xs, total
//     3           0 RESUME                   0
//         >>     10 FOR_ITER                24 (to 60)
//   ExceptionTable:
//     28 to 42 -> 54 [1] lasti
// The line column starts within the first few characters and an offset is always further right, so the grammar can
// tell a line number from an offset on lines that carry only one of them.
import type { BytecodeOk, CodeObject, Instruction } from '../../../server/src/protocol';

export interface FormatOptions {
  /** The document's name, for the first comment line. */
  readonly label?: string;
  /** Only this code object (by CodeObject.id) and the code objects nested in it. */
  readonly only?: number;
}

/** Widths shared by every code object of one listing, so columns line up across the whole text. */
interface Columns {
  readonly line: number;
  readonly offset: number;
  readonly opname: number;
}

const ARG_WIDTH = 5;

function oneLine(text: string): string {
  // argrepr is repr() text, but a listing line must never break, whatever the bridge sends.
  return text.replace(/\r\n|\r|\n/g, '\\n');
}

/** 3.13's dis names jump targets by label (`to L4`); this listing shows offsets, so the target is the offset. */
function argreprOf(ins: Instruction): string {
  if (ins.jumpTarget !== undefined && /^to L\d+$/.test(ins.argrepr)) return `to ${ins.jumpTarget}`;
  return oneLine(ins.argrepr);
}

function selected(result: BytecodeOk, only: number | undefined): CodeObject[] {
  if (only === undefined) return [...result.codeObjects];
  const keep = new Set<number>([only]);
  // Pre-order: a parent always comes before its children, so one pass collects the subtree.
  for (const code of result.codeObjects) {
    if (code.parent !== undefined && keep.has(code.parent)) keep.add(code.id);
  }
  return result.codeObjects.filter((code) => keep.has(code.id));
}

function columnsOf(codes: readonly CodeObject[]): Columns {
  let maxLine = 0;
  let maxOffset = 0;
  let longestOpname = 0;
  for (const code of codes) {
    for (const ins of code.instructions) {
      maxLine = Math.max(maxLine, ins.line ?? 0);
      maxOffset = Math.max(maxOffset, ins.offset);
      longestOpname = Math.max(longestOpname, ins.opname.length);
    }
  }
  return { line: Math.max(3, String(maxLine).length), offset: Math.max(4, String(maxOffset).length), opname: Math.max(20, longestOpname + 1) };
}

function instructionLine(ins: Instruction, showLine: boolean, cols: Columns): string {
  const line = showLine ? (ins.line === null ? '--' : String(ins.line)) : '';
  let text = `${line.padStart(cols.line)}    ${ins.isJumpTarget ? '>>' : '  '} ${String(ins.offset).padStart(cols.offset)} ${ins.opname.padEnd(cols.opname)}`;
  if (ins.arg !== null) text += String(ins.arg).padStart(ARG_WIDTH);
  const argrepr = argreprOf(ins);
  if (argrepr) text += ` (${argrepr})`;
  return text.trimEnd();
}

function describe(code: CodeObject): string {
  const parts = [`flags: ${code.flags.length ? code.flags.join(', ') : '(none)'}`];
  if (code.argcount) parts.push(`argcount: ${code.argcount}`);
  if (code.varnames.length) parts.push(`varnames: ${code.varnames.join(', ')}`);
  if (code.cellvars.length) parts.push(`cellvars: ${code.cellvars.join(', ')}`);
  if (code.freevars.length) parts.push(`freevars: ${code.freevars.join(', ')}`);
  return `# ${oneLine(parts.join(' · '))}`;
}

function codeObjectLines(code: CodeObject, cols: Columns): string[] {
  const lines = [`Disassembly of <code object ${oneLine(code.qualname)} at line ${code.firstLine}>:`, describe(code)];
  let previous: number | null | undefined;
  code.instructions.forEach((ins, index) => {
    const starts = index === 0 || ins.line !== previous;
    // As dis does: a blank line before each new source line, so statements read as paragraphs.
    if (starts && index > 0) lines.push('');
    lines.push(instructionLine(ins, starts, cols));
    previous = ins.line;
  });
  if (code.exceptionTable.length) {
    lines.push('ExceptionTable:');
    for (const entry of code.exceptionTable) {
      lines.push(`  ${entry.start} to ${entry.end} -> ${entry.target} [${entry.depth}]${entry.lasti ? ' lasti' : ''}`);
    }
  }
  return lines;
}

function headerLine(result: BytecodeOk, label: string | undefined): string {
  const { interpreter, options } = result;
  const facts = [`${interpreter.implementation} ${interpreter.version}`, interpreter.executable || interpreter.command, `optimize=${options.optimize}`];
  if (options.showCaches) facts.push('caches shown');
  if (options.adaptive) facts.push('adaptive');
  return `# ${oneLine([label, ...facts].filter(Boolean).join(' · '))}`;
}

/** The dis-like listing of `result` (every code object unless `only` is given), ending with a newline. */
export function formatBytecode(result: BytecodeOk, options: FormatOptions = {}): string {
  const codes = selected(result, options.only);
  const cols = columnsOf(codes);
  const blocks = codes.map((code) => codeObjectLines(code, cols).join('\n'));
  return [headerLine(result, options.label), '', blocks.join('\n\n')].join('\n') + '\n';
}
