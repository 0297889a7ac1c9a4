// The built server over stdio, driven by a real JSON-RPC client: the protocol path a non-VS Code editor takes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { openDocument, pullDiagnostics, startClient, type TestClient } from '../helpers/lspClient';

const URI = 'file:///virtual/demo.py';

/** Sends `edits` as one incremental didChange and returns the new text. */
function change(client: TestClient, uri: string, text: string, version: number, edits: readonly TextEdit[]): string {
  const next = TextDocument.applyEdits(TextDocument.create(uri, 'python', version - 1, text), [...edits]);
  // Later edits first, so each range still refers to the text the server has at that point.
  const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  void client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
  });
  return next;
}

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code);

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: TestClient;

  beforeEach(async () => {
    client = await startClient();
  });
  afterEach(async () => {
    await client.close();
  });

  it('publishes diagnostics, explains them on hover, fixes them, and follows incremental edits', async () => {
    let text = 'def check(x):\n    return x is 1\n';
    openDocument(client, URI, text);
    const first = await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(first.diagnostics), ['PIN501']);
    const [diagnostic] = first.diagnostics;
    assert.equal(diagnostic.source, 'pyinsight');
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 17 } });
    assert.match(diagnostic.codeDescription!.href, /docs\/rules\/PIN501\.md$/);

    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 14 } })) as Hover;
    const markdown = (hover.contents as { value: string }).value;
    assert.match(markdown, /PIN501/);
    assert.match(markdown, /\*\*Why:\*\*/);
    assert.match(markdown, /Use instead/);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Replace with ==', 'Suppress PIN501 with # noqa']);
    text = change(client, URI, text, 2, actions[0].edit!.changes![URI]);
    assert.equal(text, 'def check(x):\n    return x == 1\n');
    await client.diagnostics(URI, (p) => p.version === 2 && p.diagnostics.length === 0);

    change(client, URI, text, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'flag = "é😀" is not "s"\n' }]);
    const third = await client.diagnostics(URI, (p) => p.version === 3);
    assert.deepEqual(third.diagnostics.map((d) => [d.code, d.range.start]), [['PIN501', { line: 2, character: 7 }]]);
  });

  it('applies the noqa suppression and the fix-all source action', async () => {
    let text = 'a = x is 1\nb = y is not "s"\n';
    openDocument(client, URI, text);
    const published = await client.diagnostics(URI, (p) => p.diagnostics.length === 2);
    const [suppress] = ((await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: published.diagnostics[0].range, context: { diagnostics: [published.diagnostics[0]] },
    })) as CodeAction[]).filter((a) => a.title.startsWith('Suppress'));
    text = change(client, URI, text, 2, suppress.edit!.changes![URI]);
    assert.equal(text, 'a = x is 1  # noqa: PIN501\nb = y is not "s"\n');
    await client.diagnostics(URI, (p) => p.version === 2 && p.diagnostics.length === 1);

    const [fixAll] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(fixAll.kind, 'source.fixAll.pyinsight');
    text = change(client, URI, text, 3, fixAll.edit!.changes![URI]);
    assert.equal(text, 'a = x is 1  # noqa: PIN501\nb = y != "s"\n');
  });

  it('reports the multiprocessing example and applies PIN101 and PIN102 fixes through the protocol', async () => {
    let text = readFileSync(join(__dirname, '..', '..', 'examples', 'multiprocessing_pitfalls.py'), 'utf8');
    openDocument(client, URI, text);
    const first = await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(first.diagnostics), ['PIN102', 'PIN101', 'PIN102']);
    const actionsFor = async (diagnostic: Diagnostic) => (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const lambda = first.diagnostics[2];
    const [partial] = await actionsFor(lambda);
    assert.match(partial.title, /partial/);
    text = change(client, URI, text, 2, partial.edit!.changes![URI]);
    assert.match(text, /^import functools$/m);
    assert.match(text, /pool\.map\(functools\.partial\(resize, width=1024\), images\)/);
    const second = await client.diagnostics(URI, (p) => p.version === 2);
    assert.deepEqual(codes(second.diagnostics), ['PIN102', 'PIN101']);
    const [guard] = await actionsFor(second.diagnostics[1]);
    text = change(client, URI, text, 3, guard.edit!.changes![URI]);
    assert.match(text, /\nif __name__ == "__main__":\n {4}with mp.Pool\(processes=4\) as pool:\n {8}for line in pool.map/);
    const third = await client.diagnostics(URI, (p) => p.version === 3);
    assert.deepEqual(codes(third.diagnostics), ['PIN102'], 'only the closure, which has no automatic fix, remains');
  });

  it('explains internals on hover: computed facts, the topic, and the rule first on a diagnostic', async () => {
    const text = 'import threading\n\nclass Account:\n    def __init__(self):\n        self.__balance = 0\n\nworker = threading.Thread(target=print)\nsame = worker is 1\n';
    openDocument(client, URI, text);
    await client.diagnostics(URI, (p) => p.diagnostics.length === 1);
    const hoverAt = async (line: number, character: number) => {
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line, character } })) as Hover | null;
      return hover ? (hover.contents as { value: string }).value : '';
    };
    assert.match(await hoverAt(4, 16), /`_Account__balance`/);
    assert.match(await hoverAt(6, 20), /Thread/);
    assert.match(await hoverAt(6, 20), /GIL/);
    const onDiagnostic = await hoverAt(7, 14);
    assert.match(onDiagnostic, /^\*\*PIN501\*\*/, 'the rule explanation comes first');
    assert.ok(onDiagnostic.indexOf('---') > onDiagnostic.indexOf('PIN501'), 'then the internals');
    client.settings = { hover: { level: 'off' } };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(URI, (p) => p.diagnostics.length === 1);
    assert.equal(await hoverAt(6, 20), '');
  });

  it('clears the diagnostics of a closed document, and starts afresh when it is reopened', async () => {
    openDocument(client, URI, 'a = x is 1\n');
    await client.diagnostics(URI, (p) => p.diagnostics.length === 1);
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await client.diagnostics(URI, (p) => p.diagnostics.length === 0);
    openDocument(client, URI, 'a = x is 1\nb = y is 2\n', 7);
    const reopened = await client.diagnostics(URI, (p) => p.version === 7);
    assert.equal(reopened.diagnostics.length, 2);
  });

  it('declares incremental sync, hover, quick fixes and fix-all', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.pyinsight']);
    assert.equal(capabilities.diagnosticProvider, undefined, 'push only when the client has no pull support');
  });

  it('takes editor settings changes without a restart', async () => {
    openDocument(client, URI, 'a = x is 1\n');
    await client.diagnostics(URI, (p) => p.diagnostics.length === 1);
    client.settings = { ignore: ['PIN5'] };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(URI, (p) => p.diagnostics.length === 0);
    client.settings = { severity: { PIN501: 'hint' } };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const hinted = await client.diagnostics(URI, (p) => p.diagnostics.length === 1);
    assert.equal(hinted.diagnostics[0].severity, 4);
  });

  it('reads [tool.pyinsight] from the nearest pyproject.toml and survives an invalid one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyinsight-lsp-'));
    try {
      writeFileSync(join(dir, 'pyproject.toml'), '[tool.pyinsight]\nignore = ["PIN501"]\n');
      const uri = pathToFileURL(join(dir, 'mod.py')).href;
      openDocument(client, uri, 'a = x is 1\n');
      const quiet = await client.diagnostics(uri);
      assert.deepEqual(quiet.diagnostics, []);
      writeFileSync(join(dir, 'pyproject.toml'), '[tool.pyinsight\nignore = 3\n');
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'pyproject.toml')).href, type: 2 }] });
      const loud = await client.diagnostics(uri, (p) => p.diagnostics.length === 1);
      assert.deepEqual(codes(loud.diagnostics), ['PIN501']);
      assert.ok(client.messages.some((m) => m.includes('pyproject.toml') && m.includes('not valid TOML')), client.messages.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers pull diagnostic requests when the client supports them, and does not push then', async () => {
    const pull = await startClient({ capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } } });
    try {
      openDocument(pull, URI, 'a = x is 1\n');
      const report = await pullDiagnostics(pull, URI);
      assert.equal(report.kind, 'full');
      assert.deepEqual(codes(report.items), ['PIN501']);
      await assert.rejects(pull.diagnostics(URI, () => true, 300));
    } finally {
      await pull.close();
    }
  });

  it('keeps answering after hostile input and requests for unknown documents', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1') + '\u0000\ud800x is 1\n';
    openDocument(client, URI, garbage);
    await client.diagnostics(URI);
    const unknown = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.py' }, position: { line: 0, character: 0 } });
    assert.equal(unknown, null);
    openDocument(client, 'untitled:Untitled-1', 'b = y is 2\n');
    const untitled = await client.diagnostics('untitled:Untitled-1', (p) => p.diagnostics.length === 1);
    assert.deepEqual(codes(untitled.diagnostics), ['PIN501']);
    assert.equal(client.process.exitCode, null, `server exited: ${client.stderr()}`);
  });
});
