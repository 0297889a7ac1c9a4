// The AST explorer's extension-host side (issue 5): a WebviewView in pyinsight's activity-bar container. It follows
// the Python editor, asks the server for CPython's ast (or the tree-sitter CST) after edits settle, tells the page
// where the cursor is, and selects what the page selects. Nothing is posted before the page says `ready`; a hidden
// view is torn down by VS Code and says `ready` again when shown, and gets the last result without a new request.
import * as vscode from 'vscode';
import { astDumpRequest, pythonAstRequest, syntaxTreeRequest } from '../../../server/src/protocol';
import { ask, copyToClipboard, openPythonPathSetting, selectSourceRange, stampOf, unavailable, type ViewDeps } from './host';
import { parseAstViewMessage } from './incoming';
import type { AstHostMessage, AstSource, AstViewMessage } from './messages';
import { ViewHost, type ShownAnswer } from './viewHost';

const SOURCE_KEY = 'pyinsight.astExplorer.source';
/** CPython's ast runs in a helper process; tree-sitter's tree is already in the server, so it can follow sooner. */
const DELAY_MS: Record<AstSource, number> = { python: 300, treeSitter: 100 };

/** key: uri, version, source and interpreter; subject: the same without the version. */
type Shown = ShownAnswer<AstHostMessage>;

export class AstExplorerProvider extends ViewHost<AstHostMessage, AstViewMessage, Shown> implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'pyinsight.astExplorer';
  private view: vscode.WebviewView | undefined;
  private source: AstSource;
  private readonly disposables: vscode.Disposable[];

  constructor(deps: ViewDeps) {
    super(deps, { script: 'astExplorer', title: 'AST Explorer', label: 'AST explorer', parse: parseAstViewMessage });
    const saved = deps.context.workspaceState.get<unknown>(SOURCE_KEY);
    this.source = saved === 'treeSitter' ? 'treeSitter' : 'python';
    this.disposables = [
      deps.tracker.onDidChangeDocument(() => this.schedule(0)),
      deps.tracker.onDidEdit(() => this.schedule(DELAY_MS[this.source])),
      deps.tracker.onDidMoveCursor((move) => this.followCursor(move)),
      deps.resolver.onDidChange(() => {
        if (this.source === 'python') this.schedule(0);
      }),
    ];
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const subscriptions = [
      this.load(view.webview),
      // Hidden, the page is destroyed; shown again, it reloads and says `ready`, and gets the last answer.
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.ready = false;
      }),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
        this.cancel();
        for (const s of subscriptions) s.dispose();
      }),
    ];
  }

  protected async onMessage(message: AstViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.pageReady();
      case 'setSource':
        if (message.source === this.source) return;
        this.source = message.source;
        await this.deps.context.workspaceState.update(SOURCE_KEY, message.source);
        this.schedule(0);
        return;
      case 'selectRange':
        return selectSourceRange(this.deps, this.guard, message.uri, message.range);
      case 'copyAstDump':
        return this.copyAstDump(message.uri, message.version, message.nodeId);
      case 'copyText':
        return copyToClipboard(message.text, 'the node path');
      case 'openSettings':
        await openPythonPathSetting();
        return;
    }
  }

  protected webview(): vscode.Webview | undefined {
    return this.view?.webview;
  }

  protected async render(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<void> {
    const doc = stampOf(document);
    const source = this.source;
    const choice = source === 'python' ? await this.deps.resolver.resolve(document.uri) : undefined;
    const python = choice?.kind === 'found' ? choice.command : '';
    const subject = `${doc.uri}#${source}#${python}`;
    const key = `${subject}@${doc.version}`;
    if (token.isCancellationRequested) return;
    if (this.shown?.key === key) return this.postCursor();
    if (this.shown?.subject !== subject) this.post({ type: 'loading', doc, source });
    let message: AstHostMessage | undefined;
    if (source === 'treeSitter') {
      const params = { textDocument: { uri: doc.uri }, includeAnonymous: false };
      const result = await ask(this.deps.client, syntaxTreeRequest, params, token, (text) => ({ kind: 'unavailable' as const, message: text }));
      message = result && { type: 'syntaxTree', doc, result };
    } else if (choice?.kind === 'missing') {
      message = { type: 'pythonAst', doc, result: unavailable(choice.message, 'noInterpreter') };
    } else {
      const result = await ask(this.deps.client, pythonAstRequest, { textDocument: { uri: doc.uri }, python }, token, (text) => unavailable(text));
      message = result && { type: 'pythonAst', doc, result };
    }
    if (!message || token.isCancellationRequested) return;
    this.shown = { key, subject, message };
    this.post(message);
    this.postCursor();
  }

  private async copyAstDump(uri: string, version: number, nodeId: number): Promise<void> {
    const document = this.deps.tracker.document;
    if (!document || document.uri.toString() !== uri) return;
    if (document.version !== version) {
      void vscode.window.showWarningMessage('The file changed since this tree was built: copy again once the tree has refreshed.');
      return;
    }
    const choice = await this.deps.resolver.resolve(document.uri);
    if (choice.kind === 'missing') {
      if ((await vscode.window.showWarningMessage(choice.message, 'Open Settings')) === 'Open Settings') await openPythonPathSetting();
      return;
    }
    const source = new vscode.CancellationTokenSource();
    const params = { textDocument: { uri }, python: choice.command, nodeId, includeAttributes: false };
    const result = await ask(this.deps.client, astDumpRequest, params, source.token, (text) => unavailable(text));
    source.dispose();
    if (result?.kind === 'ok') await copyToClipboard(result.text, `ast.dump (${result.interpreter.implementation} ${result.interpreter.version})`);
    else if (result) void vscode.window.showWarningMessage(`Could not copy ast.dump: ${result.message}`);
  }

  dispose(): void {
    this.stop();
    for (const d of this.disposables) d.dispose();
  }
}
