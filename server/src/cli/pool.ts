// Runs `pyinsight check` over many files, in this thread or on worker threads. Workers take the next file from one
// shared queue (an index in a SharedArrayBuffer, claimed with Atomics.add), so a thread that drew small files simply
// takes more of them: no static split, no idle core while the other finishes a long tail. Results are handed on in
// the order of `files` whatever order they finish in, so the output is the same for every job count.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { loadPythonGrammar } from '../parsing/treeSitter';
import { PyprojectSettings } from '../workspace/pyproject';
import { createChecker } from './check';
import type { FileResult } from './findings';
import type { CliSelection } from './selection';
import { addTimes, type PhaseTimes } from './timings';
import type { WorkerInput, WorkerMessage } from './worker';

/**
 * Starting a worker (loading the bundle, the WASM runtime, the grammar, compiling the rules' queries) costs about as
 * much as checking this many typical files; below two such shares a second thread cannot pay for itself.
 */
export const FILES_PER_WORKER = 40;

/** Replacement workers started, over a whole run, when one dies (a crash must not lose the rest of the files). */
const MAX_RESTARTS = 3;

/** The default job count: one thread per core, but only as many as the run has work for. */
export function defaultJobs(fileCount: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(fileCount / FILES_PER_WORKER)));
}

export interface CheckRun {
  readonly files: readonly string[];
  readonly selection: CliSelection;
  /** 1 checks in this thread; more starts that many workers (never more than there are files). */
  readonly jobs: number;
  /** The script a worker runs: dist/cli.js itself, which starts as a worker when it is not the main thread. */
  readonly workerScript: string;
  /** When given, accumulates every thread's phase times. */
  readonly times?: PhaseTimes;
}

/** Checks every file; `onResult` receives the results in the order of `files`. */
export async function checkFiles(run: CheckRun, onResult: (result: FileResult) => void): Promise<void> {
  const jobs = Math.min(run.jobs, run.files.length);
  if (jobs <= 1) return checkInThisThread(run, onResult);
  return checkOnWorkers(run, jobs, onResult);
}

async function checkInThisThread(run: CheckRun, onResult: (result: FileResult) => void): Promise<void> {
  const start = performance.now();
  const grammar = await loadPythonGrammar();
  if (run.times) run.times.init += performance.now() - start;
  const checker = createChecker(grammar, run.selection, new PyprojectSettings(), run.times);
  try {
    for (const file of run.files) onResult(checker.checkFile(file));
  } finally {
    checker.dispose();
  }
}

function checkOnWorkers(run: CheckRun, jobs: number, onResult: (result: FileResult) => void): Promise<void> {
  const { files } = run;
  const queue = new SharedArrayBuffer(4);
  // current[slot]: the index the worker in that slot is checking, -1 when none; read when a worker dies.
  const current = new Int32Array(new SharedArrayBuffer(4 * jobs)).fill(-1);
  const finished = new Map<number, FileResult>();
  let next = 0;
  let restarts = 0;
  let running = 0;

  const deliver = (index: number, result: FileResult) => {
    finished.set(index, result);
    for (let r = finished.get(next); r !== undefined; r = finished.get(next)) {
      finished.delete(next++);
      onResult(r);
    }
  };
  const failed = (index: number, why: string): FileResult => ({ path: files[index], findings: [], errors: [`internal error: ${why}`] });

  return new Promise((resolve) => {
    function start(slot: number): void {
      running++;
      const input: WorkerInput = { files, selection: run.selection, queue, current: current.buffer as SharedArrayBuffer, slot, timings: run.times !== undefined };
      const worker = new Worker(run.workerScript, { workerData: input, stdout: false, stderr: false });
      let problem: string | undefined;
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'result') deliver(message.index, message.result);
        else if (run.times) addTimes(run.times, message.times);
      });
      worker.on('error', (error) => (problem = error.message));
      worker.on('exit', (code) => {
        running--;
        const stuck = Atomics.exchange(current, slot, -1);
        if (code !== 0 || problem !== undefined) {
          const why = `the worker thread checking this file stopped (${problem ?? `exit code ${code}`})`;
          if (stuck >= 0) deliver(stuck, failed(stuck, why));
          if (Atomics.load(new Int32Array(queue), 0) < files.length && restarts < MAX_RESTARTS) {
            restarts++;
            start(slot);
            return;
          }
        }
        if (running > 0) return;
        // Files no worker got to (every worker died and the restarts ran out) are reported, never dropped.
        // `next` is never among the finished (it would have been handed on), so each failure also releases those after it.
        while (next < files.length) deliver(next, failed(next, 'no worker thread was left to check this file'));
        resolve();
      });
    }
    for (let slot = 0; slot < jobs; slot++) start(slot);
  });
}
