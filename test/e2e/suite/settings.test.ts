// Configuration reaches a running server without a restart: editor settings (pyinsight.ignore, through
// workspace/didChangeConfiguration), pyproject.toml's [tool.pyinsight] (through the file watcher), and the restart
// command brings back a working server.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openEditor, revert, sortedCodes, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

const FILE = 'settings_target.py'; // PIN502 on line 1, PIN501 on line 2
const codesAre = (expected: string) => (d: vscode.Diagnostic[]) => sortedCodes(d).join() === expected;

describe('settings', () => {
  const uri = workspaceFile(FILE);

  it('applies pyproject.toml severities from the start', async () => {
    await openEditor(FILE);
    const diagnostics = await waitForDiagnostics(uri, 'PIN501 and PIN502', codesAre('PIN501,PIN502'));
    const pin501 = diagnostics.find((d) => d.range.start.line === 1);
    // The workspace's pyproject.toml says severity = { PIN501 = "error" }; the rule's default is warning.
    assert.equal(pin501?.severity, vscode.DiagnosticSeverity.Error);
  });

  it('applies a pyinsight.ignore change without a restart', async () => {
    await openEditor(FILE);
    await waitForDiagnostics(uri, 'PIN501 and PIN502', codesAre('PIN501,PIN502'));
    const config = vscode.workspace.getConfiguration('pyinsight', uri);
    await config.update('ignore', ['PIN501'], vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, 'PIN501 ignored', codesAre('PIN502'));
    } finally {
      await config.update('ignore', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, 'PIN501 back', codesAre('PIN501,PIN502'));
  });

  it('applies a pyproject.toml [tool.pyinsight] change without a restart', async () => {
    await openEditor(FILE);
    await waitForDiagnostics(uri, 'PIN501 and PIN502', codesAre('PIN501,PIN502'));
    const pyproject = workspaceFile('pyproject.toml');
    const original = await vscode.workspace.fs.readFile(pyproject);
    const changed = new TextDecoder().decode(original).replace('[tool.pyinsight]\n', '[tool.pyinsight]\nignore = ["PIN502"]\n');
    assert.notEqual(changed, new TextDecoder().decode(original), 'the fixture pyproject.toml has no [tool.pyinsight] table');
    await vscode.workspace.fs.writeFile(pyproject, new TextEncoder().encode(changed));
    try {
      await waitForDiagnostics(uri, 'PIN502 ignored by pyproject.toml', codesAre('PIN501'));
    } finally {
      await vscode.workspace.fs.writeFile(pyproject, original);
    }
    await waitForDiagnostics(uri, 'PIN502 back', codesAre('PIN501,PIN502'));
  });

  it('restarts the server with pyinsight.restartServer, and the new server answers', async () => {
    const editor = await openEditor(FILE);
    await waitForDiagnostics(uri, 'PIN501 and PIN502', codesAre('PIN501,PIN502'));
    await vscode.commands.executeCommand('pyinsight.restartServer');
    try {
      // A new finding after the restart can only come from the new server process.
      await editor.edit((builder) => builder.insert(new vscode.Position(2, 0), 'flag = 2 is 2.5\n'));
      await waitForDiagnostics(uri, 'the new PIN501 on line 3', (d) => d.some((x) => x.range.start.line === 2));
      const text = await waitFor('a hover from the restarted server', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 9));
        const value = hoverText(hovers);
        return value.includes('PIN501') ? value : undefined;
      });
      assert.match(text, /is-literal/);
    } finally {
      await revert(uri);
    }
  });
});
