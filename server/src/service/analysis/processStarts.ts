// Module-level statements that start processes (or pick the start method) when the module is imported: what PIN101
// looks for. Only calls inside the given top-level statement are examined, via descendantsOfType (runs in WASM).
import type { SyntaxNode } from '../../parsing/treeSitter';
import { isProcessClass, MANAGERS, PROCESS_EXECUTORS, PROCESS_POOLS, START_METHOD_SETTERS } from './concurrency';
import { isMainGuard, runsOnImport } from './mainGuard';
import type { NameResolver } from './resolve';

export type ProcessStartKind = 'pool' | 'executor' | 'manager' | 'process' | 'start-method';

export interface ProcessStart {
  readonly kind: ProcessStartKind;
  /** The offending call. */
  readonly call: SyntaxNode;
}

/** Per analysis run (keyed by its resolver), statement id → its process starts; the fix asks about neighbours. */
const cache = new WeakMap<NameResolver, Map<number, readonly ProcessStart[]>>();

/** The process starts a top-level statement performs on import, in source order. */
export function processStartsIn(names: NameResolver, statement: SyntaxNode): readonly ProcessStart[] {
  let perRun = cache.get(names);
  if (!perRun) cache.set(names, (perRun = new Map()));
  let starts = perRun.get(statement.id);
  if (!starts) perRun.set(statement.id, (starts = compute(names, statement)));
  return starts;
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
      if (kind) starts.push({ kind, call });
    }
  }
  return starts;
}

function startKind(names: NameResolver, call: SyntaxNode): ProcessStartKind | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'start') {
    const receiver = fn.childForFieldName('object');
    return receiver && createsProcess(names, receiver) ? 'process' : undefined;
  }
  const qualified = names.qualifiedName(fn);
  if (qualified === undefined) return undefined;
  if (PROCESS_POOLS.has(qualified)) return 'pool';
  if (PROCESS_EXECUTORS.has(qualified)) return 'executor';
  if (MANAGERS.has(qualified)) return 'manager';
  if (START_METHOD_SETTERS.has(qualified)) return 'start-method';
  return undefined;
}

/** `Process(...)` itself, or a name every binding of which is assigned such a call. */
function createsProcess(names: NameResolver, expr: SyntaxNode): boolean {
  if (expr.type === 'call') {
    const fn = expr.childForFieldName('function');
    return !!fn && isProcessClass(names, fn);
  }
  if (expr.type !== 'identifier') return false;
  const resolution = names.resolve(expr.text, expr);
  if (resolution.kind !== 'bound') return false;
  return resolution.bindings.every((b) => b.kind === 'assign' && b.value.type === 'call' && createsProcess(names, b.value));
}
