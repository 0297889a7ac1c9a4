// Per-phase time counters for `pyinsight check --timings` (a hidden flag; bench/throughput.ts reads the line).
// Each thread counts its own phases; the pool adds the workers' counters up, so read/parse/analyse are thread time
// summed over threads, while `wall` is the elapsed time of the whole run.
import { performance } from 'node:perf_hooks';

export const PHASES = ['init', 'read', 'parse', 'analyse', 'report'] as const;
export type Phase = (typeof PHASES)[number];

/** Milliseconds per phase. `init` readies a thread: a worker's whole start-up, or the main thread's grammar load. */
export type PhaseTimes = Record<Phase, number>;

export const noTimes = (): PhaseTimes => ({ init: 0, read: 0, parse: 0, analyse: 0, report: 0 });

export function addTimes(into: PhaseTimes, from: Readonly<PhaseTimes>): void {
  for (const phase of PHASES) into[phase] += from[phase];
}

/** Runs `work`, adding its duration to `phase` of `times` (when counting at all). */
export function timed<T>(times: PhaseTimes | undefined, phase: Phase, work: () => T): T {
  if (!times) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    times[phase] += performance.now() - start;
  }
}

/** What `--timings` prints: one line, a fixed prefix, then JSON, so a benchmark can pick it out of stderr. */
export interface TimingsReport {
  readonly jobs: number;
  readonly files: number;
  readonly wallMs: number;
  /** process.cpuUsage(): user and system time of every thread of the process. */
  readonly cpuMs: number;
  readonly phasesMs: PhaseTimes;
}

export const TIMINGS_PREFIX = 'pyinsight-timings ';

export function formatTimings(report: TimingsReport): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  const phasesMs = Object.fromEntries(PHASES.map((p) => [p, round(report.phasesMs[p])]));
  return `${TIMINGS_PREFIX}${JSON.stringify({ ...report, wallMs: round(report.wallMs), cpuMs: round(report.cpuMs), phasesMs })}\n`;
}
