// `npm run sweep`: every .py file of this machine's CPython Lib/ (tests, lib2to3's Python 2 files and the deliberately
// broken badsyntax_*/bad_coding* files included) through (a) the CLI in one run, (b) the built server over stdio
// (open, pull diagnostics, hover, code action, close, per file), (c) every quick fix, applied and re-parsed by CPython.
// Prints `N files, N findings, N errors`; exits 1 on any error. test/lsp/sweep.test.ts runs (a) and (b) on a sample.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { decodeSource } from '../server/src/cli/decode';
import { breakingFixes, fixedTexts, type FixedText } from '../test/helpers/fixes';
import { collectLogs, startClient } from '../test/helpers/lspClient';
import { getService } from '../test/helpers/service';
import { pythonFiles, stdlibRoot } from '../test/helpers/stdlib';

const CLI = join(__dirname, '..', 'dist', 'cli.js');

export interface SweepPart {
  readonly files: number;
  readonly findings: number;
  /** Exceptions, failed requests, crashes: each one a line naming the file. Must be empty. */
  readonly errors: string[];
  /** Expected conditions worth a count: files that cannot be decoded, documents the server declined. */
  readonly notes: string[];
  /** Findings per file (absolute path), for cross-checking the CLI against the server. */
  readonly perFile: Map<string, number>;
}

/** The text an editor shows for a file: as CPython decodes it, else UTF-8 with U+FFFD for the bytes that are not. */
function editorText(path: string): { text: string; decodable: boolean } {
  const bytes = readFileSync(path);
  const decoded = decodeSource(bytes);
  return 'text' in decoded ? { text: decoded.text, decodable: true } : { text: new TextDecoder().decode(bytes), decodable: false };
}

/** (a) `pyinsight check --format json` over all the files in one process. */
export function sweepCli(files: readonly string[]): SweepPart {
  const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--exit-zero', ...files], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const errors: string[] = [];
  const notes: string[] = [];
  const perFile = new Map<string, number>();
  if (run.error || run.signal) errors.push(`the CLI did not finish: ${run.error?.message ?? run.signal}`);
  // 0: clean (--exit-zero); 2: some files could not be read or decoded, reported one per line.
  if (run.status !== 0 && run.status !== 2) errors.push(`the CLI exited with ${run.status}`);
  for (const line of run.stderr.split('\n').filter((l) => l.includes(': error: '))) {
    (/internal error|failed|uncaught|RangeError/.test(line) ? errors : notes).push(line);
  }
  let findings: Array<{ filename: string }> = [];
  try {
    findings = JSON.parse(run.stdout) as Array<{ filename: string }>;
  } catch (error) {
    errors.push(`the CLI printed no valid JSON: ${String(error)}`);
  }
  for (const f of findings) perFile.set(f.filename, (perFile.get(f.filename) ?? 0) + 1);
  return { files: files.length, findings: findings.length, errors, notes, perFile };
}

/** (b) The built server over stdio, one document at a time; undecodable files are sent as an editor would show them. */
export async function sweepServer(files: readonly string[]): Promise<SweepPart> {
  const client = await startClient({ capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } } });
  const logs = collectLogs(client);
  const errors: string[] = [];
  const perFile = new Map<string, number>();
  let findings = 0;
  try {
    for (const path of files) {
      const { text } = editorText(path);
      const uri = pathToFileURL(path).href;
      const document = TextDocument.create(uri, 'python', 1, text);
      try {
        void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
        const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
        findings += report.items.length;
        perFile.set(path, report.items.length);
        const first = report.items[0];
        const position = first ? first.range.start : document.positionAt(text.length >> 1);
        (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
        const range = first ? first.range : { start: document.positionAt(0), end: document.positionAt(text.length) };
        const context = first ? { diagnostics: [first] } : { diagnostics: [], only: ['source.fixAll'] };
        (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context })) as CodeAction[];
      } catch (error) {
        errors.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
      if (client.process.exitCode !== null) {
        errors.push(`the server exited (${client.process.exitCode}) after ${path}: ${client.stderr()}`);
        break;
      }
    }
    // Make sure every log line of the last file has arrived: one more round trip.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///sweep-end.py' }, position: { line: 0, character: 0 } });
  } finally {
    if (client.process.exitCode === null) await client.close();
  }
  // Error-level log lines are failures (a handler or a rule threw); warnings name the documents it declined.
  errors.push(...logs.filter((line) => line.startsWith('1: ')));
  return { files: files.length, findings, errors, notes: client.messages.filter((m) => /not analysed|too large|nested too deeply/.test(m)), perFile };
}

/** (c) Every fix (and fix-all) of every decodable file, re-parsed by python3 in batches of files. */
export async function sweepFixes(files: readonly string[], root: string): Promise<SweepPart> {
  const service = await getService();
  const errors: string[] = [];
  let fixes = 0;
  for (let start = 0; start < files.length; start += 200) {
    const originals: string[] = [];
    const found: FixedText[] = [];
    for (const path of files.slice(start, start + 200)) {
      const { text, decodable } = editorText(path);
      if (!decodable) continue;
      try {
        found.push(...(await fixedTexts(service, relative(root, path), text, originals)));
      } catch (error) {
        errors.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    fixes += found.length;
    errors.push(...breakingFixes(originals, found).broken);
  }
  return { files: files.length, findings: fixes, errors, notes: [], perFile: new Map() };
}

async function main(): Promise<number> {
  const root = stdlibRoot();
  if (!root) {
    process.stderr.write('sweep: no python3 on PATH, so no standard library to sweep\n');
    return 1;
  }
  const files = pythonFiles(root);
  process.stdout.write(`Sweeping ${files.length} files of ${root}\n`);
  const cli = sweepCli(files);
  process.stdout.write(`CLI:    ${cli.files} files, ${cli.findings} findings, ${cli.errors.length} errors (${cli.notes.length} files not decodable, reported)\n`);
  const server = await sweepServer(files);
  process.stdout.write(`server: ${server.files} files, ${server.findings} findings, ${server.errors.length} errors (${server.notes.length} documents declined)\n`);
  const fixes = await sweepFixes(files, root);
  process.stdout.write(`fixes:  ${fixes.findings} fixes applied and re-parsed by CPython, ${fixes.errors.length} errors\n`);
  const errors = [...cli.errors, ...server.errors, ...fixes.errors];
  for (const error of errors.slice(0, 50)) process.stdout.write(`  error: ${error}\n`);
  process.stdout.write(`${files.length} files, ${cli.findings} findings, ${errors.length} errors\n`);
  return errors.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`sweep: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
