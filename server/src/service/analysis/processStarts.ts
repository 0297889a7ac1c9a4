// Module-level statements that start processes (or pick the start method) when the module is imported: what PIN101
// looks for. Only calls inside the given top-level statement are examined, via descendantsOfType (runs in WASM).
import type { SyntaxNode } from '../../parsing/treeSitter';
import { forkChoices, isProcessClass, MANAGERS, PROCESS_EXECUTORS, PROCESS_POOLS, START_METHOD_SETTERS } from './concurrency';
import { isMainGuard, runsOnImport } from './mainGuard';
import { checkIdentity } from './dependencies';
import type { NameResolver } from './resolve';
import { forkContext, isForkContext, keywordArgument } from './workerCalls';

export type ProcessStartKind = 'pool' | 'executor' | 'manager' | 'process' | 'start-method';

export interface ProcessStart {
  readonly kind: ProcessStartKind;
  /** The offending call. */
  readonly call: SyntaxNode;
}

/**
 * Per analysis run (keyed by its resolver) and per check (so every check records what it reads), statement id → its
 * process starts; the fix asks about neighbours.
 */
const cache = new WeakMap<NameResolver, WeakMap<object, Map<number, readonly ProcessStart[]>>>();

/** The process starts a top-level statement performs on import, in source order. */
export function processStartsIn(names: NameResolver, statement: SyntaxNode): readonly ProcessStart[] {
  let perResolver = cache.get(names);
  if (!perResolver) cache.set(names, (perResolver = new WeakMap()));
  let perRun = perResolver.get(checkIdentity());
  if (!perRun) perResolver.set(checkIdentity(), (perRun = new Map()));
  let starts = perRun.get(statement.id);
  if (!starts) perRun.set(statement.id, (starts = compute(names, statement)));
  return starts;
}

/** Per analysis run and check, where the program first picks fork on import. */
const forkCache = new WeakMap<NameResolver, WeakMap<object, number>>();
/** Per analysis run, where the text spells set_start_method("fork") (a scan of the whole text, done once). */
const choiceCache = new WeakMap<NameResolver, number[]>();

/**
 * The offset of the first `set_start_method("fork")` that runs on import (outside defs and main guards), else
 * Infinity. Processes started after it are forked: copies of the parent, which import nothing again.
 */
export function forkChosenFrom(names: NameResolver, root: SyntaxNode, text: string): number {
  let perResolver = forkCache.get(names);
  if (!perResolver) forkCache.set(names, (perResolver = new WeakMap()));
  let from = perResolver.get(checkIdentity());
  if (from !== undefined) return from;
  from = Infinity;
  let choices = choiceCache.get(names);
  if (!choices) choiceCache.set(names, (choices = forkChoices(text)));
  for (const offset of choices) {
    const name = root.descendantForIndex(offset);
    const fn = name?.parent?.type === 'attribute' ? name.parent : name;
    const call = fn?.parent;
    if (!fn || call?.type !== 'call' || call.childForFieldName('function')?.id !== fn.id) continue;
    if (START_METHOD_SETTERS.has(names.qualifiedName(fn) ?? '') && runsOnImport(call)) {
      from = call.startIndex;
      break;
    }
  }
  perResolver.set(checkIdentity(), from);
  return from;
}

function compute(names: NameResolver, statement: SyntaxNode): ProcessStart[] {
  const starts: ProcessStart[] = [];
  // The body of a main guard never runs on import: skip it without asking for its calls at all.
  const guarded = isMainGuard(statement) ? statement.childForFieldName('consequence') : null;
  const regions = guarded ? statement.namedChildren.filter((c): c is SyntaxNode => !!c && c.id !== guarded.id) : [statement];
  for (const region of regions) {
    for (const call of region.descendantsOfType('call')) {
      if (!call || !runsOnImport(call)) continue;
      const kind = startKind(names, call);
      if (kind && !repeatsHarmlessly(names, call, kind)) starts.push({ kind, call });
    }
  }
  return starts;
}

