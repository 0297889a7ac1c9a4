// The AST explorer's toolbar: source switch, search with previous/next, filters, and the actions on the selection.
import type { AstSource } from '../../../client/src/webviews/messages';
import { button, checkbox, h, span } from '../shared/dom';
import type { AstFilters } from './state';

export interface ToolbarHandlers {
  setSource(source: AstSource): void;
  search(query: string): void;
  step(delta: 1 | -1): void;
  setFilters(filters: AstFilters): void;
  copyDump(): void;
  copyPath(): void;
}

export interface AstToolbar {
  readonly element: HTMLElement;
  showSource(source: AstSource): void;
  showSearchCount(position: number, count: number, query: string): void;
  /** Which selection actions apply to the selected row. */
  enableActions(dump: boolean, path: boolean): void;
}

export function createToolbar(initial: { source: AstSource; filters: AstFilters; search: string }, handlers: ToolbarHandlers): AstToolbar {
  let filters = initial.filters;
  const sourceButtons = {
    python: button('CPython ast', () => handlers.setSource('python'), { title: "The interpreter's ast.parse: what CPython compiles" }),
    treeSitter: button('tree-sitter', () => handlers.setSource('treeSitter'), { title: 'The tree-sitter concrete syntax tree: instant, no interpreter needed' }),
  };
  const sourceGroup = h('div', { className: 'segmented', attrs: { role: 'group', 'aria-label': 'Tree source' } }, sourceButtons.python, sourceButtons.treeSitter);

  const input = h('input', { className: 'search', attrs: { type: 'search', placeholder: 'Search type or text', 'aria-label': 'Search by node type or text' } });
  input.value = initial.search;
  input.addEventListener('input', () => handlers.search(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    handlers.step(event.shiftKey ? -1 : 1);
  });
  const count = span('', 'search-count');
  count.setAttribute('aria-live', 'polite');
  const prev = button('↑', () => handlers.step(-1), { title: 'Previous match (Shift+Enter)', attrs: { 'aria-label': 'Previous match' } });
  const next = button('↓', () => handlers.step(1), { title: 'Next match (Enter)', attrs: { 'aria-label': 'Next match' } });
  const searchGroup = h('div', { className: 'search-group' }, input, prev, next, count);

  const toggle = (label: string, key: keyof AstFilters, title: string) =>
    checkbox(label, filters[key], (value) => {
      filters = { ...filters, [key]: value };
      handlers.setFilters(filters);
    }, title);
  const positions = toggle('Hide positions', 'hidePositions', 'Hide [line:col–line:col] ranges');
  const empty = toggle('Hide empty', 'hideEmpty', 'Hide empty lists and None fields');
  const ctx = toggle('Hide ctx', 'hideCtx', 'Hide the ctx fields (Load, Store, Del)');
  const filterGroup = h('div', { className: 'filters', attrs: { role: 'group', 'aria-label': 'Filters' } }, positions.root, empty.root, ctx.root);

  const dump = button('Copy ast.dump', handlers.copyDump, { title: "ast.dump of the selected node, by the interpreter" });
  const path = button('Copy path', handlers.copyPath, { title: 'The selected node’s path, e.g. Module.body[2].value.func' });
  const actions = h('div', { className: 'actions', attrs: { role: 'group', 'aria-label': 'Selected node' } }, dump, path);

  const element = h('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'AST explorer' } }, sourceGroup, searchGroup, filterGroup, actions);

  return {
    element,
    showSource(source) {
      for (const [name, b] of Object.entries(sourceButtons)) b.setAttribute('aria-pressed', String(name === source));
      // ctx and empty fields are CPython ast notions; the CST has neither.
      empty.input.disabled = source !== 'python';
      ctx.input.disabled = source !== 'python';
    },
    showSearchCount(position, total, query) {
      count.textContent = query.trim() === '' ? '' : total === 0 ? 'No results' : `${position + 1} of ${total}`;
      prev.disabled = total === 0;
      next.disabled = total === 0;
    },
    enableActions(canDump, canPath) {
      dump.disabled = !canDump;
      path.disabled = !canPath;
    },
  };
}
