// Start-up: spawning the server until it answers initialize, and until the first diagnostics of a small file arrive
// (20 fresh processes, medians); the size of the packaged .vsix. Extension activation inside VS Code is measured by
// the e2e suite (test/e2e), which runs the packaged extension in a real VS Code.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startClient } from '../test/helpers/lspClient';
import { median, ms, quantile, ROOT, table, type Section } from './common';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 20);
const VSIX = join(ROOT, 'artifacts', 'pyinsight.vsix');

/**
 * Packages the extension (`npm run package`, which also rebuilds dist/ for production: every later benchmark then
 * measures what ships). Returns the .vsix size, or why there is none.
 */
export function packageVsix(): { bytes?: number; problem?: string } {
  try {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    return { problem: `npm run package failed: ${stderr.trim().split('\n').slice(-3).join(' ')}` };
  }
  return existsSync(VSIX) ? { bytes: statSync(VSIX).size } : { problem: 'npm run package made no artifacts/pyinsight.vsix' };
}

interface E2eStartup {
  readonly date: string;
  readonly vscode: string;
  readonly activateMs: number;
  readonly serverMs: number;
  readonly openToActiveMs: number;
}

/**
 * Extension activation, as the e2e suite recorded it on this machine (the packaged .vsix in a real VS Code server,
 * test/e2e/suite/activation.test.ts): activate() itself, the language server's start and initialize inside it.
 */
function e2eStartup(): E2eStartup | undefined {
  const file = join(ROOT, 'test', 'artifacts', 'e2e-startup.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as E2eStartup) : undefined;
}

function activationRow(r: E2eStartup | undefined): string[] {
  if (!r) return ['extension activation in VS Code', 'not measured: run `npm run test:e2e` first (it records test/artifacts/e2e-startup.json)', '', ''];
  return [
    `extension activation in VS Code ${r.vscode} (packaged .vsix; one run of \`npm run test:e2e\`, ${r.date.slice(0, 16).replace('T', ' ')} UTC): activate(), of which the language server ${ms(r.serverMs)} ms; opening a Python file → active ${ms(r.openToActiveMs)} ms`,
    ms(r.activateMs),
    '',
    '1',
  ];
}

export async function startSection(vsix: { bytes?: number; problem?: string }): Promise<Section> {
  const small = readFileSync(join(ROOT, 'test', 'fixtures', 'pin502.py'), 'utf8');
  const initialize: number[] = [];
  const firstPublish: number[] = [];
  delete process.env.PYINSIGHT_TIMINGS;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const client = await startClient();
    initialize.push(performance.now() - start);
    const uri = `file:///bench/start/${i}.py`;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 0, text: small } });
    await client.diagnostics(uri, (p) => p.version === 0, 30_000);
    firstPublish.push(performance.now() - start);
    await client.close();
  }
  const startup = e2eStartup();
  const row = (what: string, samples: number[]) => [what, ms(median(samples)), ms(quantile(samples, 0.95)), String(samples.length)];
  const kb = vsix.bytes === undefined ? undefined : vsix.bytes / 1024;
  const body = [
    table(['measurement', 'median ms', 'p95 ms', 'runs'], [
      row('server: spawn → initialize answered (Node start, bundle load, WASM runtime and grammar)', initialize),
      row('server: spawn → first publishDiagnostics for a small file (test/fixtures/pin502.py)', firstPublish),
      activationRow(startup),
    ]),
    '',
    kb === undefined ? `.vsix: not measured (${vsix.problem}).` : `.vsix size: **${ms(kb, 0)} KiB** (artifacts/pyinsight.vsix from \`npm run package\`).`,
  ].join('\n');
  return {
    title: 'Start-up and package',
    body,
    goals: [
      { goal: 'server initialisation (spawn → initialize answered)', target: 'reported', measured: `${ms(median(initialize))} ms median`, met: undefined },
      { goal: 'extension activation in VS Code (activate(), server start included)', target: 'reported', measured: startup ? `${ms(startup.activateMs)} ms (e2e run of ${startup.date.slice(0, 10)})` : 'not measured (run npm run test:e2e)', met: undefined },
      { goal: '.vsix size', target: 'reported', measured: kb === undefined ? 'not measured' : `${ms(kb, 0)} KiB`, met: undefined },
    ],
  };
}

if (require.main === module) {
  void startSection(packageVsix()).then((s) => process.stdout.write(`## ${s.title}\n\n${s.body}\n`));
}
