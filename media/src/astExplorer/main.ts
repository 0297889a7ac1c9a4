// The AST explorer webview: CPython's ast or the tree-sitter CST of the active editor, with two-way selection
// sync. Entry point of dist/media/astExplorer.js.
import type { AstHostMessage, AstSource, AstViewMessage, DocumentStamp } from '../../../client/src/webviews/messages';
import type { Position, PythonAstResult, Range, SyntaxTreeResult } from '../../../server/src/protocol';
import { showContextMenu } from '../shared/contextMenu';
import { h, span } from '../shared/dom';
import { interpreterBadge, plainNotice, renderFailure, syntaxErrorNotice, unavailableNotice } from '../shared/status';
import { TreeList } from '../shared/treeList';
import { connectToHost, onHostMessage } from '../shared/vscodeApi';
import { innermostAt, isSmall, rowsFromPythonAst, rowsFromSyntaxTree, type AstRow } from './model';
import { renderAstRow } from './rowView';
import { findMatches, SearchCursor } from './search';
import { defaultAstState, readAstState, type AstFilters, type AstViewState } from './state';
import { createToolbar } from './toolbar';

type Result = { readonly kind: 'python'; readonly result: PythonAstResult } | { readonly kind: 'treeSitter'; readonly result: SyntaxTreeResult };
interface Shown {
  readonly doc: DocumentStamp;
  readonly data: Result;
  root?: AstRow;
}

const api = connectToHost<AstViewMessage, AstViewState>(readAstState);
let state: AstViewState = api.loadState();
const results: Partial<Record<AstSource, Shown>> = {};
let doc: DocumentStamp | undefined;
let root: AstRow | undefined;
let smallTree = false;
/** Which source's tree, for which document, the TreeList holds now (its expansion belongs to them). */
let treeOwner: string | undefined;
let loading: AstSource | undefined;
/** The range we just asked the editor to select: the cursor echo it causes must not move our selection. */
let echo: Range | undefined;
/** A source we asked the host for and have not heard about yet; until then, results for the other source wait. */
let requested: AstSource | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

const header = h('div', { className: 'header' });
const notices = h('div', { className: 'notices' });
const search = new SearchCursor();
const tree = new TreeList<AstRow>({
  label: 'Syntax tree',
  rowHeight: 22,
  visibleChildren,
  // Small files open fully; big ones show the module's statements and their fields.
  defaultExpanded: (_row, depth) => depth < (smallTree ? 64 : 3),
  renderRow: (row, content) => renderAstRow(row, content, state.filters),
  onActivate: (row) => selectInEditor(row),
  onSelect: () => updateActions(),
  onContextMenu: (row, x, y) => showContextMenu([
    { label: 'Copy as ast.dump', disabled: row.nodeId === undefined, run: () => copyDump(row) },
    { label: 'Copy node path', run: () => copyPath(row) },
    { label: 'Expand all below', disabled: row.children.length === 0, run: () => tree.expandAllBelow(row) },
  ], x, y),
  onChange: () => scheduleSave(),
});
const toolbar = createToolbar(state, {
  setSource,
  search: (query) => runSearch(query, true),
  step: (delta) => revealMatch(search.step(delta)),
  setFilters,
  copyDump: () => tree.selected && copyDump(tree.selected),
  copyPath: () => tree.selected && copyPath(tree.selected),
});

const app = h('div', { className: 'app ast-explorer' }, header, toolbar.element, notices, tree.element);
document.getElementById('root')?.append(app);
toolbar.showSource(state.source);
updateActions();
renderHeader();
onHostMessage<AstHostMessage>(handle, (error) => notices.replaceChildren(renderFailure(error)));
api.post({ type: 'ready' });
if (state.source !== 'python') {
  requested = state.source;
  api.post({ type: 'setSource', source: state.source });
}

function visibleChildren(row: AstRow): readonly AstRow[] {
  const { hideCtx, hideEmpty } = state.filters;
  if (!hideCtx && !hideEmpty) return row.children;
  return row.children.filter((child) => !(hideCtx && child.isCtx) && !(hideEmpty && child.empty));
}

function handle(message: AstHostMessage): void {
  switch (message.type) {
    case 'noEditor':
      doc = undefined;
      delete results.python;
      delete results.treeSitter;
      loading = undefined;
      show();
      return;
    case 'loading':
      loading = message.source;
      doc = message.doc;
      if (followHost(message.source)) show();
      else renderHeader();
      return;
    case 'pythonAst':
      accept('python', message.doc, { kind: 'python', result: message.result });
      return;
    case 'syntaxTree':
      accept('treeSitter', message.doc, { kind: 'treeSitter', result: message.result });
      return;
    case 'cursor':
      onCursor(message.uri, message.position);
      return;
  }
}

function accept(source: AstSource, stamp: DocumentStamp, data: Result): void {
  const previous = results[source];
  // Answers can overtake each other: never replace a newer version of the same document with an older one.
  if (previous && previous.doc.uri === stamp.uri && previous.doc.version > stamp.version) return;
  results[source] = { doc: stamp, data };
  if (loading === source) loading = undefined;
  doc = stamp;
  followHost(source);
  if (source === state.source) show();
  else renderHeader();
}

/**
 * The host remembers the source too (per workspace). When it sends one we did not ask for, it knows better (a
 * fresh page, another window changed it): show that one. Returns whether the shown source changed.
 */
function followHost(source: AstSource): boolean {
  if (requested === source) requested = undefined;
  if (requested !== undefined || source === state.source) return false;
  if (treeOwner) saveTreeState(state.source);
  state = { ...state, source };
  toolbar.showSource(source);
  scheduleSave();
  return true;
}

