// What both view hosts share: the page, the position types at the boundary, selecting a node's source range in the
// editor, and sending a request whose failure becomes a message the view shows instead of an exception.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BaseLanguageClient, RequestParam, RequestType } from 'vscode-languageclient/node';
import type { Position, PythonUnavailable, Range } from '../../../server/src/protocol';
import type { InterpreterResolver } from '../python';
import { createNonce, renderWebviewHtml } from './html';
import type { EchoGuard } from './incoming';
import type { DocumentStamp } from './messages';
import type { PythonEditorTracker } from './tracker';

/** The server connection, reduced to what the views use. */
export type RequestClient = Pick<BaseLanguageClient, 'sendRequest'>;

export interface ViewDeps {
  readonly context: vscode.ExtensionContext;
  readonly client: RequestClient;
  readonly resolver: InterpreterResolver;
  readonly tracker: PythonEditorTracker;
  readonly flash: RangeFlash;
  readonly log: vscode.LogOutputChannel;
}

// Positions cross the boundary as LSP positions; vscode.Position counts the same UTF-16 code units, so converting is
// copying fields — and document.validateRange clamps anything that no longer fits the text.
export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function toRange(range: vscode.Range): Range {
  return { start: toPosition(range.start), end: toPosition(range.end) };
}

export function stampOf(document: vscode.TextDocument): DocumentStamp {
  return { uri: document.uri.toString(), version: document.version, label: path.posix.basename(document.uri.path) || document.uri.toString() };
}

/** The only folder the pages may load from. */
export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'media');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [mediaRoot(extensionUri)] };
}

export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: 'astExplorer' | 'bytecodeView', title: string): string {
  const root = mediaRoot(extensionUri);
  return renderWebviewHtml({
    title,
    cspSource: webview.cspSource,
    nonce: createNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, `${bundle}.js`)).toString(),
    styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(root, 'views.css')).toString()],
  });
}

export function unavailable(message: string, reason: PythonUnavailable['reason'] = 'crashed'): PythonUnavailable {
  return { kind: 'unavailable', reason, message };
}

/**
 * Sends one request. Undefined when it was cancelled (a newer one replaced it); a failed request (server not
 * running, an internal error) becomes `onError`'s result so the view can say what happened.
 */
export async function ask<P, R>(client: RequestClient, type: RequestType<P, R, void>, params: RequestParam<P>, token: vscode.CancellationToken, onError: (message: string) => R): Promise<R | undefined> {
  try {
    const result = await client.sendRequest(type, params, token);
    return token.isCancellationRequested ? undefined : result;
  } catch (error) {
    if (token.isCancellationRequested) return undefined;
    return onError(`The pyinsight server could not answer ${type.method}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Briefly marks the range a view selected, so the eye finds it after the editor scrolled. */
export class RangeFlash implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.rangeHighlightBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private editor: vscode.TextEditor | undefined;

  flash(editor: vscode.TextEditor, range: vscode.Range): void {
    this.clear();
    this.editor = editor;
    editor.setDecorations(this.decoration, [range]);
    this.timer = setTimeout(() => this.clear(), 1200);
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.editor?.setDecorations(this.decoration, []);
    this.editor = undefined;
  }

  dispose(): void {
    this.clear();
    this.decoration.dispose();
  }
}

/**
 * A view's `selectRange`: selects exactly `range` in an editor showing `uri` (opening the document in its last
 * column if no editor shows it; only documents already open are touched) and reveals it, focus staying in the view.
 */
export async function selectSourceRange(deps: ViewDeps, guard: EchoGuard, uri: string, range: Range): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!document) return;
  const target = document.validateRange(toVsRange(range));
  let editor = deps.tracker.document === document ? deps.tracker.editor() : vscode.window.visibleTextEditors.find((e) => e.document === document);
  editor ??= await vscode.window.showTextDocument(document, { viewColumn: deps.tracker.column ?? vscode.ViewColumn.One, preserveFocus: true, preview: false });
  // Expect the echo only now: opening the editor may itself report its old selection first.
  guard.expect(uri, toRange(target));
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  deps.flash.flash(editor, target);
}

export async function copyToClipboard(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`pyinsight: copied ${what}`, 2500);
}

export function openPythonPathSetting(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', 'pyinsight.pythonPath');
}
