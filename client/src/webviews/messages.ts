// The typed messages between the extension host and the two webviews (design.md §6), one union per direction per
// view. media/ imports these types only; the host imports them and the protocol types they carry.
import type {
  BytecodeOptions,
  BytecodeResult,
  OpcodeDocsResult,
  Position,
  PythonAstResult,
  Range,
  SyntaxTreeResult,
} from '../../../server/src/protocol';

/** Which document a result belongs to; the webview drops results older than the one it shows. */
export interface DocumentStamp {
  readonly uri: string;
  readonly version: number;
  /** The file name to show in the header. */
  readonly label: string;
}

/** What both pages understand: there is no Python editor to follow; the editor's cursor moved (select what covers it). */
export type SharedHostMessage =
  | { readonly type: 'noEditor' }
  | { readonly type: 'cursor'; readonly uri: string; readonly position: Position };

// ------------------------------------------------------------------------------------------------ AST explorer

export type AstSource = 'python' | 'treeSitter';

export type AstHostMessage =
  /** `cursor`: select the innermost node whose range contains it. */
  | SharedHostMessage
  | { readonly type: 'loading'; readonly doc: DocumentStamp; readonly source: AstSource }
  | { readonly type: 'pythonAst'; readonly doc: DocumentStamp; readonly result: PythonAstResult }
  | { readonly type: 'syntaxTree'; readonly doc: DocumentStamp; readonly result: SyntaxTreeResult };

export type AstViewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'setSource'; readonly source: AstSource }
  /** The user selected a node: the host selects `range` in the editor and reveals it. */
  | { readonly type: 'selectRange'; readonly uri: string; readonly range: Range }
  | { readonly type: 'copyAstDump'; readonly uri: string; readonly version: number; readonly nodeId: number }
  | { readonly type: 'copyText'; readonly text: string }
  | { readonly type: 'openSettings' };

// ------------------------------------------------------------------------------------------------ Bytecode view

export type BytecodeHostMessage =
  /** `cursor`: highlight the instructions whose positions cover it. */
  | SharedHostMessage
  | { readonly type: 'loading'; readonly doc: DocumentStamp }
  | {
      readonly type: 'bytecode';
      readonly doc: DocumentStamp;
      readonly result: BytecodeResult;
      /** The same text under a second interpreter, when comparing. */
      readonly compare?: BytecodeResult;
    }
  | { readonly type: 'opcodeDocs'; readonly result: OpcodeDocsResult }
  /** Interpreters the user can compare against (configured or found), by command. */
  | { readonly type: 'interpreters'; readonly current: string; readonly others: readonly string[]; readonly comparing?: string };

export type BytecodeViewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'setOptions'; readonly options: BytecodeOptions }
  | { readonly type: 'selectRange'; readonly uri: string; readonly range: Range }
  | { readonly type: 'compareWith'; readonly python: string | undefined }
  | { readonly type: 'copyText' }
  | { readonly type: 'openAsText' }
  | { readonly type: 'openSettings' };
