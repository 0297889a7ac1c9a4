// How bytecode rows look. Instructions are fixed-width columns (label, line, offset, opname, arg, argrepr) as in
// dis; a jump's target is a link (`→ L3`) that scrolls to the labelled instruction. All text goes in as text.
import { h, span } from '../shared/dom';
import type { FlatRow } from '../shared/treeList';
import type { BcRow, Cell } from './model';

function jumpLink(label: string, offset: number, side: number, title: string): HTMLButtonElement {
  return h('button', {
    className: 'jump',
    text: `→ ${label}`,
    title,
    attrs: { type: 'button', tabindex: '-1', 'data-jump': String(offset), 'data-side': String(side) },
  });
}

function labelText(cell: Cell, offset: number): string {
  return cell.info.labels.get(offset) ?? String(offset);
}

function renderInstruction(cell: Cell, side: number, into: HTMLElement): void {
  const instr = cell.instr!;
  const label = cell.info.labels.get(instr.offset);
  into.append(
    span(label ? `${label}:` : '', 'cell c-label'),
    span(cell.showLine && instr.line !== null ? String(instr.line) : '', 'cell c-line'),
    span(String(instr.offset), 'cell c-offset'),
  );
  const opname = span(instr.opname, `cell c-opname opname${instr.opname === 'CACHE' ? ' cache' : ''}`);
  opname.dataset.opname = instr.opname;
  into.append(opname, span(instr.arg === null ? '' : String(instr.arg), 'cell c-arg'));
  const argrepr = span('', 'c-argrepr');
  if (instr.jumpTarget !== undefined) {
    const target = labelText(cell, instr.jumpTarget);
    argrepr.append(jumpLink(target, instr.jumpTarget, side, `Go to offset ${instr.jumpTarget}`));
    // Our labels number jump targets and exception-table boundaries together, as `dis.dis` prints them; 3.13's
    // get_instructions numbers jump targets only, so its `to L3` can disagree and is left out. Older versions'
    // `to 24` names the offset, which is worth keeping beside the label.
    if (instr.argrepr !== '' && !/^to L\d+$/.test(instr.argrepr)) argrepr.append(span(` (${instr.argrepr})`, 'muted'));
  } else {
    argrepr.textContent = instr.argrepr;
  }
  into.append(argrepr);
}

function renderCode(cell: Cell, into: HTMLElement, compact: boolean): void {
  const { code, nesting } = cell.info;
  const head = span(code.qualname, 'bc-code');
  head.style.marginLeft = `${nesting * 2}ch`;
  into.append(head);
  for (const flag of code.flags) into.append(span(flag.toLowerCase(), `badge flag-${flag}`));
  into.append(span(`  line ${code.firstLine}`, 'muted'));
  if (!compact) into.append(span(` · argcount ${code.argcount}`, 'muted'), span(` · ${code.instructions.length} instructions`, 'muted'));
}

function renderCell(row: BcRow, cell: Cell, side: number, into: HTMLElement, compact: boolean): void {
  switch (row.kind) {
    case 'code':
      renderCode(cell, into, compact);
      return;
    case 'list':
      into.append(span(cell.list!.name, 'field'), span(` (${cell.list!.values.length})`, 'muted'));
      return;
    case 'item':
      into.append(span(`${cell.item!.index}`.padStart(4), 'index'), span('  '), span(cell.item!.text, 'value'));
      return;
    case 'instr':
      renderInstruction(cell, side, into);
      return;
    case 'excTable':
      into.append(span('Exception table', 'field'), span(` (${cell.info.code.exceptionTable.length})`, 'muted'));
      return;
    case 'exc': {
      const exc = cell.exc!;
      into.append(
        span(`${labelText(cell, exc.start)} to ${labelText(cell, exc.end)}`, 'c-argrepr'),
        jumpLink(labelText(cell, exc.target), exc.target, side, `Handler at offset ${exc.target}`),
        span(` [${exc.depth}]${exc.lasti ? ' lasti' : ''}`, 'muted'),
      );
      return;
    }
  }
}

/**
 * Fills one row: a single cell, or two `.side` columns when comparing; there `covered` marks the side whose
 * instruction covers the editor's cursor (the row as a whole is marked by the tree).
 */
export function renderBytecodeRow(row: FlatRow<BcRow>, content: HTMLElement, covered: (cell: Cell) => boolean): void {
  const cells = row.node.cells;
  if (cells.length === 1) {
    if (cells[0]) renderCell(row.node, cells[0], 0, content, false);
    return;
  }
  content.parentElement?.classList.add('pair');
  cells.forEach((cell, side) => {
    const className = !cell ? 'side absent' : covered(cell) ? 'side covers' : 'side';
    const column = h('span', { className, attrs: { 'data-side': String(side) } });
    if (cell) renderCell(row.node, cell, side, column, true);
    else if (row.node.kind === 'code') column.textContent = 'not in this version';
    content.append(column);
  });
}
