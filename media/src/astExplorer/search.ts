// Search by node type or text (constants' reprs, CST leaf text), over the whole tree including collapsed parts,
// but not over rows the filters hide. Case-insensitive substring match, results in document order.
import type { AstRow } from './model';

export function findMatches(root: AstRow, query: string, visibleChildren: (row: AstRow) => readonly AstRow[]): AstRow[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const matches: AstRow[] = [];
  const stack: AstRow[] = [root];
  while (stack.length > 0) {
    const row = stack.pop()!;
    if (row.searchText.includes(needle)) matches.push(row);
    const children = visibleChildren(row);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return matches;
}

/** The match list and which one is current; `step` wraps around. */
export class SearchCursor {
  private matches: AstRow[] = [];
  private index = -1;
  keys: ReadonlySet<string> = new Set();

  get count(): number {
    return this.matches.length;
  }

  get position(): number {
    return this.index;
  }

  get current(): AstRow | undefined {
    return this.matches[this.index];
  }

  reset(matches: AstRow[]): void {
    this.matches = matches;
    this.index = matches.length > 0 ? 0 : -1;
    this.keys = new Set(matches.map((row) => row.key));
  }

  step(delta: 1 | -1): AstRow | undefined {
    if (this.matches.length === 0) return undefined;
    this.index = (this.index + delta + this.matches.length) % this.matches.length;
    return this.current;
  }
}
