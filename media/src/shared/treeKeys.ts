// The tree's keyboard, as in VS Code's own trees: ↑/↓ move, ←/→ collapse/expand (or go to the parent/first child),
// Home/End, PageUp/PageDown, Enter or Space activates (selects in the editor), `*` expands everything below, and
// Shift+F10 or the ContextMenu key opens the row's actions. Moving never activates.
import type { TreeList, TreeNode } from './treeList';

export interface TreeKeyActions<N> {
  onActivate?(node: N): void;
  onContextMenu?(node: N, x: number, y: number): void;
}

/** Handles `event` on `tree`; returns whether it was one of the tree's keys. */
export function handleTreeKey<N extends TreeNode>(tree: TreeList<N>, event: KeyboardEvent, actions: TreeKeyActions<N>): boolean {
  const index = tree.selectedIndex;
  const row = tree.rowAtIndex(index);
  const moveTo = (target: number) => {
    const next = tree.rowAtIndex(Math.max(0, Math.min(tree.visibleRowCount - 1, target)));
    if (next) tree.select(next.node, { reveal: true, notify: true });
  };
  switch (event.key) {
    case 'ArrowDown': moveTo(index + 1); return true;
    case 'ArrowUp': moveTo(index < 0 ? 0 : index - 1); return true;
    case 'Home': moveTo(0); return true;
    case 'End': moveTo(tree.visibleRowCount - 1); return true;
    case 'PageDown': moveTo(index + tree.list.pageSize()); return true;
    case 'PageUp': moveTo(index - tree.list.pageSize()); return true;
    case 'ArrowRight':
      if (row?.expandable && !row.expanded) tree.setExpanded(row.node, true);
      else if (row?.expandable) moveTo(index + 1);
      return true;
    case 'ArrowLeft':
      if (row?.expanded) tree.setExpanded(row.node, false);
      else if (row?.node.parent) tree.select(row.node.parent as N, { reveal: true, notify: true });
      return true;
    case 'Enter':
    case ' ':
      if (row) actions.onActivate?.(row.node);
      return true;
    case '*':
      if (row) tree.expandAllBelow(row.node);
      return true;
    case 'ContextMenu':
    case 'F10': {
      if (!row || (event.key === 'F10' && !event.shiftKey)) return false;
      const rect = tree.list.rowElement(index)?.getBoundingClientRect();
      actions.onContextMenu?.(row.node, rect ? rect.left + 24 : 0, rect ? rect.bottom : 0);
      return true;
    }
    default:
      return false;
  }
}
