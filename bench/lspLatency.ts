// Latency through the real server over stdio (dist/server.js): 1,000 seeded single-character edits on typing.py and
// on a generated 20,000-line file, each sent as a user types (the next only after the previous one's diagnostics
// arrived), then 1,000 hovers and 1,000 code-action requests. The client's clock gives what the editor waits for,
// debounce included; the server's $/pyinsight/timings give the debounce's share and the work itself.
import { performance } from 'node:perf_hooks';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ms, percentiles, prng, quantile, table, type GoalRow, type Section } from './common';
import { largeFile, stdlibFile, type BenchFile } from './corpus';
import { EditSequence, functionBodyLines } from './edits';
import { startSession } from './lspSession';

const EDITS = Number(process.env.BENCH_EDITS ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);

interface EditSample {
  readonly totalMs: number;
  readonly noDebounceMs: number;
  readonly changeMs: number;
  readonly diagnosticsMs: number;
  readonly inFunctionBody: boolean;
}

interface FileResult {
  readonly file: BenchFile;
  readonly openAnalysisMs: number;
  readonly edits: EditSample[];
  /** Publishes the server made without analysing (the document had gone past a limit), and why. */
  readonly skipped: string[];
  readonly hovers: number[];
  readonly codeActions: number[];
}

async function timeRequests(count: number, request: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await request(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function benchFile(file: BenchFile, seed: number): Promise<FileResult> {
  const session = await startSession({ timings: true });
  const { client } = session;
  try {
    await session.open(file);
    const opened = await session.timings(file.uri, 0);
    if ('skipped' in opened) throw new Error(`the server does not analyse ${file.name}: it ${opened.skipped}`);
    const openAnalysisMs = opened.diagnosticsMs;
    const sequence = new EditSequence(file.text, seed, await functionBodyLines(file.text));
    const edits: EditSample[] = [];
    const skipped: string[] = [];
    let last: PublishDiagnosticsParams | undefined;
    for (let version = 1; version <= EDITS; version++) {
      const edit = sequence.next();
      const start = performance.now();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: file.uri, version }, contentChanges: [edit.change] });
      last = await client.diagnostics(file.uri, (p) => p.version === version, 60_000);
      const totalMs = performance.now() - start;
      const server = await session.timings(file.uri, version);
      if ('skipped' in server) skipped.push(`edit ${version}: ${server.skipped}`);
      else edits.push({ totalMs, noDebounceMs: totalMs - server.waitMs, changeMs: server.changeMs, diagnosticsMs: server.diagnosticsMs, inFunctionBody: edit.inFunctionBody });
    }
    // EDITS is even, so the text is the original again: hover on identifiers found in it.
    const random = prng(seed + 1);
    const lines = file.text.split('\n');
    const identifiers: Array<{ line: number; character: number }> = [];
    lines.forEach((text, line) => {
      for (const m of text.matchAll(/[A-Za-z_]\w*/g)) identifiers.push({ line, character: (m.index ?? 0) + Math.floor(m[0].length / 2) });
    });
    const hovers = await timeRequests(REQUESTS, () =>
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri: file.uri }, position: identifiers[Math.floor(random() * identifiers.length)] }),
    );
    // Code actions as the editor asks for them: half at a published diagnostic (where quick fixes exist), half at a
    // random line with whatever diagnostics lie on it.
    const published: readonly Diagnostic[] = last?.diagnostics ?? [];
    const codeActions = await timeRequests(REQUESTS, (i) => {
      let range;
      let diagnostics: Diagnostic[];
      if (i % 2 === 0 && published.length > 0) {
        const d = published[Math.floor(random() * published.length)];
        range = d.range;
        diagnostics = [d];
      } else {
        const line = Math.floor(random() * lines.length);
        range = { start: { line, character: 0 }, end: { line, character: lines[line].length } };
        diagnostics = published.filter((d) => d.range.start.line <= line && d.range.end.line >= line);
      }
      return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: file.uri }, range, context: { diagnostics } });
    });
    return { file, openAnalysisMs, edits, skipped, hovers, codeActions };
  } finally {
    await session.close();
  }
}

function rows(r: FileResult): string[][] {
  const label = `${r.file.name} (${r.file.lines} lines)`;
  const pick = (f: (s: EditSample) => number, filter: (s: EditSample) => boolean = () => true) => r.edits.filter(filter).map(f);
  const row = (what: string, samples: number[]) => [label, what, ...percentiles(samples), String(samples.length)];
  return [
    row('keystroke → publishDiagnostics, as the client sees it (10 ms debounce included)', pick((s) => s.totalMs)),
    row('**keystroke → publishDiagnostics without the debounce** (client time − the server’s debounce wait)', pick((s) => s.noDebounceMs)),
    row('… edits inside function bodies', pick((s) => s.noDebounceMs, (s) => s.inFunctionBody)),
    row('… edits elsewhere (module and class level)', pick((s) => s.noDebounceMs, (s) => !s.inFunctionBody)),
    row('server: applying the change (incremental reparse)', pick((s) => s.changeMs)),
    row('server: diagnostics (analysis)', pick((s) => s.diagnosticsMs)),
    [label, 'for scale: the analysis of the whole file when it was opened', ms(r.openAnalysisMs, 2), '', '', '1'],
    row('hover at a random identifier (round trip)', r.hovers),
    row('code actions (round trip)', r.codeActions),
  ];
}

function goals(results: readonly FileResult[]): GoalRow[] {
  return results.flatMap((r) => {
    const p95 = (samples: number[]) => quantile(samples, 0.95);
    const keystroke = p95(r.edits.map((s) => s.noDebounceMs));
    const hover = p95(r.hovers);
    const actions = p95(r.codeActions);
    const name = `${r.file.name.split(' ')[0]} (${r.file.lines} lines)`;
    return [
      {
        goal: `keystroke → diagnostics p95, ${name}`,
        target: '≤ 10 ms (without the 10 ms debounce)',
        measured: `${ms(keystroke)} ms${r.skipped.length > 0 ? ` (and ${r.skipped.length} edits left unanalysed)` : ''}`,
        met: keystroke <= 10 && r.skipped.length === 0,
      },
      { goal: `hover p95, ${name}`, target: '≤ 3 ms', measured: `${ms(hover, 2)} ms`, met: hover <= 3 },
      { goal: `code actions p95, ${name}`, target: '≤ 5 ms', measured: `${ms(actions, 2)} ms`, met: actions <= 5 },
    ];
  });
}

export async function latencySection(): Promise<Section> {
  const results = [await benchFile(stdlibFile('typing.py'), 7), await benchFile(largeFile(), 11)];
  const body = [
    `${EDITS} seeded single-character edits per file through \`dist/server.js --stdio\`, each sent only after the`,
    'diagnostics of the previous one arrived; every other edit undoes the one before (a typo and its fix), so half',
    'the states are freshly broken code. Percentiles in ms (nearest rank). The debounce-free time subtracts the',
    'server-measured wait between applying the change and starting the publish (`PYINSIGHT_TIMINGS=1`).',
    '',
    table(['file', 'measurement', 'p50', 'p95', 'p99', 'n'], results.flatMap(rows)),
    ...results
      .filter((r) => r.skipped.length > 0)
      .map((r) => `\n**${r.file.name}: ${r.skipped.length} of ${EDITS} publishes came without analysis** (left out of the edit rows above); the first: ${r.skipped[0]}.`),
  ].join('\n');
  return { title: 'Latency in the language server', body, goals: goals(results) };
}

if (require.main === module) {
  void latencySection().then((s) => process.stdout.write(`## ${s.title}\n\n${s.body}\n`));
}
