// The AST explorer's extension-host side (issue 5): a WebviewView in pyinsight's activity-bar container. It follows
// the Python editor, asks the server for CPython's ast (or the tree-sitter CST) after edits settle, tells the page
// where the cursor is, and selects what the page selects. Nothing is posted before the page says `ready`; a hidden
// view is torn down by VS Code and says `ready` again when shown, and gets the last result without a new request.
import * as vscode from 'vscode';
import { astDumpRequest, pythonAstRequest, syntaxTreeRequest } from '../../../server/src/protocol';
import { ask, copyToClipboard, openPythonPathSetting, pageHtml, selectSourceRange, stampOf, toPosition, toRange, unavailable, webviewOptions, type ViewDeps } from './host';
import { EchoGuard, parseAstViewMessage } from './incoming';
import type { AstHostMessage, AstSource, AstViewMessage } from './messages';
import type { CursorMove } from './tracker';
import { ViewHost } from './viewHost';

const SOURCE_KEY = 'pyinsight.astExplorer.source';
/** CPython's ast runs in a helper process; tree-sitter's tree is already in the server, so it can follow sooner. */
const DELAY_MS: Record<AstSource, number> = { python: 300, treeSitter: 100 };

interface Shown {
  /** uri, version, source and interpreter: equal keys mean the page already has this answer. */
  readonly key: string;
  /** uri, source and interpreter: a different subject, so the page should show it is loading. */
  readonly subject: string;
  readonly message: AstHostMessage;
}

export class AstExplorerProvider extends ViewHost<AstHostMessage> implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'pyinsight.astExplorer';
  private view: vscode.WebviewView | undefined;
  private source: AstSource;
  private shown: Shown | undefined;
  private readonly guard = new EchoGuard();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly deps: ViewDeps) {
    super();
    const saved = deps.context.workspaceState.get<unknown>(SOURCE_KEY);
    this.source = saved === 'treeSitter' ? 'treeSitter' : 'python';
    this.disposables = [
      deps.tracker.onDidChangeDocument(() => this.schedule(0)),
      deps.tracker.onDidEdit(() => this.schedule(DELAY_MS[this.source])),
      deps.tracker.onDidMoveCursor((move) => this.onCursor(move)),
      deps.resolver.onDidChange(() => {
        if (this.source === 'python') this.schedule(0);
      }),
    ];
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    this.shown = undefined;
    const extensionUri = this.deps.context.extensionUri;
    view.webview.options = webviewOptions(extensionUri);
    view.webview.html = pageHtml(view.webview, extensionUri, 'astExplorer', 'AST Explorer');
    const subscriptions = [
      view.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseAstViewMessage(raw);
        if (message) void this.onMessage(message);
        else this.deps.log.warn(`AST explorer: ignored a malformed message from the view: ${JSON.stringify(raw)?.slice(0, 200)}`);
      }),
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

  private async onMessage(message: AstViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        // The last answer at once; update() then finds it current (and only sends the cursor) or replaces it.
        if (this.shown) this.post(this.shown.message);
        this.schedule(0);
        return;
      }
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

  protected async update(): Promise<void> {
    if (!this.view || !this.ready) return;
    const document = this.deps.tracker.document;
    if (!document) {
      this.cancel();
      this.shown = undefined;
      this.post({ type: 'noEditor' });
      return;
    }
    const token = this.begin();
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

  private onCursor(move: CursorMove): void {
    if (this.guard.isEcho(move.document.uri.toString(), toRange(move.selection))) return;
    this.postCursor(move.selection.active, move.document.uri.toString());
  }

  private postCursor(position = this.deps.tracker.editor()?.selection.active, uri = this.deps.tracker.document?.uri.toString()): void {
    if (position && uri) this.post({ type: 'cursor', uri, position: toPosition(position) });
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
