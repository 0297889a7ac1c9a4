// Quick fixes through vscode.executeCodeActionProvider, applied the way the lightbulb applies them, and the safe
// fixes applied on save through editor.codeActionsOnSave (set in the workspace's .vscode/settings.json).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openEditor, revert, sortedCodes, waitForDiagnostics, workspaceFile } from './helpers';

describe('code actions', () => {
  it('offers the fix, and applying it changes the text and clears the diagnostic', async () => {
    const uri = workspaceFile('quickfix.py');
    const editor = await openEditor('quickfix.py');
    try {
      const [diagnostic] = await waitForDiagnostics(uri, 'PIN501', (d) => sortedCodes(d).join() === 'PIN501');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      // The fresh extensions folder holds pyinsight only, so every action offered here is ours.
      assert.deepEqual(actions.map((a) => a.title), ['Replace with ==', 'Suppress PIN501 with # noqa']);
      const [fix] = actions;
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.equal(fix.isPreferred, true, 'the fix is the preferred action (Ctrl+. applies it first)');
      assert.ok(fix.edit, 'the fix carries its edit');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

      assert.equal(editor.document.getText(), 'def check(x):\n    return x == 1\n');
      await waitForDiagnostics(uri, 'no diagnostics after the fix', (d) => d.length === 0);
    } finally {
      await revert(uri);
    }
  });

  it('applies every safe fix on save (source.fixAll.pyinsight)', async () => {
    const uri = workspaceFile('fixall.py');
    const editor = await openEditor('fixall.py');
    await waitForDiagnostics(uri, 'two PIN501', (d) => sortedCodes(d).join() === 'PIN501,PIN501');
    // An edit first: saving an unmodified file runs no save participants.
    await editor.edit((builder) => builder.insert(new vscode.Position(2, 0), 'c = 3\n'));
    assert.ok(await editor.document.save(), 'save failed');
    assert.equal(editor.document.getText(), 'a = x == 1\nb = y != "s"\nc = 3\n');
    assert.equal(editor.document.isDirty, false);
    await waitForDiagnostics(uri, 'no diagnostics after fix-all', (d) => d.length === 0);
  });
});
