// The bytecode view's extension-host side (issue 5): one WebviewPanel beside the editor, re-targeted to whichever
// Python editor is active. It asks the server for the bytecode (and the same under a second interpreter when the
// page compares), sends each interpreter's opcode table once per page load, the cursor, and the interpreters the page
// may compare with; it selects what the page selects. The panel is restored after a window reload (serializer).
import * as vscode from 'vscode';
import { bytecodeRequest, opcodeDocsRequest, type BytecodeOptions } from '../../../server/src/protocol';
import { bytecodeListing, type ShownBytecode } from './bytecodeListing';
import { ask, copyToClipboard, openPythonPathSetting, selectSourceRange, stampOf, unavailable, webviewOptions, type ViewDeps } from './host';
import { isBytecodeOptions, parseBytecodeViewMessage } from './incoming';
import type { BytecodeHostMessage, BytecodeViewMessage } from './messages';
import { ViewHost, type ShownAnswer } from './viewHost';

const OPTIONS_KEY = 'pyinsight.bytecode.options';
const DEFAULT_OPTIONS: BytecodeOptions = { optimize: 0, showCaches: false, adaptive: false };
const EDIT_DELAY_MS = 300;

type Shown = ShownBytecode & ShownAnswer<BytecodeHostMessage>;

export class BytecodePanel extends ViewHost<BytecodeHostMessage, BytecodeViewMessage, Shown> implements vscode.WebviewPanelSerializer, vscode.Disposable {
  static readonly viewType = 'pyinsight.bytecode';
  private panel: vscode.WebviewPanel | undefined;
  private options: BytecodeOptions;
  private comparing: string | undefined;
  private offered: readonly string[] = [];
  private lastInterpreters = '';
  private readonly docsSent = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(deps: ViewDeps) {
    super(deps, { script: 'bytecodeView', title: 'Bytecode', label: 'Bytecode view', parse: parseBytecodeViewMessage });
    const saved = deps.context.workspaceState.get<unknown>(OPTIONS_KEY);
    this.options = isBytecodeOptions(saved) ? saved : DEFAULT_OPTIONS;
    this.disposables = [
      deps.tracker.onDidChangeDocument(() => this.schedule(0)),
      deps.tracker.onDidEdit(() => this.schedule(EDIT_DELAY_MS)),
      deps.tracker.onDidMoveCursor((move) => this.followCursor(move)),
      deps.resolver.onDidChange(() => {
        this.docsSent.clear();
        this.schedule(0);
      }),
    ];
  }

  /** `pyinsight.showBytecode`: the one panel, beside the editor, focus staying in the editor. */
  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(BytecodePanel.viewType, 'Bytecode', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.deps.context.extensionUri));
    this.adopt(panel);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    this.panel?.dispose(); // one panel: a restored one replaces any other
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    const subscriptions = [
      this.load(panel.webview),
      // In a background tab the page is destroyed; in front again, it reloads and says `ready`.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.ready = false;
          this.cancel();
        }
        for (const s of subscriptions) s.dispose();
      }),
    ];
  }

  protected async onMessage(message: BytecodeViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.docsSent.clear();
        this.lastInterpreters = '';
        return this.pageReady();
      case 'setOptions':
        this.options = message.options;
        await this.deps.context.workspaceState.update(OPTIONS_KEY, message.options);
        this.schedule(0);
        return;
      case 'compareWith':
        // Only an interpreter this host offered is ever run for a comparison.
        if (message.python !== undefined && !this.offered.includes(message.python)) {
          this.deps.log.warn(`Bytecode view: ${message.python} is not among the interpreters offered for comparison; ignored.`);
          return;
        }
        this.comparing = message.python;
        this.schedule(0);
        return;
      case 'selectRange':
        return selectSourceRange(this.deps, this.guard, message.uri, message.range);
      case 'copyText':
        return this.copyAsText();
      case 'openAsText':
        return this.openAsText();
      case 'openSettings':
        await openPythonPathSetting();
        return;
    }
  }

  protected webview(): vscode.Webview | undefined {
    return this.panel?.webview;
  }

  protected async render(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<void> {
    const doc = stampOf(document);
    if (this.panel) this.panel.title = `Bytecode · ${doc.label}`;
    const [choice, others] = await Promise.all([this.deps.resolver.resolve(document.uri), this.deps.resolver.others(document.uri)]);
    if (token.isCancellationRequested) return;
    const python = choice.kind === 'found' ? choice.command : '';
    this.offered = others;
    if (this.comparing !== undefined && !others.includes(this.comparing)) this.comparing = undefined;
    this.postInterpreters(python, others);
    const subject = JSON.stringify([doc.uri, python, this.comparing ?? '', this.options]);
    const key = `${subject}@${doc.version}`;
    if (this.shown?.key === key) {
      // A reloaded page already got the last answer in `ready`, but lost the opcode tables.
      this.postCursor();
      return this.sendOpcodeDocs([python, this.comparing]);
    }
    if (this.shown?.subject !== subject) this.post({ type: 'loading', doc });
    const request = (command: string) =>
      ask(this.deps.client, bytecodeRequest, { textDocument: { uri: doc.uri }, python: command, options: this.options }, token, (text) => unavailable(text));
    const comparing = this.comparing;
    const [result, compare] =
      choice.kind === 'missing'
        ? [unavailable(choice.message, 'noInterpreter'), undefined]
        : await Promise.all([request(python), comparing ? request(comparing) : Promise.resolve(undefined)]);
    if (!result || token.isCancellationRequested) return;
    const message: BytecodeHostMessage = compare ? { type: 'bytecode', doc, result, compare } : { type: 'bytecode', doc, result };
    this.shown = { key, subject, doc, message, result };
    this.post(message);
    this.postCursor();
    await this.sendOpcodeDocs([python, comparing]);
  }

  private postInterpreters(current: string, others: readonly string[]): void {
    const message: BytecodeHostMessage = { type: 'interpreters', current, others, comparing: this.comparing };
    const text = JSON.stringify(message);
    if (text === this.lastInterpreters) return;
    this.lastInterpreters = text;
    this.post(message);
  }

  /** Each interpreter's opcode table once per page load: it only changes with the interpreter. */
  private async sendOpcodeDocs(pythons: ReadonlyArray<string | undefined>): Promise<void> {
    for (const python of pythons) {
      if (!python || this.docsSent.has(python)) continue;
      this.docsSent.add(python);
      const source = new vscode.CancellationTokenSource();
      const result = await ask(this.deps.client, opcodeDocsRequest, { python }, source.token, (text) => unavailable(text));
      source.dispose();
      if (result) this.post({ type: 'opcodeDocs', result });
    }
  }

  /** `Copy as text`: the listing the view shows, or, with no view open, of the followed Python editor. */
  async copyAsText(): Promise<void> {
    const text = await bytecodeListing(this.deps, this.options, this.shown);
    if (text !== undefined) await copyToClipboard(text, 'the bytecode listing');
  }

  /** `Open as text`: the listing as an untitled python-bytecode document beside the editor. */
  async openAsText(): Promise<void> {
    const text = await bytecodeListing(this.deps, this.options, this.shown);
    if (text === undefined) return;
    const document = await vscode.workspace.openTextDocument({ language: 'python-bytecode', content: text });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  dispose(): void {
    this.stop();
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
