// Hostile input through the built server over stdio, and the CLI on the same files: every request is answered
// (possibly empty), the next ordinary request still works, and the server stays under a memory bound.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { classChain, deepInputs, textInputs } from '../helpers/hostile';
import { collectLogs, openDocument, pullDiagnostics, residentBytes, startClient, type TestClient } from '../helpers/lspClient';

/**
 * The server's resident memory may not pass 1 GB: about 8 times its footprint after the 10 MB file (WebAssembly
 * memory only grows, so this is the high-water mark of the whole session), and far from what an editor tolerates.
 */
const MEMORY_BOUND = 1024 * 1024 * 1024;
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

const tenMegabytes = () => {
  const line = 'value = compute(1, 2, 3)  # padding to make the line longer\n';
  return line.repeat(Math.ceil(10_000_000 / line.length));
};

/** A megabyte of every byte value read as Latin-1, as an editor shows a binary file: seconds of tree-sitter work. */
const binaryGarbage = () => Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => (i * 7919 + (i >> 3)) % 256)).toString('latin1');

/** Valid UTF-8 that is not Python: a megabyte of characters from all over the Basic Multilingual Plane. */
const unicodeGarbage = () => Array.from({ length: 1_000_000 }, (_, i) => String.fromCharCode(0x20 + ((i * 7919) % 0xd000))).join('');

describe('hostile input through the language server', function () {
  this.timeout(300_000);
  let client: TestClient;
  let logs: string[];
  let peak = 0;

  before(async () => {
    client = await startClient({ capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } } });
    logs = collectLogs(client);
  });
  after(async () => {
    await client.close();
  });

  /** didOpen, pull diagnostics, hovers at start/middle/end, code actions for what was found and fix-all, didClose. */
  async function roundTrip(name: string, text: string): Promise<Diagnostic[]> {
    const uri = `file:///hostile/${name}.py`;
    const document = TextDocument.create(uri, 'python', 1, text);
    openDocument(client, uri, text);
    const report = await pullDiagnostics(client, uri);
    assert.equal(report.kind, 'full');
    for (const offset of [0, text.length >> 1, Math.max(0, text.length - 3)]) {
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: document.positionAt(offset) })) as Hover | null;
      assert.ok(hover === null || typeof hover.contents === 'object');
    }
    const range = { start: document.positionAt(0), end: document.positionAt(text.length) };
    const quickFixes = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: report.items } })) as CodeAction[];
    assert.ok(Array.isArray(quickFixes));
    const fixAll = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.ok(Array.isArray(fixAll));
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    peak = Math.max(peak, residentBytes(client.process.pid!) ?? 0);
    return report.items;
  }

  for (const [name, text] of Object.entries(deepInputs())) {
    it(`answers every request on 100,000-deep ${name}, with no diagnostics`, async () => {
      assert.deepEqual(await roundTrip(name, text), []);
      // Declined either way: by depth, or (the 100,000-term `and` chain takes tree-sitter over a second) by the budget.
      const declined = new RegExp(`${name}\\.py (is nested too deeply to analyse|took longer than \\d+ ms to parse)`);
      assert.ok(client.messages.some((m) => declined.test(m)), client.messages.join('\n'));
    });
  }

  it('answers on a chain of 20,000 classes', async () => {
    assert.deepEqual(await roundTrip('classChain', classChain()), []);
  });

  for (const [name, text] of Object.entries(textInputs())) {
    it(`answers every request on ${name}`, async () => {
      const codes = (await roundTrip(name, text)).map((d) => d.code);
      if (!['nulAndBinary', 'onlyWhitespace', 'empty'].includes(name)) assert.deepEqual(codes, ['PIN501']);
    });
  }

  it('answers on a 10 MB file without parsing it, and says why once, naming the file', async () => {
    assert.deepEqual(await roundTrip('tenMegabytes', tenMegabytes()), []);
    assert.equal(client.messages.filter((m) => m.includes('tenMegabytes.py is too large to analyse (10.0 MB; the limit is 5.0 MB)')).length, 1, client.messages.join('\n'));
  });

  it('answers on a megabyte of binary or Unicode garbage (parsed, or given up after the parse budget)', async () => {
    await roundTrip('binaryGarbage', binaryGarbage());
    await roundTrip('unicodeGarbage', unicodeGarbage());
  });

  it('still serves an ordinary document afterwards, logged no failure, and stayed under 1 GB', async () => {
    assert.deepEqual((await roundTrip('ordinary', 'def f(x):\n    return x is 1\n')).map((d) => d.code), ['PIN501']);
    assert.equal(client.process.exitCode, null, client.stderr());
    assert.deepEqual(logs.filter((line) => /failed|uncaught|unhandled/.test(line)), []);
    assert.ok(peak > 0, 'the resident set size was measured');
    assert.ok(peak < MEMORY_BOUND, `peak resident set size ${(peak / 1e6).toFixed(0)} MB`);
    if (process.env.PYINSIGHT_REPORT_MEMORY) process.stderr.write(`peak resident set size ${(peak / 1e6).toFixed(0)} MB\n`);
  });

  it('publishes empty diagnostics for a document it does not analyse (push clients), clearing earlier ones', async () => {
    const push = await startClient();
    try {
      const uri = 'file:///hostile/grows.py';
      openDocument(push, uri, 'x = y is 1\n');
      await push.diagnostics(uri, (p) => p.diagnostics.length === 1);
      const deep = `x = y is 1\nz = ${'('.repeat(5000)}1${')'.repeat(5000)}\n`;
      void push.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: deep }] });
      const cleared = await push.diagnostics(uri, (p) => p.version === 2);
      assert.deepEqual(cleared.diagnostics, []);
      void push.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'x = y is 1\n' }] });
      assert.equal((await push.diagnostics(uri, (p) => p.version === 3)).diagnostics.length, 1);
    } finally {
      await push.close();
    }
  });
});

