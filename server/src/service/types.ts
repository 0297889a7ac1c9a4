// Shapes shared across the pure service. LSP types are plain data (vscode-languageserver-types), not a connection.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Tree } from '../parsing/treeSitter';

/** Anything with LSP's cancellation shape; the service checks it between units of work. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const neverCancelled: CancellationToken = { isCancellationRequested: false };

/** A document and the tree-sitter tree of exactly its current text. */
export interface SourceFile {
  readonly uri: string;
  readonly document: TextDocument;
  readonly tree: Tree;
  /** How this snapshot differs from the one before it, when it came from an incremental edit (lets analyses reuse). */
  readonly change?: DocumentChange;
}

/**
 * One incremental step between snapshots: `[start, oldEnd)` of the previous text became `[start, newEnd)` of this one,
 * and outside that span the text and the syntax tree are the same (the span covers tree-sitter's changed ranges too).
 */
export interface DocumentChange {
  /** The tree of the previous snapshot: an identity to compare with, never to use (it has been deleted). */
  readonly previousTree: object;
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
  /** How many '\n' (tree-sitter rows) the step added; negative when it removed some. */
  readonly rowDelta: number;
  /** The step before this one, so a consumer that skipped snapshots can combine them (a short, bounded chain). */
  readonly previous?: DocumentChange;
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

/** A text replacement in UTF-16 offsets of the document the finding was computed on. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}