function show(): void {
  const shown = results[state.source];
  notices.replaceChildren();
  root = undefined;
  if (!doc) {
    notices.append(plainNotice('Open a Python file to see its syntax tree.'));
  } else if (!shown) {
    notices.append(plainNotice(state.source === 'python' ? 'Parsing with CPython…' : 'Parsing…'));
  } else if (shown.data.result.kind === 'ok') {
    shown.root ??= shown.data.kind === 'python' ? rowsFromPythonAst(shown.data.result.root) : rowsFromSyntaxTree(shown.data.result.root);
    root = shown.root;
  } else if (shown.data.result.kind === 'syntaxError') {
    const error = shown.data.result;
    notices.append(syntaxErrorNotice(error, () => shown && post({ type: 'selectRange', uri: shown.doc.uri, range: error.range }), [switchToCst()]));
  } else if (shown.data.kind === 'python' && shown.data.result.kind === 'unavailable') {
    notices.append(unavailableNotice(shown.data.result, () => post({ type: 'openSettings' }), [switchToCst()]));
  } else {
    notices.append(plainNotice(shown.data.result.message, 'notice-warning'));
  }
  smallTree = root !== undefined && isSmall(root, 400);
  attachTree(shown);
  renderHeader();
  runSearch(state.search, false);
  updateActions();
}

function switchToCst() {
  return { label: 'Show the tree-sitter tree', run: () => setSource('treeSitter') };
}

/** Gives the tree its rows, restoring the saved expansion and scroll when the tree changes owner. */
function attachTree(shown: Shown | undefined): void {
  const owner = root && shown ? `${state.source} ${shown.doc.uri}` : undefined;
  if (owner === treeOwner) {
    tree.setRoots(root ? [root] : []);
    return;
  }
  if (treeOwner) saveTreeState(treeOwner.split(' ')[0] as AstSource);
  treeOwner = owner;
  if (!root || !shown) {
    tree.setRoots([]);
    return;
  }
  if (state.uri !== shown.doc.uri) state = { ...state, uri: shown.doc.uri, trees: defaultAstState.trees };
  const saved = state.trees[state.source];
  tree.restoreState(saved);
  tree.setRoots([root]);
  tree.restoreScroll(saved.scrollTop);
  scheduleSave();
}

function saveTreeState(source: AstSource): void {
  if (treeOwner?.startsWith(`${source} `)) state = { ...state, trees: { ...state.trees, [source]: tree.getState() } };
}

function renderHeader(): void {
  const parts: (Node | string)[] = [];
  if (doc) parts.push(span(doc.label, 'doc-label'));
  const shown = results[state.source];
  const result = shown?.data.result;
  if (state.source === 'python' && result && 'interpreter' in result && result.interpreter) parts.push(interpreterBadge(result.interpreter));
  if (state.source === 'treeSitter') parts.push(span('tree-sitter', 'interpreter'));
  if (result?.kind === 'ok') {
    const truncated = 'truncated' in result && result.truncated ? ' (truncated)' : '';
    parts.push(span(`${result.nodeCount.toLocaleString('en-US')} nodes${truncated}`, 'muted'));
  }
  if (loading === state.source) parts.push(span('updating…', 'muted loading'));
  header.replaceChildren(...parts);
}

function onCursor(uri: string, position: Position): void {
  // Against the tree shown, which can still be the previous document's while the next one loads.
  if (!root || uri !== results[state.source]?.doc.uri) return;
  if (echo && (same(position, echo.start) || same(position, echo.end))) {
    echo = undefined;
    return;
  }
  echo = undefined;
  const row = innermostAt(root, position.line, position.character);
  if (row) tree.select(row, { reveal: true, align: 'auto' });
  updateActions();
}

function same(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

function selectInEditor(row: AstRow): void {
  updateActions();
  const shown = results[state.source];
  if (!row.range || !shown) return;
  echo = row.range;
  post({ type: 'selectRange', uri: shown.doc.uri, range: row.range });
}

function copyDump(row: AstRow): void {
  const shown = results[state.source];
  if (row.nodeId === undefined || !shown) return;
  post({ type: 'copyAstDump', uri: shown.doc.uri, version: shown.doc.version, nodeId: row.nodeId });
}

function copyPath(row: AstRow): void {
  post({ type: 'copyText', text: row.key });
}

function updateActions(): void {
  const row = tree.selected;
  toolbar.enableActions(row?.nodeId !== undefined, row !== undefined);
}

function setSource(source: AstSource): void {
  if (source === state.source) return;
  if (treeOwner) saveTreeState(state.source);
  state = { ...state, source };
  toolbar.showSource(source);
  requested = source;
  post({ type: 'setSource', source });
  show();
  scheduleSave();
}

function setFilters(filters: AstFilters): void {
  state = { ...state, filters };
  tree.reflow();
  runSearch(state.search, false);
  scheduleSave();
}

function runSearch(query: string, reveal: boolean): void {
  state = { ...state, search: query };
  search.reset(root ? findMatches(root, query, visibleChildren) : []);
  tree.setMarks('match', search.keys);
  if (reveal) revealMatch(search.current);
  else toolbar.showSearchCount(search.position, search.count, query);
  scheduleSave();
}

function revealMatch(row: AstRow | undefined): void {
  toolbar.showSearchCount(search.position, search.count, state.search);
  tree.setMarks('current', new Set(row ? [row.key] : []));
  if (row) tree.select(row, { reveal: true, align: 'auto' });
  updateActions();
}

function post(message: AstViewMessage): void {
  api.post(message);
}

function scheduleSave(): void {
  if (saveTimer !== undefined) return;
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    saveTreeState(state.source);
    api.saveState(state);
  }, 100);
}
