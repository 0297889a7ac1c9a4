// A keyboard-navigable, virtualised tree (role=tree) over any nodes with keys, parents and children. Expansion is
// remembered by key (not by object), so a re-parse that keeps a node's key keeps it open; keys the user never
// touched follow `defaultExpanded`. The owner renders each row's content; this class owns selection, twisties,
// ARIA and the keys of treeKeys.ts.
import { handleTreeKey } from './treeKeys';
import { VirtualList, type ScrollAlign } from './virtualList';

export interface TreeNode {
  readonly key: string;
  readonly parent: TreeNode | undefined;
  readonly children: readonly TreeNode[];
}

export interface FlatRow<N> {
  readonly node: N;
  readonly depth: number;
  readonly expandable: boolean;
  readonly expanded: boolean;
}

export interface TreeListState {
  readonly expanded: readonly string[];
  readonly collapsed: readonly string[];
  readonly selected?: string;
  readonly scrollTop: number;
}

export interface TreeListOptions<N extends TreeNode> {
  readonly label: string;
  readonly rowHeight: number;
  /** Children after the owner's filters. */
  visibleChildren(node: N): readonly N[];
  defaultExpanded(node: N, depth: number): boolean;
  /** Fills `content` (already empty) for `row`; the twisty and indentation are done. */
  renderRow(row: FlatRow<N>, content: HTMLElement): void;
  /** A click inside a row: return true when the owner handled it (a link in the row, say). */
  onRowClick?(row: FlatRow<N>, event: MouseEvent): boolean;
  /** Click or Enter on a row. */
  onActivate?(node: N): void;
  onSelect?(node: N | undefined): void;
  onContextMenu?(node: N, x: number, y: number): void;
  /** Expansion, selection or scroll changed: a moment to save state. */
  onChange?(): void;
  /** Extra keys; return true when handled. */
  onKey?(event: KeyboardEvent, node: N | undefined): boolean;
}

const MAX_SAVED_KEYS = 5000;
let treeCount = 0;

export class TreeList<N extends TreeNode> {
  readonly list: VirtualList;
  private roots: readonly N[] = [];
  private rows: FlatRow<N>[] = [];
  private indexByKey = new Map<string, number>();
  private readonly expanded = new Set<string>();
  private readonly collapsed = new Set<string>();
  private selectedKey: string | undefined;
  /** Named sets of keys shown as `mark-<name>` classes on their rows (search matches, cursor highlights). */
  private readonly marks = new Map<string, ReadonlySet<string>>();
  private readonly activeId = `tree${++treeCount}-active`;

  constructor(private readonly options: TreeListOptions<N>) {
    this.list = new VirtualList({
      rowHeight: options.rowHeight,
      className: 'tree',
      renderRow: (index, element) => this.renderRow(index, element),
      onScroll: () => options.onChange?.(),
    });
    const element = this.list.element;
    element.tabIndex = 0;
    element.setAttribute('role', 'tree');
    element.setAttribute('aria-label', options.label);
    element.addEventListener('keydown', (event) => this.onKeyDown(event));
    element.addEventListener('click', (event) => this.onClick(event));
    element.addEventListener('contextmenu', (event) => {
      const row = this.rowAt(event.target);
      if (!row) return;
      event.preventDefault();
      this.select(row.node, { reveal: false });
      options.onContextMenu?.(row.node, event.clientX, event.clientY);
    });
    // Tabbing in selects the first row so the arrows have a start. Not on a mouse press: re-rendering the rows
    // between mousedown and mouseup would retarget the click away from the twisty or link under the pointer.
    let pointerDown = false;
    element.addEventListener('mousedown', () => (pointerDown = true));
    document.addEventListener('mouseup', () => (pointerDown = false));
    element.addEventListener('focus', () => {
      if (!pointerDown && this.selectedKey === undefined && this.rows.length > 0) this.select(this.rows[0].node, { reveal: true });
    });
  }

  get element(): HTMLElement {
    return this.list.element;
  }

  get selected(): N | undefined {
    const index = this.selectedKey === undefined ? undefined : this.indexByKey.get(this.selectedKey);
    return index === undefined ? undefined : this.rows[index].node;
  }

  get visibleRowCount(): number {
    return this.rows.length;
  }

  setRoots(roots: readonly N[]): void {
    this.roots = roots;
    this.reflow();
  }

