// The lifecycle both view hosts share: load the page and route its (validated) messages, post only after the page
// said `ready`, give a reloaded page the last answer at once, coalesce refreshes (debounced), let a newer refresh
// cancel the request of an older one, show "no editor" when there is no Python document, and follow the cursor
// without echoing back a selection the page itself asked for.
import * as vscode from 'vscode';
import { pageHtml, toPosition, toRange, webviewOptions, type ViewDeps } from './host';
import { EchoGuard } from './incoming';
import type { SharedHostMessage } from './messages';
import type { CursorMove } from './tracker';

/** The page a host loads: its bundle in dist/media, its title, and the parser of what it sends. */
export interface PageSpec<Incoming> {
  readonly script: 'astExplorer' | 'bytecodeView';
  readonly title: string;
  /** How the host's log lines name the view. */
  readonly label: string;
  readonly parse: (raw: unknown) => Incoming | undefined;
}

/** The answer the page shows: `key` equal → already current; `subject` different → show "loading" first. */
export interface ShownAnswer<Message> {
  readonly key: string;
  readonly subject: string;
  readonly message: Message;
}

export abstract class ViewHost<Message extends { readonly type: string }, Incoming, Shown extends ShownAnswer<Message>> {
  /** The page has loaded and said `ready`; false again when VS Code tears a hidden page down. */
  protected ready = false;
  protected shown: Shown | undefined;
  protected readonly guard = new EchoGuard();
  private pending: vscode.CancellationTokenSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(protected readonly deps: ViewDeps, private readonly page: PageSpec<Incoming>) {}

  /** The webview to post to, if one exists now. */
  protected abstract webview(): vscode.Webview | undefined;
  protected abstract onMessage(message: Incoming): Promise<void>;
  /** Brings the page up to date for `document`; `token` is cancelled by the next refresh. */
  protected abstract render(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<void>;

  /** Loads the page into `webview`; the returned subscription routes its messages until disposed. */
  protected load(webview: vscode.Webview): vscode.Disposable {
    this.ready = false;
    this.shown = undefined;
    const extensionUri = this.deps.context.extensionUri;
    webview.options = webviewOptions(extensionUri);
    webview.html = pageHtml(webview, extensionUri, this.page.script, this.page.title);
    return webview.onDidReceiveMessage((raw: unknown) => {
      const message = this.page.parse(raw);
      if (message) void this.onMessage(message);
      else this.deps.log.warn(`${this.page.label}: ignored a malformed message from the view: ${JSON.stringify(raw)?.slice(0, 200)}`);
    });
  }

  /** The page said `ready`: the last answer at once; `update` then finds it current (and only sends the cursor) or replaces it. */
  protected pageReady(): void {
    this.ready = true;
    if (this.shown) this.post(this.shown.message);
    this.schedule(0);
  }

  protected schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delayMs);
  }

  private async update(): Promise<void> {
    if (!this.webview() || !this.ready) return;
    const document = this.deps.tracker.document;
    if (!document) {
      this.cancel();
      this.shown = undefined;
      this.post({ type: 'noEditor' });
      return;
    }
    await this.render(document, this.begin());
  }

  /** Cancels the request in flight, if any, and returns the token for the next one. */
  private begin(): vscode.CancellationToken {
    this.cancel();
    this.pending = new vscode.CancellationTokenSource();
    return this.pending.token;
  }

  protected cancel(): void {
    this.pending?.cancel();
    this.pending?.dispose();
    this.pending = undefined;
  }

  protected post(message: Message | SharedHostMessage): void {
    const webview = this.webview();
    if (webview && this.ready) void webview.postMessage(message);
  }

  /** The cursor moved in the followed editor: tell the page, unless the page itself asked for this selection. */
  protected followCursor(move: CursorMove): void {
    const uri = move.document.uri.toString();
    if (!this.guard.isEcho(uri, toRange(move.selection))) this.postCursor(move.selection.active, uri);
  }

  protected postCursor(position = this.deps.tracker.editor()?.selection.active, uri = this.deps.tracker.document?.uri.toString()): void {
    if (position && uri) this.post({ type: 'cursor', uri, position: toPosition(position) });
  }

  protected stop(): void {
    clearTimeout(this.timer);
    this.cancel();
  }
}
