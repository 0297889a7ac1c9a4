// The worker side of the pool (pool.ts): dist/cli.js started as a worker thread lands here. It loads the grammar
// once, then claims file indices from the shared queue until none are left, posting each result as plain data.
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { loadPythonGrammar } from '../parsing/treeSitter';
import { PyprojectSettings } from '../workspace/pyproject';
import { createChecker } from './check';
import type { FileResult } from './findings';
import type { CliSelection } from './selection';
import { noTimes, type PhaseTimes } from './timings';

export interface WorkerInput {
  readonly files: readonly string[];
  readonly selection: CliSelection;
  /** One Int32: the index of the next file to claim, shared by every worker. */
  readonly queue: SharedArrayBuffer;
  /** One Int32 per worker: the index it is checking, so the pool can name the file if the worker dies. */
  readonly current: SharedArrayBuffer;
  readonly slot: number;
  readonly timings: boolean;
}

export type WorkerMessage =
  | { readonly kind: 'result'; readonly index: number; readonly result: FileResult }
  | { readonly kind: 'done'; readonly times: PhaseTimes };

export async function runCheckWorker(input: WorkerInput): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runCheckWorker must run in a worker thread');
  const post = (message: WorkerMessage) => port.postMessage(message);
  const times = input.timings ? noTimes() : undefined;
  const grammar = await loadPythonGrammar();
  // A worker's clock starts with the thread, so this is its whole start-up: bundle evaluated, grammar loaded.
  if (times) times.init += performance.now();
  const checker = createChecker(grammar, input.selection, new PyprojectSettings(), times);
  const queue = new Int32Array(input.queue);
  const current = new Int32Array(input.current);
  try {
    for (let index = Atomics.add(queue, 0, 1); index < input.files.length; index = Atomics.add(queue, 0, 1)) {
      Atomics.store(current, input.slot, index);
      post({ kind: 'result', index, result: checker.checkFile(input.files[index]) });
    }
    Atomics.store(current, input.slot, -1);
  } finally {
    checker.dispose();
  }
  post({ kind: 'done', times: times ?? noTimes() });
}