describe('hostile input through the CLI', function () {
  this.timeout(300_000);
  let folder: string;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'pyinsight-hostile-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  function check(name: string, content: string | Buffer): { status: number | null; stderr: string } {
    const file = join(folder, `${name}.py`);
    writeFileSync(file, content);
    const run = spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.doesNotMatch(run.stderr, /internal error|uncaught|RangeError/, run.stderr);
    return { status: run.status, stderr: run.stderr };
  }

  it('checks the deep, long and odd files with exit 0 or 1 and no internal error', () => {
    for (const [name, text] of Object.entries({ ...deepInputs(), ...textInputs(), classChain: classChain(), tenMegabytes: tenMegabytes() })) {
      // Lone surrogates and NUL cannot be a UTF-8 file as such: those two get their own cases below.
      if (name === 'loneSurrogates' || name === 'nulAndBinary') continue;
      const { status, stderr } = check(name, text);
      assert.ok(status === 0 || status === 1, `${name}: exit ${status}\n${stderr}`);
    }
  });

  it('reports a file with NUL bytes, invalid UTF-8 or an encoded lone surrogate clearly, per file, as the README documents (exit 2)', () => {
    const cases: Array<[string, Buffer, RegExp]> = [
      ['binary', Buffer.from(textInputs().nulAndBinary, 'latin1'), /binary file \(contains NUL bytes\); not checked/],
      ['latin1', Buffer.from('s = "caf\xe9"\nflag = x is 1\n', 'latin1'), /not valid UTF-8 \(byte 0xe9 on line 1\)/],
      // CESU-style encoding of U+D800: three bytes no UTF-8 decoder accepts.
      ['surrogate', Buffer.from([0x73, 0x20, 0x3d, 0x20, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x0a]), /not valid UTF-8 \(byte 0xed on line 1\)/],
    ];
    for (const [name, bytes, message] of cases) {
      const { status, stderr } = check(name, bytes);
      assert.equal(status, 2, stderr);
      assert.match(stderr, message);
    }
  });
});
