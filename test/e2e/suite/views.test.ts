// The AST explorer and the bytecode view open from their commands without errors. They are built in parallel with
// these tests: each test runs once its command is registered by the installed extension, and is skipped (reported
// as such) until then. test/e2e/ui/ checks what the views show.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openEditor, waitFor } from './helpers';

async function registered(command: string): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(command);
}

function pyinsightWebviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && /pyinsight/i.test(tab.input.viewType));
}

describe('views', () => {
  it('pyinsight.showAstExplorer reveals the AST explorer', async function () {
    if (!(await registered('pyinsight.showAstExplorer'))) this.skip();
    await openEditor('topics.py');
    await vscode.commands.executeCommand('pyinsight.showAstExplorer');
    // A contributed view gets a `<id>.focus` command from VS Code; focusing it must work too.
    assert.ok(await registered('pyinsight.astExplorer.focus'), 'the pyinsight.astExplorer view is not contributed');
    await vscode.commands.executeCommand('pyinsight.astExplorer.focus');
  });

  it('pyinsight.showBytecode opens the bytecode panel', async function () {
    if (!(await registered('pyinsight.showBytecode'))) this.skip();
    await openEditor('topics.py');
    const before = pyinsightWebviewTabs().length;
    await vscode.commands.executeCommand('pyinsight.showBytecode');
    const tab = await waitFor('a pyinsight webview tab', () => (pyinsightWebviewTabs().length > before ? pyinsightWebviewTabs()[0] : undefined));
    assert.ok(tab.label.length > 0);
  });
});
