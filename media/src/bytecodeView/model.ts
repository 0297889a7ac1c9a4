// The bytecode view's rows: per code object (pre-order, i.e. nesting order) a header, its name lists, its
// instructions and its exception table. In compare mode each row holds two cells, one per interpreter, and code
// objects are matched by qualname (with an occurrence count for repeated names such as two `<lambda>`s).
import type { CodeObject, ExceptionTableEntry, Instruction } from '../../../server/src/protocol';
import type { TreeNode } from '../shared/treeList';

export type BcRowKind = 'code' | 'list' | 'item' | 'instr' | 'excTable' | 'exc';

/**
 * One code object as shown: its nesting depth and its labels: L1, L2, … for every jump target and exception-table
 * boundary in offset order, the numbering `dis.dis` prints on 3.13.
 */
export interface CodeInfo {
  readonly code: CodeObject;
  readonly key: string;
  readonly nesting: number;
  readonly labels: ReadonlyMap<number, string>;
  /** The row showing the instruction at each offset (for jump links). */
  readonly rowsByOffset: Map<number, BcRow>;
}

export interface Cell {
  readonly info: CodeInfo;
  readonly instr?: Instruction;
  /** The instruction's line when it differs from the previous instruction's (dis prints it only then). */
  readonly showLine?: boolean;
  readonly exc?: ExceptionTableEntry;
  readonly list?: { readonly name: string; readonly values: readonly string[] };
  readonly item?: { readonly index: number; readonly text: string };
}

export interface BcRow extends TreeNode {
  readonly key: string;
  readonly parent: BcRow | undefined;
  readonly children: BcRow[];
  readonly kind: BcRowKind;
  /** One cell, or two side by side when comparing (undefined where that side has no such row). */
  readonly cells: readonly (Cell | undefined)[];
}

const LISTS = ['varnames', 'cellvars', 'freevars', 'names', 'consts'] as const;

function labelsOf(code: CodeObject): Map<number, string> {
  const offsets = new Set<number>();
  for (const instr of code.instructions) {
    if (instr.jumpTarget !== undefined) offsets.add(instr.jumpTarget);
    if (instr.isJumpTarget) offsets.add(instr.offset);
  }
  for (const entry of code.exceptionTable) [entry.start, entry.end, entry.target].forEach((o) => offsets.add(o));
  return new Map([...offsets].sort((a, b) => a - b).map((offset, i) => [offset, `L${i + 1}`]));
}

/** CodeInfo for each code object, keyed `qualname#n` (n counts earlier code objects of the same qualname). */
export function codeInfos(codes: readonly CodeObject[]): CodeInfo[] {
  const seen = new Map<string, number>();
  const byId = new Map<number, CodeInfo>();
  return codes.map((code) => {
    const n = seen.get(code.qualname) ?? 0;
    seen.set(code.qualname, n + 1);
    const parent = code.parent === undefined ? undefined : byId.get(code.parent);
    const info: CodeInfo = { code, key: `${code.qualname}#${n}`, nesting: parent ? parent.nesting + 1 : 0, labels: labelsOf(code), rowsByOffset: new Map() };
    byId.set(code.id, info);
    return info;
  });
}

function row(key: string, parent: BcRow | undefined, kind: BcRowKind, cells: readonly (Cell | undefined)[]): BcRow {
  const created: BcRow = { key, parent, children: [], kind, cells };
  parent?.children.push(created);
  return created;
}

function instructionCells(info: CodeInfo): Cell[] {
  let line: number | null = null;
  return info.code.instructions.map((instr, i) => {
    const showLine = instr.line !== null && (i === 0 || instr.line !== line);
    if (instr.line !== null) line = instr.line;
    return { info, instr, showLine };
  });
}

/** Rows of one listing: one root per code object. */
export function singleRows(codes: readonly CodeObject[]): BcRow[] {
  return codeInfos(codes).map((info) => {
    const code = row(info.key, undefined, 'code', [{ info }]);
    for (const name of LISTS) {
      const values = info.code[name];
      if (values.length === 0) continue;
      const list = row(`${info.key}:${name}`, code, 'list', [{ info, list: { name, values } }]);
      values.forEach((text, index) => row(`${list.key}:${index}`, list, 'item', [{ info, item: { index, text } }]));
    }
    instructionCells(info).forEach((cell, i) => {
      const created = row(`${info.key}@${i}`, code, 'instr', [cell]);
      info.rowsByOffset.set(cell.instr!.offset, created);
    });
    addExceptionTable(code, [info]);
    return code;
  });
}

function addExceptionTable(code: BcRow, infos: readonly (CodeInfo | undefined)[]): void {
  const tables = infos.map((info) => info?.code.exceptionTable ?? []);
  const length = Math.max(...tables.map((t) => t.length));
  if (length === 0) return;
  const header = row(`${code.key}:exc`, code, 'excTable', infos.map((info) => (info ? { info } : undefined)));
  for (let i = 0; i < length; i++) {
    row(`${header.key}:${i}`, header, 'exc', infos.map((info, side) => (info && tables[side][i] ? { info, exc: tables[side][i] } : undefined)));
  }
}

/** Rows of two listings side by side, code objects matched by qualname; unmatched ones keep their side empty. */
export function pairedRows(left: readonly CodeObject[], right: readonly CodeObject[]): BcRow[] {
  const leftInfos = codeInfos(left);
  const rightInfos = new Map(codeInfos(right).map((info) => [info.key, info]));
  const pairs: [CodeInfo | undefined, CodeInfo | undefined][] = leftInfos.map((info) => [info, rightInfos.get(info.key)]);
  const matched = new Set(leftInfos.map((info) => info.key));
  for (const info of rightInfos.values()) if (!matched.has(info.key)) pairs.push([undefined, info]);
  return pairs.map((pair) => {
    const key = (pair[0] ?? pair[1])!.key;
    const code = row(key, undefined, 'code', pair.map((info) => (info ? { info } : undefined)));
    const cells = pair.map((info) => (info ? instructionCells(info) : []));
    const length = Math.max(cells[0].length, cells[1].length);
    for (let i = 0; i < length; i++) {
      const created = row(`${key}@${i}`, code, 'instr', [cells[0][i], cells[1][i]]);
      for (const cell of created.cells) if (cell?.instr) cell.info.rowsByOffset.set(cell.instr.offset, created);
    }
    addExceptionTable(code, pair);
    return code;
  });
}

/** Whether the instruction's source range contains the position (both ends included, as for the AST). */
export function covers(instr: Instruction, line: number, character: number): boolean {
  const range = instr.range;
  if (!range) return false;
  const afterStart = line > range.start.line || (line === range.start.line && character >= range.start.character);
  const beforeEnd = line < range.end.line || (line === range.end.line && character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Instruction rows (any side) whose instruction's source range contains the position, in listing order. */
export function rowsCovering(roots: readonly BcRow[], line: number, character: number): BcRow[] {
  const found: BcRow[] = [];
  for (const code of roots) {
    for (const child of code.children) {
      if (child.kind === 'instr' && child.cells.some((cell) => cell?.instr && covers(cell.instr, line, character))) found.push(child);
    }
  }
  return found;
}
