// In-process keystroke cost, as the server pays it without the transport: DocumentStore.change (tree.edit, incremental
// reparse, changed ranges) then service.diagnostics for the new version. 1,000 seeded edits per file (bench/edits.ts:
// a character typed or deleted at a random place, undone by the next edit), on typing.py and on the 20,000-line file
// of bench/corpus.ts. Reports p50/p95/p99 of the whole step and of its two halves, and how often the analysis had to
// fall back to a full run. Nothing here asserts a time. One section of bench/RESULTS.md (bench/run.ts).
//   tsx bench/keystroke.ts [edits]        (PYINSIGHT_KEYSTROKE_FULL=1 disables reuse, for the before/after comparison)
import { performance } from 'node:perf_hooks';
import { DocumentStore } from '../server/src/documents';
import { loadPythonGrammar } from '../server/src/parsing/treeSitter';
import { mergeSettings } from '../server/src/service/config';
import { createLanguageService } from '../server/src/service/index';
import { neverCancelled } from '../server/src/service/types';
import { percentiles, table, type Section } from './common';
import { largeFile, stdlibFile, type BenchFile } from './corpus';
import { EditSequence, functionBodyLines } from './edits';

interface Sample {
  readonly changeMs: number;
  readonly diagnosticsMs: number;
  readonly inFunctionBody: boolean;
}

async function run(file: BenchFile, seed: number, count: number): Promise<Sample[]> {
  const grammar = await loadPythonGrammar();
  const service = createLanguageService({ grammar });
  const settings = mergeSettings();
  const store = new DocumentStore(grammar);
  let entry = store.openDocument(file.uri, 'python', 0, file.text);
  service.diagnostics(entry, settings, neverCancelled);
  const sequence = new EditSequence(file.text, seed, await functionBodyLines(file.text));
  const samples: Sample[] = [];
  let skipped = 0;
  // A warm-up pass lets V8 compile the hot paths before anything is recorded.
  for (let i = 0; i < count + 100; i++) {
    const edit = sequence.next();
    const started = performance.now();
    const next = store.change(file.uri, (store.state(file.uri)?.document.version ?? 0) + 1, [edit.change]);
    const changed = performance.now();
    // A parse over its time budget leaves the document unanalysed (parsing/limits.ts): nothing to measure then.
    if (!next) {
      skipped++;
      continue;
    }
    entry = next;
    service.diagnostics(entry, settings, neverCancelled);
    const done = performance.now();
    if (i >= 100) samples.push({ changeMs: changed - started, diagnosticsMs: done - changed, inFunctionBody: edit.inFunctionBody });
  }
  store.dispose();
  service.dispose();
  if (skipped > 0) process.stderr.write(`${file.name}: ${skipped} edits left the document unparsed (over the parse budget)\n`);
  return samples;
}

/** The in-process keystroke tables: where a keystroke's time goes, without the LSP transport. */
export async function keystrokeSection(count = Number(process.env.BENCH_EDITS ?? 1000)): Promise<Section> {
  const rows: string[][] = [];
  for (const [file, seed] of [[stdlibFile('typing.py'), 7], [largeFile(), 11]] as const) {
    const samples = await run(file, seed, count);
    const label = `${file.name} (${file.lines} lines)`;
    rows.push([label, 'change + diagnostics', ...percentiles(samples.map((s) => s.changeMs + s.diagnosticsMs)), String(samples.length)]);
    rows.push([label, 'change (tree.edit + incremental reparse)', ...percentiles(samples.map((s) => s.changeMs)), String(samples.length)]);
    rows.push([label, 'diagnostics (analysis of the changed units)', ...percentiles(samples.map((s) => s.diagnosticsMs)), String(samples.length)]);
    const inBodies = samples.filter((s) => s.inFunctionBody);
    const others = samples.filter((s) => !s.inFunctionBody);
    rows.push([label, '… diagnostics, edits in function bodies', ...percentiles(inBodies.map((s) => s.diagnosticsMs)), String(inBodies.length)]);
    rows.push([label, '… diagnostics, other edits', ...percentiles(others.map((s) => s.diagnosticsMs)), String(others.length)]);
  }
  const body = [
    `${count} seeded single-character edits per file (the same sequences as the latency section), applied in the process`,
    'with `DocumentStore.change` and `service.diagnostics`, after 100 warm-up edits: the server\'s own share of a',
    'keystroke, split into the reparse and the analysis. Percentiles in ms (nearest rank).',
    '',
    table(['file', 'step', 'p50', 'p95', 'p99', 'n'], rows),
  ].join('\n');
  return { title: 'Keystroke cost in the process (no transport)', body, goals: [] };
}

if (require.main === module) {
  void keystrokeSection(Number(process.argv[2] ?? 1000)).then((section) => process.stdout.write(`${section.body}\n`));
}
