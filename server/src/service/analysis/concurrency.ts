// Which qualified names start processes and which only start threads. Shared by the multiprocessing rules; names are
// what NameResolver.qualifiedName / producedBy return (contexts from get_context() map onto `multiprocessing.X`).
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';
import type { FileText } from './textFacts';

/** multiprocessing's Pool: workers are processes, and the function is pickled to reach them. */
export const PROCESS_POOLS: ReadonlySet<string> = new Set(['multiprocessing.Pool', 'multiprocessing.pool.Pool']);

export const PROCESS_EXECUTORS: ReadonlySet<string> = new Set([
  'concurrent.futures.ProcessPoolExecutor',
  'concurrent.futures.process.ProcessPoolExecutor',
]);

export const PROCESS_CLASSES: ReadonlySet<string> = new Set(['multiprocessing.Process', 'multiprocessing.context.Process']);

/** Calls that start a server process as soon as they return. */
export const MANAGERS: ReadonlySet<string> = new Set(['multiprocessing.Manager']);

export const START_METHOD_SETTERS: ReadonlySet<string> = new Set(['multiprocessing.set_start_method']);

/**
 * Same APIs, but threads: nothing is pickled and nothing re-imports the main module. Listed so that rules (and
 * readers) can see they are left alone on purpose; `multiprocessing.dummy` mirrors multiprocessing with threads.
 */
export const THREAD_POOLS: ReadonlySet<string> = new Set([
  'multiprocessing.pool.ThreadPool',
  'multiprocessing.dummy.Pool',
  'concurrent.futures.ThreadPoolExecutor',
  'concurrent.futures.thread.ThreadPoolExecutor',
]);

/** Pool methods whose first parameter (`func`) is the function run in the workers. */
export const POOL_WORKER_METHODS: ReadonlySet<string> = new Set([
  'map', 'imap', 'imap_unordered', 'starmap', 'apply', 'apply_async', 'map_async', 'starmap_async',
]);

/** Executor methods whose first parameter (`fn`) is the function run in the workers. */
export const EXECUTOR_WORKER_METHODS: ReadonlySet<string> = new Set(['submit', 'map']);

export type ProcessPoolKind = 'pool' | 'executor';

/** Whether `receiver` (a name or a call) holds a process pool or executor, and which one. */
export function processPoolKind(names: NameResolver, receiver: SyntaxNode): ProcessPoolKind | undefined {
  const producer = names.producedBy(receiver);
  if (producer === undefined) return undefined;
  if (PROCESS_POOLS.has(producer)) return 'pool';
  if (PROCESS_EXECUTORS.has(producer)) return 'executor';
  return undefined;
}

/**
 * Whether calling `callee` creates a multiprocessing Process: the class itself, or a class of this file deriving from
 * it directly (`class Worker(mp.Process)`).
 */
export function isProcessClass(names: NameResolver, callee: SyntaxNode): boolean {
  const qualified = names.qualifiedName(callee);
  if (qualified !== undefined) return PROCESS_CLASSES.has(qualified);
  const definition = names.definitionOf(callee);
  if (definition?.kind !== 'class') return false;
  const bases = definition.node.childForFieldName('superclasses')?.namedChildren ?? [];
  return bases.some((base) => !!base && base.type !== 'keyword_argument' && PROCESS_CLASSES.has(names.qualifiedName(base) ?? ''));
}

/**
 * Whether the file picks fork for the whole program (`set_start_method("fork")`): its children are copies of the
 * parent, which re-import nothing and receive Process targets without pickling. Judged on the text, so it also
 * quiets findings in files that pick fork only in some branch: a missed finding costs less than a false one.
 */
export function choosesFork(text: string): boolean {
  return new RegExp(FORK_CHOICE).test(text);
}

const FORK_CHOICE = String.raw`set_start_method\(\s*(?:method\s*=\s*)?['"]fork['"]`;

/** Offsets of every `set_start_method("fork")` spelled in the text (where its name starts), for a closer look. */
export function forkChoices(text: string): number[] {
  return [...text.matchAll(new RegExp(FORK_CHOICE, 'g'))].map((m) => m.index);
}

/**
 * Every name above lives in `multiprocessing` or `concurrent`, so a file that never spells either cannot reach one:
 * the rules that need these names use this as their prefilter and skip such files without running a query.
 */
export function mayUseProcesses(file: FileText): boolean {
  return file.has(/\b(?:multiprocessing|concurrent)\b/);
}
