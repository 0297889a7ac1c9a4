// The lifecycle both view hosts share: post only after the page said `ready`, coalesce refreshes (debounced), and let
// a newer refresh cancel the request of an older one.
import * as vscode from 'vscode';

export abstract class ViewHost<Message> {
  /** The page has loaded and said `ready`; false again when VS Code tears a hidden page down. */
  protected ready = false;
  private pending: vscode.CancellationTokenSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The webview to post to, if one exists now. */
  protected abstract webview(): vscode.Webview | undefined;
  /** Brings the page up to date; called after `schedule`'s delay. */
  protected abstract update(): Promise<void>;

  protected schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delayMs);
  }

  /** Cancels the request in flight, if any, and returns the token for the next one. */
  protected begin(): vscode.CancellationToken {
    this.cancel();
    this.pending = new vscode.CancellationTokenSource();
    return this.pending.token;
  }

  protected cancel(): void {
    this.pending?.cancel();
    this.pending?.dispose();
    this.pending = undefined;
  }

  protected post(message: Message): void {
    const webview = this.webview();
    if (webview && this.ready) void webview.postMessage(message);
  }

  protected stop(): void {
    clearTimeout(this.timer);
    this.cancel();
  }
}
