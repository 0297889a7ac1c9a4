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
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

/** A text replacement in UTF-16 offsets of the document the finding was computed on. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}
