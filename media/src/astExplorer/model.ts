// The AST explorer's rows, built once per result from CPython's `ast` or the tree-sitter CST. One row per node,
// per list field and per constant, each keyed by its path (`Module.body[2].value`), which is also what
// "Copy node path" copies and what keeps expansion stable across re-parses. Built iteratively: a long chain of
// BinOps or a deeply nested expression must not overflow the stack.
import type { AstNode, AstValue, Range, SyntaxNode } from '../../../server/src/protocol';
import type { TreeNode } from '../shared/treeList';

export type AstRowKind = 'node' | 'list' | 'constant';

export interface AstRow extends TreeNode {
  readonly key: string;
  readonly parent: AstRow | undefined;
  readonly children: AstRow[];
  readonly kind: AstRowKind;
  /** `value`, `body`, or `[2]` for a list item; absent at the root. */
  readonly label?: string;
  /** The node type (`Assign`, `function_definition`); absent on lists and constants. */
  readonly type?: string;
  /** A constant's repr or a CST leaf's text. */
  readonly value?: string;
  /** A constant's Python type (`int`, `str`, `NoneType`). */
  readonly valueType?: string;
  readonly range?: Range;
  /** AstNode.id, for "Copy as ast.dump" (CPython nodes only). */
  readonly nodeId?: number;
  /** An empty list or a None constant: hidden by "hide empty fields". */
  readonly empty: boolean;
  /** The `ctx` field (Load/Store/Del): hidden by "hide ctx". */
  readonly isCtx: boolean;
  readonly isError?: boolean;
  readonly isMissing?: boolean;
  /** Lower-cased type and value, for search. */
  readonly searchText: string;
}

interface MutableRow extends AstRow {
  children: AstRow[];
}

function makeRow(fields: Omit<AstRow, 'children' | 'searchText' | 'empty' | 'isCtx'> & Partial<Pick<AstRow, 'empty' | 'isCtx'>>): MutableRow {
  const searchText = `${fields.type ?? ''}\u0000${fields.value ?? ''}`.toLowerCase();
  return { empty: false, isCtx: false, ...fields, children: [], searchText };
}

function childPath(parent: AstRow | undefined, label: string, rootName: string): string {
  if (!parent) return rootName;
  return label.startsWith('[') ? `${parent.key}${label}` : `${parent.key}.${label}`;
}

/** Rows for a CPython `ast` result; the root row is the Module. */
export function rowsFromPythonAst(root: AstNode): AstRow {
  type Work = { value: AstValue; parent: MutableRow | undefined; label: string; inCtx: boolean };
  const stack: Work[] = [{ value: { kind: 'node', node: root }, parent: undefined, label: '', inCtx: false }];
  let top: MutableRow | undefined;
  while (stack.length > 0) {
    const { value, parent, label, inCtx } = stack.pop()!;
    const key = childPath(parent, label, value.kind === 'node' ? value.node.type : 'root');
    const common = { key, parent, label: parent ? label : undefined, isCtx: inCtx };
    let row: MutableRow;
    const pending: Work[] = [];
    if (value.kind === 'node') {
      row = makeRow({ ...common, kind: 'node', type: value.node.type, range: value.node.range, nodeId: value.node.id });
      for (const field of value.node.fields) pending.push({ value: field.value, parent: row, label: field.name, inCtx: field.name === 'ctx' });
    } else if (value.kind === 'list') {
      row = makeRow({ ...common, kind: 'list', value: `[${value.items.length}]`, empty: value.items.length === 0 });
      value.items.forEach((item, index) => pending.push({ value: item, parent: row, label: `[${index}]`, inCtx: false }));
    } else {
      row = makeRow({ ...common, kind: 'constant', value: value.repr, valueType: value.pyType, empty: value.pyType === 'NoneType' });
    }
    if (parent) parent.children.push(row);
    else top = row;
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]);
  }
  return top!;
}

/** Rows for a tree-sitter CST: `field: type`, leaves with their text; paths name fields or child indexes. */
export function rowsFromSyntaxTree(root: SyntaxNode): AstRow {
  type Work = { node: SyntaxNode; parent: MutableRow | undefined; label: string };
  const stack: Work[] = [{ node: root, parent: undefined, label: '' }];
  let top: MutableRow | undefined;
  while (stack.length > 0) {
    const { node, parent, label } = stack.pop()!;
    const row = makeRow({
      key: childPath(parent, label, node.type),
      parent,
      label: parent ? label : undefined,
      kind: 'node',
      type: node.type,
      value: node.text,
      range: node.range,
      isError: node.isError,
      isMissing: node.isMissing,
    });
    if (parent) parent.children.push(row);
    else top = row;
    // A field used once is named by the field (`body`); a repeated field by its index within the field
    // (`alternative[1]`); a child without a field by its index among all children (`[3]`).
    const fieldCounts = new Map<string, number>();
    for (const child of node.children) if (child.field) fieldCounts.set(child.field, (fieldCounts.get(child.field) ?? 0) + 1);
    const seen = new Map<string, number>();
    const labels = node.children.map((child, i) => {
      if (child.field === undefined) return `[${i}]`;
      const nth = seen.get(child.field) ?? 0;
      seen.set(child.field, nth + 1);
      return fieldCounts.get(child.field) === 1 ? child.field : `${child.field}[${nth}]`;
    });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], parent: row, label: labels[i] });
  }
  return top!;
}

/** The field label shown before a CST row's type: the field name without the index. */
export function fieldName(row: AstRow): string | undefined {
  if (row.label === undefined) return undefined;
  const bare = row.label.replace(/\[\d+\]$/, '');
  return bare === '' ? undefined : bare;
}

function contains(range: Range, line: number, character: number): boolean {
  const afterStart = line > range.start.line || (line === range.start.line && character >= range.start.character);
  const beforeEnd = line < range.end.line || (line === range.end.line && character <= range.end.character);
  return afterStart && beforeEnd;
}

/**
 * The innermost row with a range containing the position. Rows without a range (lists, `arguments`, `Load`) are
 * looked through, since their children may contain it. Ranges include their end, so the cursor just after a name
 * still selects it; at a boundary between two siblings the one starting there wins; among siblings with the same
 * range (3.11 gives every part of an f-string the whole string's range) the first wins.
 */
export function innermostAt(root: AstRow, line: number, character: number): AstRow | undefined {
  let best: AstRow | undefined;
  const stack: AstRow[] = [root];
  while (stack.length > 0) {
    const row = stack.pop()!;
    if (row.range) {
      if (!contains(row.range, line, character)) continue;
      if (!best || isInside(row, best) || startsAfter(row.range, best.range!)) best = row;
    }
    // Visit in document order.
    for (let i = row.children.length - 1; i >= 0; i--) stack.push(row.children[i]);
  }
  return best;
}

function isInside(row: AstRow, ancestor: AstRow): boolean {
  for (let parent = row.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}

function startsAfter(a: Range, b: Range): boolean {
  return a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character > b.start.character);
}

/** Whether the tree has at most `budget` rows; counting stops at the budget, so a huge tree costs nothing here. */
export function isSmall(root: AstRow, budget: number): boolean {
  let seen = 0;
  const stack = [root];
  while (stack.length > 0 && seen <= budget) {
    stack.push(...stack.pop()!.children);
    seen++;
  }
  return seen <= budget;
}
