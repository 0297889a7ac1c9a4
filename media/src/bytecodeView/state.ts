// The bytecode view's saved state: the listing's expansion, selection and scroll, for one document.
import type { TreeListState } from '../shared/treeList';
import { readNumber, readRecord, readStrings } from '../shared/vscodeApi';

export interface BytecodeViewState {
  readonly uri?: string;
  readonly tree: TreeListState;
}

export function readBytecodeState(saved: unknown): BytecodeViewState {
  const record = readRecord(saved);
  const tree = readRecord(record.tree);
  return {
    uri: typeof record.uri === 'string' ? record.uri : undefined,
    tree: {
      expanded: readStrings(tree.expanded),
      collapsed: readStrings(tree.collapsed),
      selected: typeof tree.selected === 'string' ? tree.selected : undefined,
      scrollTop: Math.max(0, readNumber(tree.scrollTop, 0)),
    },
  };
}
