// Hovers through vscode.executeHoverProvider, i.e. every hover provider VS Code would ask: the rule explanation on a
// diagnostic, and internals topics with facts computed from the code elsewhere.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openEditor, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

async function hoverAt(file: string, line: number, character: number, expected: RegExp): Promise<string> {
  const uri = workspaceFile(file);
  const position = new vscode.Position(line, character);
  // Polled: the first request can reach VS Code before the language client has registered its provider.
  return waitFor(`a hover matching ${expected} at ${file}:${line + 1}:${character + 1}`, async () => {
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
    return expected.test(text) ? text : undefined;
  });
}

describe('hover', () => {
  it('explains the rule on a diagnostic', async () => {
    await openEditor('objects_family.py');
    await waitForDiagnostics(workspaceFile('objects_family.py'), 'PIN501', (d) => d.length === 2);
    // `state is "ready"` on line 10.
    const text = await hoverAt('objects_family.py', 9, 16, /PIN501/);
    assert.match(text, /`is-literal`/);
    assert.match(text, /\*\*Why:\*\*/);
    assert.match(text, /\*\*Use instead:\*\*/);
    assert.match(text, /docs\/rules\/PIN501\.md/);
  });

  it('shows the mangled name and the name-mangling topic on self.__balance', async () => {
    await openEditor('topics.py');
    const text = await hoverAt('topics.py', 2, 15, /_Account__balance/);
    assert.match(text, /Private name mangling/);
  });

  it('shows the generator topic on a def that yields', async () => {
    await openEditor('topics.py');
    const text = await hoverAt('topics.py', 5, 5, /Generator functions/);
    assert.match(text, /docs\.python\.org/);
  });
});
