// The text behind "Copy as text" and "Open as text": the listing of what the bytecode view shows when it is current,
// else a fresh answer for the followed Python editor (the commands work with no view open). Problems are told to the
// user here; the callers only get text or nothing.
import * as vscode from 'vscode';
import { bytecodeRequest, type BytecodeOptions, type BytecodeResult } from '../../../server/src/protocol';
import { formatBytecode } from './bytecodeText';
import { ask, openPythonPathSetting, stampOf, unavailable, type ViewDeps } from './host';
import type { DocumentStamp } from './messages';

export interface ShownBytecode {
  readonly doc: DocumentStamp;
  readonly result: BytecodeResult;
}

export async function bytecodeListing(deps: ViewDeps, options: BytecodeOptions, shown: ShownBytecode | undefined): Promise<string | undefined> {
  const document = deps.tracker.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open a Python file to see its bytecode.');
    return undefined;
  }
  const doc = stampOf(document);
  let result = shown?.doc.uri === doc.uri && shown.doc.version === doc.version ? shown.result : undefined;
  if (!result) {
    const choice = await deps.resolver.resolve(document.uri);
    if (choice.kind === 'missing') {
      if ((await vscode.window.showWarningMessage(choice.message, 'Open Settings')) === 'Open Settings') await openPythonPathSetting();
      return undefined;
    }
    const source = new vscode.CancellationTokenSource();
    const params = { textDocument: { uri: doc.uri }, python: choice.command, options };
    result = await ask(deps.client, bytecodeRequest, params, source.token, (text) => unavailable(text));
    source.dispose();
  }
  if (result?.kind === 'ok') return formatBytecode(result, { label: doc.label });
  if (result?.kind === 'syntaxError') {
    void vscode.window.showWarningMessage(`No bytecode: ${result.type} at line ${result.range.start.line + 1}: ${result.message}`);
  } else if (result) {
    void vscode.window.showWarningMessage(`No bytecode: ${result.message}`);
  }
  return undefined;
}
