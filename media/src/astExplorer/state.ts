// The AST explorer's saved state (getState/setState), read defensively: a state saved by an older version of the
// view, or none at all, becomes the defaults.
import type { AstSource } from '../../../client/src/webviews/messages';
import type { TreeListState } from '../shared/treeList';
import { readBoolean, readNumber, readRecord, readString, readStrings } from '../shared/vscodeApi';

export interface AstFilters {
  readonly hidePositions: boolean;
  readonly hideEmpty: boolean;
  readonly hideCtx: boolean;
}

export interface AstViewState {
  readonly source: AstSource;
  readonly filters: AstFilters;
  readonly search: string;
  /** The document the trees' expansion belongs to; another document starts from the defaults. */
  readonly uri?: string;
  readonly trees: Readonly<Record<AstSource, TreeListState>>;
}

const emptyTree: TreeListState = { expanded: [], collapsed: [], scrollTop: 0 };

export const defaultAstState: AstViewState = {
  source: 'python',
  filters: { hidePositions: false, hideEmpty: false, hideCtx: false },
  search: '',
  trees: { python: emptyTree, treeSitter: emptyTree },
};

function readTree(value: unknown): TreeListState {
  const record = readRecord(value);
  const selected = record.selected;
  return {
    expanded: readStrings(record.expanded),
    collapsed: readStrings(record.collapsed),
    selected: typeof selected === 'string' ? selected : undefined,
    scrollTop: Math.max(0, readNumber(record.scrollTop, 0)),
  };
}

export function readAstState(saved: unknown): AstViewState {
  const record = readRecord(saved);
  const filters = readRecord(record.filters);
  const trees = readRecord(record.trees);
  return {
    source: record.source === 'treeSitter' ? 'treeSitter' : 'python',
    filters: {
      hidePositions: readBoolean(filters.hidePositions, false),
      hideEmpty: readBoolean(filters.hideEmpty, false),
      hideCtx: readBoolean(filters.hideCtx, false),
    },
    search: readString(record.search, '').slice(0, 200),
    uri: typeof record.uri === 'string' ? record.uri : undefined,
    trees: { python: readTree(trees.python), treeSitter: readTree(trees.treeSitter) },
  };
}