  /** Recomputes the visible rows (after expansion or filter changes) and re-renders. */
  reflow(): void {
    const rows: FlatRow<N>[] = [];
    const stack: { node: N; depth: number }[] = [];
    for (let i = this.roots.length - 1; i >= 0; i--) stack.push({ node: this.roots[i], depth: 0 });
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      const children = this.options.visibleChildren(node);
      const expanded = children.length > 0 && this.isExpanded(node, depth);
      rows.push({ node, depth, expandable: children.length > 0, expanded });
      if (expanded) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
    }
    this.rows = rows;
    this.indexByKey = new Map(rows.map((row, index) => [row.node.key, index]));
    this.list.setCount(rows.length);
  }

  setMarks(name: string, keys: ReadonlySet<string>): void {
    this.marks.set(name, keys);
    this.list.refresh();
  }

  isExpanded(node: N, depth: number): boolean {
    return this.expanded.has(node.key) || (!this.collapsed.has(node.key) && this.options.defaultExpanded(node, depth));
  }

  setExpanded(node: N, expand: boolean): void {
    (expand ? this.expanded : this.collapsed).add(node.key);
    (expand ? this.collapsed : this.expanded).delete(node.key);
    this.reflow();
    this.options.onChange?.();
  }

  /** `*`: opens `node` and everything under it (through the visible children, so filtered rows stay hidden). */
  expandAllBelow(node: N): void {
    const stack: N[] = [node];
    while (stack.length > 0) {
      const current = stack.pop()!;
      const children = this.options.visibleChildren(current);
      if (children.length === 0) continue;
      this.expanded.add(current.key);
      this.collapsed.delete(current.key);
      stack.push(...children);
    }
    this.reflow();
    this.options.onChange?.();
  }

  /** Opens `node`'s ancestors so its row is visible (under the current filters). */
  expandTo(node: N): void {
    const ancestors: N[] = [];
    for (let parent = node.parent as N | undefined; parent; parent = parent.parent as N | undefined) ancestors.unshift(parent);
    let opened = false;
    for (const [depth, parent] of ancestors.entries()) {
      if (this.isExpanded(parent, depth)) continue;
      this.expanded.add(parent.key);
      this.collapsed.delete(parent.key);
      opened = true;
    }
    if (opened) this.reflow();
  }

  /** Selects `node`, opening its ancestors; `notify` calls onSelect (not onActivate). */
  select(node: N, how: { reveal: boolean; notify?: boolean; align?: ScrollAlign }): void {
    this.expandTo(node);
    this.selectedKey = node.key;
    const index = this.indexByKey.get(node.key);
    if (how.reveal && index !== undefined) this.list.scrollToIndex(index, how.align ?? 'nearest');
    else this.list.refresh();
    if (how.notify) this.options.onSelect?.(node);
    this.options.onChange?.();
  }

  /** Scrolls `node`'s row into view if it is visible. */
  reveal(node: N, align: ScrollAlign = 'nearest'): void {
    const index = this.indexByKey.get(node.key);
    if (index !== undefined) this.list.scrollToIndex(index, align);
  }

  getState(): TreeListState {
    return {
      expanded: [...this.expanded].slice(0, MAX_SAVED_KEYS),
      collapsed: [...this.collapsed].slice(0, MAX_SAVED_KEYS),
      selected: this.selectedKey,
      scrollTop: Math.round(this.list.scrollTop),
    };
  }

  /** Restores saved expansion and selection; call before setRoots, then restoreScroll after it. */
  restoreState(state: TreeListState): void {
    this.expanded.clear();
    this.collapsed.clear();
    state.expanded.forEach((key) => this.expanded.add(key));
    state.collapsed.forEach((key) => this.collapsed.add(key));
    this.selectedKey = state.selected;
  }

  restoreScroll(scrollTop: number): void {
    this.list.scrollTop = scrollTop;
  }

  private renderRow(index: number, element: HTMLElement): void {
    const row = this.rows[index];
    if (!row) return;
    const selected = row.node.key === this.selectedKey;
    const classes = ['row'];
    if (selected) classes.push('selected');
    for (const [name, keys] of this.marks) if (keys.has(row.node.key)) classes.push(`mark-${name}`);
    element.className = classes.join(' ');
    element.dataset.key = row.node.key;
    element.setAttribute('role', 'treeitem');
    element.setAttribute('aria-level', String(row.depth + 1));
    element.setAttribute('aria-selected', String(selected));
    if (row.expandable) element.setAttribute('aria-expanded', String(row.expanded));
    else element.removeAttribute('aria-expanded');
    if (selected) {
      element.id = this.activeId;
      this.element.setAttribute('aria-activedescendant', this.activeId);
    } else if (element.id === this.activeId) {
      element.removeAttribute('id');
    }
    element.style.paddingLeft = `${row.depth * 14 + 4}px`;
    const twisty = document.createElement('span');
    twisty.className = row.expandable ? (row.expanded ? 'twisty open' : 'twisty closed') : 'twisty';
    twisty.setAttribute('aria-hidden', 'true');
    const content = document.createElement('span');
    content.className = 'content';
    element.replaceChildren(twisty, content);
    this.options.renderRow(row, content);
  }

  private rowAt(target: EventTarget | null): FlatRow<N> | undefined {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
    return element ? this.rows[Number(element.dataset.index)] : undefined;
  }

  private onClick(event: MouseEvent): void {
    const row = this.rowAt(event.target);
    if (!row) return;
    if (event.target instanceof Element && event.target.classList.contains('twisty') && row.expandable) {
      this.setExpanded(row.node, !row.expanded);
      return;
    }
    if (this.options.onRowClick?.(row, event)) return;
    this.select(row.node, { reveal: false, notify: true });
    this.options.onActivate?.(row.node);
  }

  /** The selected row's index in the visible rows, or -1. */
  get selectedIndex(): number {
    return this.selectedKey === undefined ? -1 : (this.indexByKey.get(this.selectedKey) ?? -1);
  }

  rowAtIndex(index: number): FlatRow<N> | undefined {
    return this.rows[index];
  }

  private onKeyDown(event: KeyboardEvent): void {
    const row = this.rowAtIndex(this.selectedIndex);
    if (this.options.onKey?.(event, row?.node) || handleTreeKey(this, event, { onActivate: this.options.onActivate, onContextMenu: this.options.onContextMenu })) {
      event.preventDefault();
    }
  }
}
