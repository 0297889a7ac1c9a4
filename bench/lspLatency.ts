// Keystroke → publishDiagnostics through the real server over stdio (dist/server.js), on typing.py: what an editor
// waits for, including the server's 10 ms debounce and JSON-RPC. Appends its table to bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startClient } from '../test/helpers/lspClient';

async function main(): Promise<void> {
  const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
  const text = readFileSync(join(stdlib, 'typing.py'), 'utf8');
  const lines = text.split('\n').length;
  const client = await startClient();
  const uri = 'file:///bench/typing.py';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 0, text } });
  await client.diagnostics(uri, (p) => p.version === 0, 30000);
  const samples: number[] = [];
  const middle = Math.floor(lines / 2);
  for (let version = 1; version <= 200; version++) {
    const insert = version % 2 === 1;
    const start = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: middle, character: 0 }, end: { line: middle, character: insert ? 0 : 1 } }, text: insert ? 'x' : '' }],
    });
    await client.diagnostics(uri, (p) => p.version === version, 30000);
    samples.push(performance.now() - start);
  }
  await client.close();
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))].toFixed(1);
  const report = `\n## Language server over stdio\n\nOne-character edits mid-file in typing.py (${lines} lines), didChange → publishDiagnostics for that version, including the 10 ms debounce: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms over ${samples.length} edits.\n`;
  process.stdout.write(report);
  appendFileSync(join(__dirname, 'RESULTS.md'), report);
}

void main();
