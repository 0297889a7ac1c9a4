// `npm run bench`: analysis cost on a large stdlib file (typing.py), full and after a one-character edit, with the
// alternatives the design rejected (a JS walk over every node) measured alongside. Medians over many repetitions;
// nothing here asserts a time. Results go to stdout and bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentStore } from '../server/src/documents';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadPythonGrammar, parseText } from '../server/src/parsing/treeSitter';
import { NameResolver } from '../server/src/service/analysis/resolve';
import { ScopeIndex } from '../server/src/service/analysis/scopes';
import { mergeSettings } from '../server/src/service/config';
import { createLanguageService } from '../server/src/service/index';
import { neverCancelled } from '../server/src/service/types';

function stdlibFile(name: string): string {
  const dir = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
  return join(dir, name);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)];
}

function time(repetitions: number, work: (i: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    work(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main(): Promise<void> {
  const path = stdlibFile('typing.py');
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n').length;
  const grammar = await loadPythonGrammar();
  const parser = grammar.createParser();
  const service = createLanguageService({ grammar });
  const settings = mergeSettings();
  const rows: Array<[string, number[]]> = [];

  rows.push(['full parse', time(30, () => parseText(parser, text).delete())]);
  const tree = parseText(parser, text);
  rows.push(['all rules, one combined query (full file)', time(30, (i) => {
    const uri = `file:///bench/${i}.py`;
    service.analyze({ uri, document: TextDocument.create(uri, 'python', i, text), tree }, settings, neverCancelled);
    service.forget(uri);
  })]);
  rows.push(['scope index + name resolver (built lazily, when a rule needs names)', time(30, () => new NameResolver(new ScopeIndex(tree, grammar)))]);
  rows.push(['JS walk over every node (rejected strategy)', time(10, () => {
    const cursor = tree.walk();
    for (;;) {
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) { cursor.delete(); return; }
    }
  })]);

  // One-character edits in the middle of the file: incremental reparse + full analysis, as the server does per keystroke.
  const store = new DocumentStore(grammar);
  const uri = 'file:///bench/typing.py';
  store.openDocument(uri, 'python', 0, text);
  const middle = Math.floor(lines / 2);
  let version = 0;
  const edits = time(400, (i) => {
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, text: 'x' }
      : { range: { start: { line: middle, character: 0 }, end: { line: middle, character: 1 } }, text: '' };
    const entry = store.change(uri, ++version, [change])!;
    service.diagnostics(entry, settings, neverCancelled);
  });
  rows.push(['keystroke: incremental reparse + diagnostics (one char, mid-file)', edits]);
  tree.delete();
  store.dispose();

  const header = `typing.py: ${lines} lines, ${(text.length / 1024).toFixed(0)} KiB · Node ${process.version} · ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length} · ${new Date().toISOString().slice(0, 10)}`;
  const table = ['| measurement | median ms | p95 ms | runs |', '|---|---|---|---|', ...rows.map(([name, s]) => `| ${name} | ${median(s).toFixed(2)} | ${p95(s).toFixed(2)} | ${s.length} |`)];
  const report = `# Benchmark results\n\n${header}\n\n${table.join('\n')}\n`;
  process.stdout.write(report);
  writeFileSync(join(__dirname, 'RESULTS.md'), report);
}

void main();
