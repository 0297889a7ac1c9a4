// activate/deactivate only: start the language client, register the commands and the views (views.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerViews } from './views';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