function startKind(names: NameResolver, call: SyntaxNode): ProcessStartKind | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'start') {
    const receiver = fn.childForFieldName('object');
    return receiver && processCreations(names, receiver) ? 'process' : undefined;
  }
  const qualified = names.qualifiedName(fn);
  if (qualified === undefined) return undefined;
  if (PROCESS_POOLS.has(qualified)) return 'pool';
  if (PROCESS_EXECUTORS.has(qualified)) return 'executor';
  if (MANAGERS.has(qualified)) return 'manager';
  if (START_METHOD_SETTERS.has(qualified)) return 'start-method';
  return undefined;
}

/** The `Process(...)` calls that `expr` is, or that every binding of the name `expr` is assigned; else undefined. */
function processCreations(names: NameResolver, expr: SyntaxNode): SyntaxNode[] | undefined {
  if (expr.type === 'call') {
    const fn = expr.childForFieldName('function');
    return fn && isProcessClass(names, fn) ? [expr] : undefined;
  }
  if (expr.type !== 'identifier') return undefined;
  const resolution = names.resolve(expr.text, expr);
  if (resolution.kind !== 'bound') return undefined;
  const calls: SyntaxNode[] = [];
  for (const b of resolution.bindings) {
    const created = b.kind === 'assign' && b.value.type === 'call' ? processCreations(names, b.value) : undefined;
    if (!created) return undefined;
    calls.push(...created);
  }
  return calls;
}

/**
 * Starts that a re-importing child can repeat without harm: through a fork context (`get_context("fork").Pool()`,
 * `ProcessPoolExecutor(mp_context=ctx)`), whose children are copies of the parent and import nothing;
 * `set_start_method("fork")`, for the same reason; and `set_start_method(…, force=True)`, which replaces the method
 * a re-importing child already has instead of raising.
 */
function repeatsHarmlessly(names: NameResolver, call: SyntaxNode, kind: ProcessStartKind): boolean {
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!fn || !args) return false;
  if (kind === 'start-method') {
    const positional = args.namedChildren.filter((a) => !!a && a.type !== 'comment' && a.type !== 'keyword_argument');
    const method = positional[0] ?? keywordArgument(args, 'method');
    const forced = (keywordArgument(args, 'force') ?? positional[1])?.type === 'true';
    return forced || /^['"]fork['"]$/.test(method?.text ?? '') || caughtRuntimeError(call);
  }
  if (kind === 'process') {
    const receiver = fn.childForFieldName('object');
    const created = receiver ? processCreations(names, receiver) : undefined;
    return !!created && created.every((c) => forkContext(names, c.childForFieldName('function') ?? c));
  }
  const context = kind === 'executor' ? keywordArgument(args, 'mp_context') : undefined;
  return forkContext(names, fn) || (!!context && isForkContext(names, context));
}

const CATCHES_RUNTIME_ERROR = new Set(['RuntimeError', 'Exception', 'BaseException']);

/**
 * The `try: set_start_method(...)` / `except RuntimeError: pass` idiom: in a re-importing child the call raises
 * "context has already been set", and the handler swallows it, so nothing goes wrong.
 */
function caughtRuntimeError(call: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = call.parent; n && n.type !== 'module'; n = n.parent) {
    if (n.type !== 'block' || n.parent?.type !== 'try_statement' || n.parent.childForFieldName('body')?.id !== n.id) continue;
    for (const clause of n.parent.namedChildren) {
      if (clause?.type !== 'except_clause') continue;
      const caught = clause.namedChildren.find((c) => c?.type !== 'block' && c?.type !== 'comment');
      const types = caught?.type === 'as_pattern' ? caught.namedChild(0) : caught;
      const names = !types ? [] : types.type === 'tuple' ? types.namedChildren.map((t) => t?.text ?? '') : [types.text];
      if (!types || names.some((name) => CATCHES_RUNTIME_ERROR.has(name.split('.').pop() ?? ''))) return true;
    }
  }
  return false;
}