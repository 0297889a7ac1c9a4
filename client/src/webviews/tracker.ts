// Which Python document the views show. Both views follow the active editor when it holds a Python file the server
// syncs (file or untitled), and keep the last one while focus is elsewhere (in a webview, the Output panel, a
// Markdown file), until that document closes.
import * as vscode from 'vscode';

export function isFollowable(document: vscode.TextDocument): boolean {
  return document.languageId === 'python' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

export interface CursorMove {
  readonly document: vscode.TextDocument;
  readonly selection: vscode.Selection;
}

export class PythonEditorTracker implements vscode.Disposable {
  private current: vscode.TextDocument | undefined;
  private lastColumn: vscode.ViewColumn | undefined;
  private readonly switched = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  private readonly edited = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly moved = new vscode.EventEmitter<CursorMove>();
  private readonly disposables: vscode.Disposable[];

  /** The followed document changed (undefined: there is none). */
  readonly onDidChangeDocument = this.switched.event;
  /** The followed document's text changed. */
  readonly onDidEdit = this.edited.event;
  /** The selection moved in an editor showing the followed document. */
  readonly onDidMoveCursor = this.moved.event;

  constructor() {
    const active = vscode.window.activeTextEditor;
    const initial = active && isFollowable(active.document) ? active : vscode.window.visibleTextEditors.find((e) => isFollowable(e.document));
    this.current = initial?.document;
    this.lastColumn = initial?.viewColumn;
    this.disposables = [
      this.switched,
      this.edited,
      this.moved,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isFollowable(editor.document)) this.follow(editor.document, editor.viewColumn);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document !== this.current) return;
        this.lastColumn = e.textEditor.viewColumn ?? this.lastColumn;
        this.moved.fire({ document: e.textEditor.document, selection: e.selections[0] ?? e.textEditor.selection });
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.current && e.contentChanges.length > 0) this.edited.fire(e.document);
      }),
      // A document also "closes" when its language changes; a file that becomes Python opens again.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (vscode.window.activeTextEditor?.document === document && isFollowable(document)) this.follow(document, vscode.window.activeTextEditor.viewColumn);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document !== this.current) return;
        const next = vscode.window.visibleTextEditors.find((e) => e.document !== document && isFollowable(e.document));
        this.follow(next?.document, next?.viewColumn);
      }),
    ];
  }

  get document(): vscode.TextDocument | undefined {
    return this.current;
  }

  /** The column the followed document was last seen in, for opening it again. */
  get column(): vscode.ViewColumn | undefined {
    return this.lastColumn;
  }

  /** A visible editor showing the followed document, the active one first. */
  editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && active.document === this.current) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document === this.current);
  }

  private follow(document: vscode.TextDocument | undefined, column: vscode.ViewColumn | undefined): void {
    if (column !== undefined) this.lastColumn = column;
    if (document === this.current) return;
    this.current = document;
    this.switched.fire(document);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
