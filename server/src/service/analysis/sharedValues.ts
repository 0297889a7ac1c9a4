// Which names hold a lock-carrying multiprocessing.Value: bound to one directly, or a parameter of a function this
// file starts as a Process target with such a Value in the same position of `args=`.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { isProcessClass } from './concurrency';
import type { NameResolver } from './resolve';
import { keywordArgument } from './workerCalls';

const VALUE_FACTORIES: ReadonlySet<string> = new Set(['multiprocessing.Value', 'multiprocessing.sharedctypes.Value']);

/** `Value(…)` that wraps its object with a lock (the default; `lock=False` returns a raw ctypes object, no get_lock). */
function isLockedValueCall(names: NameResolver, node: SyntaxNode): boolean {
  if (node.type !== 'call' || !VALUE_FACTORIES.has(names.producedBy(node) ?? '')) return false;
  const args = node.childForFieldName('arguments');
  if (!args || args.namedChildren.some((a) => a?.type === 'list_splat' || a?.type === 'dictionary_splat')) return false;
  const lock = keywordArgument(args, 'lock');
  // A lock of the caller's own (lock=some_lock) may be held some other way: stay quiet.
  return !lock || lock.type === 'true';
}

/** An identifier every binding of which is `name = Value(…)` with its own lock. */
export function isSharedValueName(names: NameResolver, identifier: SyntaxNode): boolean {
  const resolution = names.resolve(identifier.text, identifier);
  if (resolution.kind !== 'bound' || resolution.bindings.length === 0) return false;
  return resolution.bindings.every((b) => b.kind === 'assign' && b.value.type === 'call' && b.node.parent?.type === 'assignment' && isLockedValueCall(names, b.value));
}

/** The position of a plain parameter among the leading positional ones of `fn`, or -1. */
function parameterIndex(fn: SyntaxNode, name: string): number {
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  let index = 0;
  for (const p of params) {
    if (!p || p.type === 'comment') continue;
    const id = p.type === 'identifier' ? p : p.type === 'default_parameter' || p.type === 'typed_parameter' || p.type === 'typed_default_parameter' ? p.childForFieldName('name') ?? p.namedChild(0) : null;
    if (p.type === 'positional_separator') continue;
    if (!id || id.type !== 'identifier') return -1;
    if (id.text === name) return index;
    index++;
  }
  return -1;
}

/**
 * When `identifier` is a parameter of a module-level or nested def that this file passes as `Process(target=f,
 * args=(…))` with a locked Value at that parameter's position, the Process call. Found through the text (a regex for
 * `target=f`) and the node at each hit, never by walking the tree.
 */
export function sharedValueParameter(names: NameResolver, identifier: SyntaxNode, text: string, root: SyntaxNode): SyntaxNode | undefined {
  const resolution = names.resolve(identifier.text, identifier);
  if (resolution.kind !== 'bound' || resolution.bindings.length !== 1 || resolution.bindings[0].kind !== 'param') return undefined;
  const fn = resolution.scope.node;
  if (fn.type !== 'function_definition') return undefined;
  const fnName = fn.childForFieldName('name')?.text;
  const index = parameterIndex(fn, identifier.text);
  if (!fnName || index < 0 || resolution.scope.parent?.kind === 'class') return undefined;
  const pattern = new RegExp(`\\btarget\\s*=\\s*(${fnName})\\b`, 'g');
  for (let hit = pattern.exec(text); hit; hit = pattern.exec(text)) {
    const at = hit.index + hit[0].length - fnName.length;
    const target = root.descendantForIndex(at, at + fnName.length);
    const keyword = target?.parent;
    const call = keyword?.parent?.parent;
    if (target?.type !== 'identifier' || keyword?.type !== 'keyword_argument' || call?.type !== 'call') continue;
    const callee = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    if (!callee || !args || !isProcessClass(names, callee) || names.definitionOf(target)?.node.id !== fn.id) continue;
    const tuple = keywordArgument(args, 'args');
    if (tuple?.type !== 'tuple' && tuple?.type !== 'list') continue;
    const items = tuple.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
    if (items.slice(0, index + 1).some((c) => c.type === 'list_splat')) continue;
    const passed = items[index];
    if (passed && (passed.type === 'identifier' ? isSharedValueName(names, passed) : isLockedValueCall(names, passed))) return call;
  }
  return undefined;
}
