// A list of fixed-height rows of which only the visible ones (plus a margin) exist in the DOM, so a tree or listing
// of a hundred thousand rows costs the same to scroll as one of fifty. Row elements are recycled; the owner fills
// them in `renderRow` on every refresh.

export interface VirtualListOptions {
  readonly rowHeight: number;
  /** Rows rendered above and below the viewport. */
  readonly overscan?: number;
  readonly className?: string;
  renderRow(index: number, row: HTMLElement): void;
  onScroll?(): void;
}

export type ScrollAlign = 'nearest' | 'center' | 'auto';

export class VirtualList {
  /** The scroll container. */
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private readonly rows: HTMLDivElement[] = [];
  private count = 0;
  private first = 0;
  private pending = false;

  constructor(private readonly options: VirtualListOptions) {
    this.element = document.createElement('div');
    this.element.className = `vlist ${options.className ?? ''}`;
    this.canvas = document.createElement('div');
    this.canvas.className = 'vlist-canvas';
    this.element.appendChild(this.canvas);
    this.element.addEventListener('scroll', () => {
      this.schedule();
      options.onScroll?.();
    });
    // A resize changes how many rows fit; the webview panel is resized by the user at any time.
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  get rowCount(): number {
    return this.count;
  }

  get scrollTop(): number {
    return this.element.scrollTop;
  }

  set scrollTop(value: number) {
    this.element.scrollTop = value;
    this.refresh();
  }

  setCount(count: number): void {
    this.count = count;
    this.canvas.style.height = `${count * this.options.rowHeight}px`;
    this.refresh();
  }

  /** Re-renders the visible rows now. */
  refresh(): void {
    const { rowHeight } = this.options;
    const overscan = this.options.overscan ?? 10;
    // A hidden panel has no height yet; render a screenful so the first show is not empty.
    const height = this.element.clientHeight || 800;
    const first = Math.max(0, Math.floor(this.element.scrollTop / rowHeight) - overscan);
    const last = Math.min(this.count, Math.ceil((this.element.scrollTop + height) / rowHeight) + overscan);
    const needed = Math.max(0, last - first);
    while (this.rows.length < needed) {
      const row = document.createElement('div');
      this.rows.push(row);
      this.canvas.appendChild(row);
    }
    while (this.rows.length > needed) this.rows.pop()?.remove();
    this.first = first;
    this.rows.forEach((row, i) => {
      const index = first + i;
      row.style.transform = `translateY(${index * rowHeight}px)`;
      row.dataset.index = String(index);
      this.options.renderRow(index, row);
    });
  }

  /** The DOM element of row `index` if it is rendered. */
  rowElement(index: number): HTMLElement | undefined {
    return this.rows[index - this.first];
  }

  /**
   * Scrolls so row `index` is visible: `nearest` moves as little as possible (keyboard moves), `center` centres it,
   * `auto` leaves a visible row alone and centres one that is off screen (jumps from the editor or a search).
   */
  scrollToIndex(index: number, align: ScrollAlign = 'nearest'): void {
    const { rowHeight } = this.options;
    const height = this.element.clientHeight || 800;
    const top = index * rowHeight;
    const current = this.element.scrollTop;
    const visible = top >= current && top + rowHeight <= current + height;
    let target = current;
    if (align === 'center' || (align === 'auto' && !visible)) target = top - (height - rowHeight) / 2;
    else if (top < current) target = top;
    else if (top + rowHeight > current + height) target = top + rowHeight - height;
    target = Math.max(0, target);
    if (target !== current) this.element.scrollTop = target;
    this.refresh();
  }

  /** How many whole rows fit in the viewport (for PageUp/PageDown). */
  pageSize(): number {
    return Math.max(1, Math.floor((this.element.clientHeight || 800) / this.options.rowHeight) - 1);
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.refresh();
    });
  }
}
