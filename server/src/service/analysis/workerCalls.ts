// Where a call hands a function to other processes: the worker argument of pool/executor methods and of Process().
import type { SyntaxNode } from '../../parsing/treeSitter';
import { EXECUTOR_WORKER_METHODS, isProcessClass, POOL_WORKER_METHODS, processPoolKind } from './concurrency';
import type { NameResolver } from './resolve';

export interface WorkerCall {
  readonly via: 'pool' | 'executor' | 'process';
  /** How the message names the API: `Pool.map`, `ProcessPoolExecutor.submit`, `Process(target=…)`. */
  readonly api: string;
  readonly worker: SyntaxNode;
}

/** The value of the keyword argument `name`. */
export function keywordArgument(args: SyntaxNode, name: string): SyntaxNode | undefined {
  const item = args.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return item?.childForFieldName('value') ?? undefined;
}

export interface WorkerArgument {
  readonly node: SyntaxNode;
  /** The keyword it was passed with (`func`, `fn`), or undefined when passed by position. */
  readonly keyword?: string;
}

function firstPositional(args: SyntaxNode): SyntaxNode | undefined {
  return args.namedChildren.find((a) => !!a && a.type !== 'comment' && a.type !== 'keyword_argument') ?? undefined;
}

/** The first positional argument of a pool/executor method, else its `func=` or `fn=` argument. */
export function workerArgument(args: SyntaxNode): WorkerArgument | undefined {
  const first = firstPositional(args);
  if (first) return first.type === 'list_splat' || first.type === 'dictionary_splat' ? undefined : { node: first };
  for (const keyword of ['func', 'fn']) {
    const node = keywordArgument(args, keyword);
    if (node) return { node, keyword };
  }
  return undefined;
}

/** The worker call when `receiver` is a process pool/executor that has `method` and takes the worker that way. */
export function poolWorker(names: NameResolver, receiver: SyntaxNode, method: string, worker: WorkerArgument): WorkerCall | undefined {
  const kind = processPoolKind(names, receiver);
  if (kind === 'pool' && POOL_WORKER_METHODS.has(method) && (worker.keyword ?? 'func') === 'func') {
    return { via: 'pool', api: `Pool.${method}`, worker: worker.node };
  }
  // Executor.submit's fn is positional-only since Python 3.9 (submit(fn=...) raises TypeError); Executor.map's is not.
  const executorKeyword = method === 'map' ? 'fn' : undefined;
  if (kind === 'executor' && EXECUTOR_WORKER_METHODS.has(method) && (worker.keyword === undefined || worker.keyword === executorKeyword)) {
    return { via: 'executor', api: `ProcessPoolExecutor.${method}`, worker: worker.node };
  }
  return undefined;
}

/** `Process(target=…)` from multiprocessing, unless this very call uses an explicit fork context. */
export function processTarget(names: NameResolver, callee: SyntaxNode, args: SyntaxNode): WorkerCall | undefined {
  const worker = keywordArgument(args, 'target');
  if (!worker || !isProcessClass(names, callee) || forkContext(names, callee)) return undefined;
  return { via: 'process', api: 'Process(target=…)', worker };
}

/** `get_context("fork").Process`, directly or through a name: fork copies memory and pickles nothing. */
export function forkContext(names: NameResolver, callee: SyntaxNode): boolean {
  return callee.type === 'attribute' && isForkContext(names, callee.childForFieldName('object'));
}

/** `get_context("fork")` (or `method="fork"`), or a name bound only to it. */
export function isForkContext(names: NameResolver, expr: SyntaxNode | null): boolean {
  let object = expr;
  if (object?.type === 'identifier') {
    const resolution = names.resolve(object.text, object);
    const binding = resolution.kind === 'bound' && resolution.bindings.length === 1 ? resolution.bindings[0] : undefined;
    object = binding?.kind === 'assign' ? binding.value : null;
  }
  if (object?.type !== 'call' || names.producedBy(object) !== 'multiprocessing.get_context') return false;
  const args = object.childForFieldName('arguments');
  const method = args ? firstPositional(args) ?? keywordArgument(args, 'method') : undefined;
  return method?.type === 'string' && /^['"]fork['"]$/.test(method.text);
}
