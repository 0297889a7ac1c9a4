// Shared by the benchmarks: where the stdlib is, percentiles, a seeded PRNG, the machine and versions, Markdown.
// Nothing here asserts a time; the benchmarks report, bench/RESULTS.md records.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');

/** The python3 on PATH, resolved to its real executable (the pyenv shim costs 100+ ms per start). */
export const PYTHON = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();

export const STDLIB = execFileSync(PYTHON, ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();

/** One benchmark's part of RESULTS.md: a heading, Markdown body, and its goal verdicts for the summary table. */
export interface Section {
  readonly title: string;
  readonly body: string;
  readonly goals: readonly GoalRow[];
}

export interface GoalRow {
  readonly goal: string;
  readonly target: string;
  readonly measured: string;
  /** undefined: not measurable in this run (the row says why). */
  readonly met: boolean | undefined;
}

/** The q-quantile by the nearest-rank method (q = 0.5 is the median). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))];
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** p50 / p95 / p99 of samples in ms, formatted for a table row. */
export function percentiles(samples: readonly number[]): [string, string, string] {
  return [ms(quantile(samples, 0.5), 2), ms(quantile(samples, 0.95), 2), ms(quantile(samples, 0.99), 2)];
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** mulberry32: a tiny seeded PRNG, so every run makes the same edits at the same places. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** The header of RESULTS.md: which machine, which versions, when, and how busy the machine was. */
export function machineDescription(): string {
  const cores = cpus();
  const python = execFileSync(PYTHON, ['--version'], { encoding: 'utf8' }).trim();
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  return [
    `- Machine: ${cores[0]?.model ?? 'unknown CPU'} × ${cores.length} (os.cpus()), ${gib} GiB RAM, Linux ${release()}`,
    `- Node ${process.version}; ${python} (${PYTHON}); web-tree-sitter ${packageVersion('web-tree-sitter')}; tree-sitter-python ${packageVersion('tree-sitter-python')}; @astral-sh/ruff-wasm-nodejs ${packageVersion('@astral-sh/ruff-wasm-nodejs')}`,
    `- Corpus: the standard library of that Python, ${STDLIB}`,
    `- Load average when the run started: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (the machine is shared: compare rows of one run)`,
  ].join('\n');
}
