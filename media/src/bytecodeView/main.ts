// The bytecode view webview: `dis` of every code object of the active editor's text, column-precise selection sync,
// opcode documentation on hover, and a side-by-side comparison with a second interpreter. Entry point of
// dist/media/bytecodeView.js.
import type { BytecodeHostMessage, BytecodeViewMessage, DocumentStamp } from '../../../client/src/webviews/messages';
import type { BytecodeResult, InterpreterInfo, Position, Range } from '../../../server/src/protocol';
import { h, span } from '../shared/dom';
import { interpreterBadge, plainNotice, renderFailure, syntaxErrorNotice, unavailableNotice } from '../shared/status';
import { hideTooltip, showTooltip } from '../shared/tooltip';
import { TreeList } from '../shared/treeList';
import { connectToHost, onHostMessage } from '../shared/vscodeApi';
import { covers, pairedRows, rowsCovering, singleRows, type BcRow } from './model';
import { OpcodeDocs } from './opcodeDocs';
import { renderBytecodeRow } from './rowView';
import { readBytecodeState, type BytecodeViewState } from './state';
import { createBytecodeToolbar } from './toolbar';

interface Shown {
  readonly doc: DocumentStamp;
  readonly result: BytecodeResult;
  readonly compare?: BytecodeResult;
}

const api = connectToHost<BytecodeViewMessage, BytecodeViewState>(readBytecodeState);
let state = api.loadState();
let doc: DocumentStamp | undefined;
let shown: Shown | undefined;
let roots: BcRow[] = [];
let treeUri: string | undefined;
let loading = false;
/** The range we just asked the editor to select: the cursor echo it causes must not move the highlight. */
let echo: Range | undefined;
/** The editor's cursor in `doc`, for the highlight. */
let cursor: Position | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let flashTimer: ReturnType<typeof setTimeout> | undefined;
const docs = new OpcodeDocs();

const header = h('div', { className: 'header' });
const notices = h('div', { className: 'notices' });
const compareHeads = h('div', { className: 'compare-heads' });
const footer = h('div', { className: 'footer', attrs: { 'aria-live': 'polite' } });
const tree = new TreeList<BcRow>({
  label: 'Bytecode',
  rowHeight: 22,
  visibleChildren: (row) => row.children,
  defaultExpanded: (row) => row.kind === 'code' || row.kind === 'excTable',
  renderRow: (row, content) => renderBytecodeRow(row, content, (cell) => !!(cursor && cell.instr && covers(cell.instr, cursor.line, cursor.character))),
  onRowClick: (row, event) => {
    const target = event.target as Element;
    const sideOf = (element: Element | null) => Number(element?.getAttribute('data-side') ?? 0);
    const jump = target.closest('[data-jump]');
    if (jump) goToOffset(row.node, sideOf(jump), Number(jump.getAttribute('data-jump')));
    else {
      tree.select(row.node, { reveal: false, notify: true });
      activate(row.node, sideOf(target.closest('[data-side]')));
    }
    return true;
  },
  onActivate: (row) => activate(row, 0),
  onSelect: (row) => describe(row),
  onChange: () => scheduleSave(),
  onKey: (event, row) => {
    // `g` follows the selected jump (or exception handler) like clicking its link.
    if (event.key !== 'g' || !row) return false;
    const cell = row.cells.find((c) => c?.instr?.jumpTarget !== undefined || c?.exc);
    const offset = cell?.instr?.jumpTarget ?? cell?.exc?.target;
    if (offset !== undefined) goToOffset(row, row.cells.indexOf(cell), offset);
    return offset !== undefined;
  },
});
const toolbar = createBytecodeToolbar({
  setOptions: (options) => post({ type: 'setOptions', options }),
  compareWith: (python) => post({ type: 'compareWith', python }),
  copyText: () => post({ type: 'copyText' }),
  openAsText: () => post({ type: 'openAsText' }),
});

tree.element.addEventListener('mouseover', (event) => {
  const opname = (event.target as Element).closest('[data-opname]');
  if (opname) showTooltip(opname, (into) => docs.fill(opname.getAttribute('data-opname') ?? '', into));
  else hideTooltip();
});
tree.element.addEventListener('mouseleave', hideTooltip);
tree.element.addEventListener('scroll', hideTooltip);

document.getElementById('root')?.append(h('div', { className: 'app bytecode-view' }, header, toolbar.element, notices, compareHeads, tree.element, footer));
compareHeads.hidden = true;
describe(undefined);
onHostMessage<BytecodeHostMessage>(handle, (error) => notices.replaceChildren(renderFailure(error)));
post({ type: 'ready' });

function handle(message: BytecodeHostMessage): void {
  switch (message.type) {
    case 'noEditor':
      doc = undefined;
      cursor = undefined;
      shown = undefined;
      loading = false;
      show();
      return;
    case 'loading':
      doc = message.doc;
      loading = true;
      renderHeader();
      return;
    case 'bytecode':
      // Answers can overtake each other: never replace a newer version of the same document with an older one.
      if (shown && shown.doc.uri === message.doc.uri && shown.doc.version > message.doc.version) return;
      if (shown?.doc.uri !== message.doc.uri) cursor = undefined;
      doc = message.doc;
      shown = { doc: message.doc, result: message.result, compare: message.compare };
      loading = false;
      show();
      return;
    case 'opcodeDocs':
      docs.set(message.result);
      describe(tree.selected);
      return;
    case 'interpreters':
      toolbar.showInterpreters(message.others, message.comparing);
      return;
    case 'cursor':
      onCursor(message.uri, message.position);
      return;
  }
}

