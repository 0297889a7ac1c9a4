// The installed .vsix activates on a Python file: the extension VS Code loaded is the packaged one (from the run's
// extensions folder, holding only the bundles), and its commands are registered.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { version } from '../../../package.json';
import { EXTENSION_ID, openEditor, waitFor } from './helpers';

describe('activation', () => {
  it('activates the packaged extension when a Python file opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const opened = Date.now();
    await openEditor('quickfix.py');
    await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
    const openToActiveMs = Date.now() - opened;

    // activate() reports its own duration (bench/RESULTS.md reads it from test/artifacts/e2e-startup.json).
    const { activation } = extension.exports as { activation: { totalMs: number; serverMs: number } };
    assert.ok(activation.totalMs > 0 && activation.serverMs > 0 && activation.serverMs <= activation.totalMs, JSON.stringify(activation));
    const artifacts = join(__dirname, '..', '..', '..', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    const record = { date: new Date().toISOString(), vscode: vscode.version, activateMs: activation.totalMs, serverMs: activation.serverMs, openToActiveMs };
    writeFileSync(join(artifacts, 'e2e-startup.json'), `${JSON.stringify(record, null, 2)}\n`);

    assert.equal(extension.packageJSON.version, version);
    const extensionsDir = process.env.PYINSIGHT_E2E_EXTENSIONS_DIR;
    if (extensionsDir) {
      const inside = relative(extensionsDir, extension.extensionPath);
      assert.ok(!inside.startsWith('..'), `loaded from ${extension.extensionPath}, not from the .vsix installed in ${extensionsDir}`);
    }
    // A packaged extension ships bundles, not sources (.vscodeignore); a development checkout would have both.
    assert.ok(existsSync(join(extension.extensionPath, 'dist', 'server.js')));
    assert.ok(!existsSync(join(extension.extensionPath, 'client')), 'the loaded extension has client/ sources: not the .vsix');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['pyinsight.restartServer', 'pyinsight.showOutput']) assert.ok(commands.includes(command), `${command} missing`);
    await vscode.commands.executeCommand('pyinsight.showOutput');
  });
});
