// activate/deactivate only: start the language client, register the commands and the views (views.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerViews } from './views';

let client: LanguageClient | undefined;

/** What activate() returns to other extensions (and to the e2e suite, which records the start-up times). */
export interface PyinsightApi {
  /** Milliseconds: the whole activate() (the language server started and initialised included), and the server part. */
  readonly activation: { readonly totalMs: number; readonly serverMs: number };
}

export async function activate(context: vscode.ExtensionContext): Promise<PyinsightApi> {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('pyinsight', { log: true });
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand('pyinsight.restartServer', async () => {
      output.info('Restarting the pyinsight server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('pyinsight.showOutput', () => output.show()),
  );
  registerViews(context, client, output);
  const serverStarted = performance.now();
  await client.start();
  const done = performance.now();
  const activation = { totalMs: done - started, serverMs: done - serverStarted };
  output.info(`Activated in ${activation.totalMs.toFixed(0)} ms (language server started and initialised in ${activation.serverMs.toFixed(0)} ms)`);
  return { activation };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