function show(): void {
  notices.replaceChildren();
  compareHeads.hidden = true;
  roots = [];
  const result = shown?.result;
  if (!doc) notices.append(plainNotice('Open a Python file to see its bytecode.'));
  else if (!shown || !result) notices.append(plainNotice('Compiling…'));
  else if (result.kind === 'syntaxError') notices.append(syntaxErrorNotice(result, () => select(result.range)));
  else if (result.kind === 'unavailable') notices.append(unavailableNotice(result, () => post({ type: 'openSettings' })));
  else {
    toolbar.showOptions(result.options, atLeast(result.interpreter, 3, 11));
    const compare = shown.compare;
    if (compare?.kind === 'ok') {
      roots = pairedRows(result.codeObjects, compare.codeObjects);
      compareHeads.replaceChildren(side(result.interpreter), side(compare.interpreter));
      compareHeads.hidden = false;
    } else {
      roots = singleRows(result.codeObjects);
      if (compare) notices.append(plainNotice(`Cannot compare: ${compare.kind === 'syntaxError' ? `${compare.type}: ${compare.message}` : compare.message}`, 'notice-warning'));
    }
  }
  if (doc && treeUri !== doc.uri && roots.length > 0) {
    tree.restoreState(state.uri === doc.uri ? state.tree : { expanded: [], collapsed: [], scrollTop: 0 });
    tree.setRoots(roots);
    tree.restoreScroll(state.uri === doc.uri ? state.tree.scrollTop : 0);
    treeUri = doc.uri;
  } else {
    tree.setRoots(roots);
  }
  // A new listing of the same document keeps the cursor's highlight (without scrolling to it again).
  tree.setMarks('cursor', new Set(cursor ? rowsCovering(roots, cursor.line, cursor.character).map((row) => row.key) : []));
  renderHeader();
  describe(tree.selected);
}

function side(interpreter: InterpreterInfo): HTMLElement {
  return h('div', {}, interpreterBadge(interpreter), span(` ${interpreter.command}`, 'muted'));
}

function atLeast(interpreter: InterpreterInfo, major: number, minor: number): boolean {
  const [a, b] = interpreter.version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

function renderHeader(): void {
  const parts: (Node | string)[] = [];
  if (doc) parts.push(span(doc.label, 'doc-label'));
  const result = shown?.result;
  if (result && 'interpreter' in result && result.interpreter) parts.push(interpreterBadge(result.interpreter));
  if (result?.kind === 'ok') {
    const instructions = result.codeObjects.reduce((sum, code) => sum + code.instructions.length, 0);
    parts.push(span(`${result.codeObjects.length} code objects · ${instructions.toLocaleString('en-US')} instructions`, 'muted'));
  }
  if (loading) parts.push(span('updating…', 'muted loading'));
  header.replaceChildren(...parts);
}

/** The footer line: the selected instruction's opcode documentation. */
function describe(row: BcRow | undefined): void {
  const opname = row?.cells.find((cell) => cell?.instr)?.instr?.opname;
  if (opname) footer.textContent = docs.line(opname);
  else footer.textContent = roots.length > 0 ? 'Hover an opname for its documentation; click an instruction to select its source.' : '';
  footer.hidden = footer.textContent === '';
}

function goToOffset(from: BcRow, sideIndex: number, offset: number): void {
  const target = from.cells[sideIndex]?.info.rowsByOffset.get(offset);
  if (!target) return;
  tree.select(target, { reveal: true, notify: true, align: 'auto' });
  tree.setMarks('flash', new Set([target.key]));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => tree.setMarks('flash', new Set()), 1500);
}

function activate(row: BcRow, sideIndex: number): void {
  const cell = row.cells[sideIndex] ?? row.cells.find((c) => c !== undefined);
  const range = cell?.instr?.range ?? (row.kind === 'code' ? cell?.info.code.range : undefined);
  if (range) select(range);
}

function select(range: Range): void {
  if (!shown) return;
  echo = range;
  post({ type: 'selectRange', uri: shown.doc.uri, range });
}

function onCursor(uri: string, position: Position): void {
  // Against the listing shown, which can still be the previous document's while the next one compiles.
  if (!shown || uri !== shown.doc.uri) return;
  const same = (p: Position) => p.line === position.line && p.character === position.character;
  const wasEcho = echo !== undefined && (same(echo.start) || same(echo.end));
  echo = undefined;
  cursor = position;
  const covering = rowsCovering(roots, position.line, position.character);
  covering.forEach((row) => tree.expandTo(row));
  tree.setMarks('cursor', new Set(covering.map((row) => row.key)));
  // After a click in the view, the editor's echo must not scroll the list away from the clicked row.
  if (covering.length > 0 && !wasEcho) tree.reveal(covering[0], 'auto');
}

function post(message: BytecodeViewMessage): void {
  api.post(message);
}

function scheduleSave(): void {
  if (saveTimer !== undefined) return;
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    state = { uri: treeUri, tree: tree.getState() };
    api.saveState(state);
  }, 100);
}
