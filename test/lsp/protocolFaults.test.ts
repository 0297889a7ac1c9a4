// Protocol faults against the built server: requests for documents it never saw, changes out of order, cancellation,
// a client that vanishes without shutdown, and malformed configuration. Each costs a log line or a warning, never the
// process and never the user's text.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CancellationTokenSource,
  ResponseError,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { largeModule } from '../helpers/hostile';
import { collectLogs, openDocument, pullDiagnostics, spawnServer, startClient, until, type TestClient } from '../helpers/lspClient';

const PULL = { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } };

type Report = { kind: string; items: Diagnostic[] };

function change(client: TestClient, uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
  void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
}

/** The text each PIN501 diagnostic selects in `text`, which is what the client holds. */
function selected(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const document = TextDocument.create('file:///x.py', 'python', 1, text);
  return diagnostics.map((d) => text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)));
}

describe('protocol faults', function () {
  this.timeout(60_000);
  let client: TestClient;
  let logs: string[];

  beforeEach(async () => {
    client = await startClient({ capabilities: PULL });
    logs = collectLogs(client);
  });
  afterEach(async () => {
    if (client.process.exitCode === null) await client.close();
  });

  it('answers requests for a document that was never opened with nothing, and logs them', async () => {
    const uri = 'file:///never/opened.py';
    const position = { line: 0, character: 0 };
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await pullDiagnostics(client, uri), { kind: 'full', items: [] });
    await until(() => logs.filter((l) => l.includes(`request for ${uri}, which is not open: answered empty`)).length === 3, 'three log lines');
  });

  it('ignores a change to a document that is not open, with a log line, and keeps serving', async () => {
    change(client, 'file:///never/changed.py', 2, [{ text: 'x = y is 1\n' }]);
    await until(() => logs.some((l) => l.includes('didChange for file:///never/changed.py, which is not open: ignored')), 'the log line');
    openDocument(client, 'file:///after.py', 'x = y is 1\n');
    assert.equal((await pullDiagnostics(client, 'file:///after.py')).items.length, 1);
  });

  it('applies changes that arrive with an older version in order, warns, and loses no text', async () => {
    const uri = 'file:///versions.py';
    let text = 'a = 1\n';
    openDocument(client, uri, text, 5);
    const edits: Array<[number, { range: Range; text: string }]> = [
      [3, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'b = x is 1\n' }],
      [4, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'c = y is 2\n' }],
    ];
    for (const [version, edit] of edits) {
      change(client, uri, version, [edit]);
      text = TextDocument.applyEdits(TextDocument.create(uri, 'python', 0, text), [{ range: edit.range, newText: edit.text }]);
    }
    assert.equal(text, 'c = y is 2\na = 1\nb = x is 1\n');
    const report = await pullDiagnostics(client, uri);
    assert.deepEqual(selected(text, report.items), ['y is 2', 'x is 1']);
    await until(() => logs.some((l) => l.startsWith('2: ') && l.includes('version 3 is not newer than 5; applied in arrival order')), 'the warning');
    // The server's text is the client's: a quick fix computed from it applies cleanly to the client's copy.
    const [fix] = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: report.items[1].range, context: { diagnostics: [report.items[1]] } })) as CodeAction[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'python', 0, text), fix.edit!.changes![uri]);
    assert.equal(fixed, 'c = y is 2\na = 1\nb = x == 1\n');
    // A full sync afterwards replaces everything, whatever its version.
    change(client, uri, 1, [{ text: 'z = w is 3\n' }]);
    assert.deepEqual(selected('z = w is 3\n', (await pullDiagnostics(client, uri)).items), ['w is 3']);
  });

  it('survives ranges outside the document, reversed ranges and a hover without a position', async () => {
    const uri = 'file:///ranges.py';
    openDocument(client, uri, 'a = 1\n');
    // Past the end clamps to the end; a reversed range replaces the text between its ends (as TextDocument does).
    change(client, uri, 2, [{ range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: 'b = x is 1\n' }]);
    change(client, uri, 3, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 4 } }, text: '2' }]);
    const expected = 'a = 2\nb = x is 1\n';
    assert.deepEqual(selected(expected, (await pullDiagnostics(client, uri)).items), ['x is 1']);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri } }), null);
    await until(() => logs.some((l) => l.includes(`request on ${uri} failed`)), 'the failure logged');
    assert.ok((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } })) as Hover);
  });

  it('answers a request cancelled mid-way with RequestCancelled or a complete result, and keeps serving', async () => {
    const uri = 'file:///cancelled.py';
    const text = largeModule(1500);
    openDocument(client, uri, text);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const source = new CancellationTokenSource();
      // The server asks the client for settings before it analyses: the cancellation arrives while it waits.
      const request = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token) as Promise<Report>;
      source.cancel();
      try {
        const report = await request;
        assert.equal(report.items.filter((d) => d.code === 'PIN501').length, 1500, 'a result is never a partial one');
        outcomes.push('result');
      } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        assert.equal(error.code, -32800);
        outcomes.push('cancelled');
      }
      change(client, uri, attempt + 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    }
    assert.equal(outcomes.length, 5);
    assert.equal((await pullDiagnostics(client, uri)).items.filter((d) => d.code === 'PIN501').length, 1500);
  });

  it('warns about malformed editor settings, including an error answer, and uses the defaults', async () => {
    const answers: Array<[string, () => unknown, RegExp[]]> = [
      ['number', () => [42], [/expected an object of settings, not 42; using the defaults/]],
      ['types', () => [{ select: 42, severity: 'x', ignore: [1, null], targetVersion: {}, hover: 'loud', enable: 'yes' }], [
        /'select' must be a list of rule codes/, /'severity' must map rule codes/, /'ignore' must be a list of rule codes/,
        /'targetVersion' must look like "3.12"/, /'hover' must be an object/, /'enable' must be true or false/,
      ]],
      ['error', () => new ResponseError(-32603, 'settings store is broken'), [/could not read the editor's pyinsight settings \(settings store is broken\); using the defaults/]],
      ['null', () => [null], []],
      ['empty', () => [], []],
    ];
    for (const [name, answer, warnings] of answers) {
      client.connection.onRequest('workspace/configuration', answer);
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const uri = `file:///settings/${name}.py`;
      openDocument(client, uri, 'x = y is 1\n');
      assert.deepEqual((await pullDiagnostics(client, uri)).items.map((d) => d.code), ['PIN501'], `${name}: the defaults select every rule`);
      for (const warning of warnings) assert.ok(client.messages.some((m) => warning.test(m)), `${name}: ${warning}\n${client.messages.join('\n')}`);
    }
  });

  it('warns about a malformed [tool.pyinsight] table and an unreadable pyproject.toml, and uses the defaults', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyinsight-faults-'));
    try {
      mkdirSync(join(root, 'types'));
      writeFileSync(join(root, 'types', 'pyproject.toml'), '[tool.pyinsight]\nselect = 42\nseverity = "x"\ntarget-version = 3.12\n');
      mkdirSync(join(root, 'folder', 'pyproject.toml'), { recursive: true });
      for (const [folder, warnings] of [
        ['types', [/types\/pyproject\.toml \[tool\.pyinsight\]: 'select' must be a list/, /types\/pyproject\.toml \[tool\.pyinsight\]: 'severity' must map/, /types\/pyproject\.toml \[tool\.pyinsight\]: 'target-version' must look like/]],
        ['folder', []], // a folder named pyproject.toml is not a file: no configuration, no crash
      ] as const) {
        const uri = pathToFileURL(join(root, folder, 'mod.py')).href;
        openDocument(client, uri, 'x = y is 1\n');
        assert.deepEqual((await pullDiagnostics(client, uri)).items.map((d) => d.code), ['PIN501']);
        for (const warning of warnings) assert.ok(client.messages.some((m) => warning.test(m)), `${warning}\n${client.messages.join('\n')}`);
      }
      // A file URI that is no local path (a remote host) gets the defaults too.
      openDocument(client, 'file://elsewhere/share/mod.py', 'x = y is 1\n');
      assert.equal((await pullDiagnostics(client, 'file://elsewhere/share/mod.py')).items.length, 1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a client that goes away without shutdown', function () {
  this.timeout(60_000);

  /** The built server with a bare connection: initialize with `processId`, nothing else. */
  async function bareServer(processId: number | null) {
    const { child, connection } = spawnServer();
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    await connection.sendRequest('initialize', { processId, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, connection, exited };
  }

  it('exits when its stdin closes', async () => {
    const { child, connection, exited } = await bareServer(process.pid);
    assert.equal(child.exitCode, null);
    connection.dispose();
    child.stdin!.end();
    assert.equal(await exited, 1, 'exit status 1: no shutdown was received');
  });

  it('exits when the process named by processId dies, even with stdin still open', async () => {
    const parent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const { child, connection, exited } = await bareServer(parent.pid!);
    try {
      parent.kill('SIGKILL');
      // vscode-languageserver checks the parent every 3 seconds.
      assert.equal(await exited, 1);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
