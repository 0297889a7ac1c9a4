// How a function treats the object bound to one of its parameters: does it change it in place, or let it escape
// (return, yield, store)? Used to tell a harmless shared default from one that leaks state between calls.
// Only the identifiers of the one function body are visited (descendantsOfType runs inside WASM), never the file.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';
import type { Scope } from './scopes';

/** `passes`: handed to a call that may do anything with it (it changes no severity, only whether a fix is safe). */
export type ParameterUse = 'mutates' | 'returns' | 'yields' | 'stores' | 'passes';

/** Builtins that only read their arguments: passing the parameter to them is no reason to doubt a fix. */
const READING_BUILTINS = new Set([
  'len', 'print', 'repr', 'str', 'bool', 'isinstance', 'iter', 'sorted', 'list', 'tuple', 'set', 'frozenset', 'dict',
  'enumerate', 'zip', 'any', 'all', 'sum', 'min', 'max', 'hash', 'id', 'type', 'reversed', 'format', 'map', 'filter',
]);

/** In-place methods of list, dict, set, bytearray, deque, OrderedDict and Counter. */
const MUTATING_METHODS = new Set([
  'append', 'extend', 'insert', 'pop', 'remove', 'clear', 'add', 'discard', 'update', 'setdefault', 'popitem', 'sort',
  'reverse', 'difference_update', 'intersection_update', 'symmetric_difference_update', 'appendleft', 'extendleft',
  'popleft', 'rotate', 'move_to_end', 'subtract', '__setitem__', '__delitem__', '__iadd__', '__ior__',
]);

/** Methods that keep a reference to their argument itself (not a copy of its items) in another container. */
const STORING_METHODS = new Set(['append', 'appendleft', 'add', 'insert', 'setdefault', 'put', 'put_nowait']);

/** Expressions whose value can be the operand itself: `x or []`, `(x, 1)`, `x if c else y`. */
const PASS_THROUGH = new Set(['parenthesized_expression', 'expression_list', 'tuple', 'list', 'boolean_operator', 'conditional_expression', 'pair', 'dictionary']);

/** Assignment targets that contain several targets (`a[0], b = …`). */
const TARGET_LISTS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'expression_list', 'parenthesized_expression']);

const isField = (parent: SyntaxNode | null, field: string, node: SyntaxNode) => parent?.childForFieldName(field)?.id === node.id;

/**
 * Everything `fn` (a function_definition or lambda) does with parameter `name` that PIN502 cares about. Uses after the
 * parameter is rebound by a statement that always runs (`x = list(x)` in the body itself) are ignored: from then on
 * the name holds a different object. A rebinding that may be skipped (`if …: x = list(x)`) does not end anything.
 */
export function parameterUses(fn: SyntaxNode, name: string, names: NameResolver): Set<ParameterUse> {
  const uses = new Set<ParameterUse>();
  const body = fn.childForFieldName('body');
  if (!body) return uses;
  const candidates = body.type === 'identifier' ? [body] : body.descendantsOfType('identifier');
  let cutoff = Infinity;
  let scope: Scope | undefined;
  for (const id of candidates) {
    if (id.text !== name || id.startIndex >= cutoff) continue;
    const resolution = names.resolve(name, id);
    if (resolution.kind !== 'bound' || resolution.scope.node.id !== fn.id) continue;
    if (!scope) {
      scope = resolution.scope;
      for (const b of resolution.bindings) if (b.kind !== 'param') cutoff = Math.min(cutoff, rebindingEnd(body, b.node));
      if (id.startIndex >= cutoff) continue;
    }
    const use = directUse(id) ?? escapeUse(id, scope);
    if (use) uses.add(use);
  }
  return uses;
}

/**
 * The end of the statement that rebinds the parameter (`x = list(x)`), when that statement is a plain assignment of the
 * body itself, so it runs on every call and later uses see the new object; Infinity for bindings that may not run
 * (in an `if`, a loop, a nested function with `nonlocal`), which end nothing.
 */
function rebindingEnd(body: SyntaxNode, binding: SyntaxNode): number {
  let statement = binding;
  while (statement.parent && statement.parent.id !== body.id) statement = statement.parent;
  const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  return statement.parent && assignment?.type === 'assignment' ? statement.endIndex : Infinity;
}

/** `x.append(…)`, `x[k] = …`, `x[k] += …`, `del x[k]`, `x += …`, and the same on an item: `x[k].append(…)`. */
function directUse(id: SyntaxNode): ParameterUse | undefined {
  // `x[k]` and `x[k][j]` are objects held by the default; `x[1:]` is a copy, which nothing below can change.
  let node = id;
  let slices = 0;
  while (node.parent?.type === 'subscript' && isField(node.parent, 'value', node)) {
    node = node.parent;
    if (node.childForFieldName('subscript')?.type === 'slice') slices++;
  }
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'augmented_assignment' && isField(parent, 'left', node) && node.id === id.id) return 'mutates';
  if (parent.type === 'attribute' && isField(parent, 'object', node)) {
    const call = parent.parent;
    const method = parent.childForFieldName('attribute')?.text ?? '';
    return slices === 0 && call?.type === 'call' && isField(call, 'function', parent) && MUTATING_METHODS.has(method) ? 'mutates' : undefined;
  }
  const last = node.childForFieldName('subscript')?.type === 'slice' ? 1 : 0;
  if (node.id === id.id || slices > last) return undefined;
  let target: SyntaxNode = node;
  while (target.parent && TARGET_LISTS.has(target.parent.type)) target = target.parent;
  const holder = target.parent;
  if (holder?.type === 'delete_statement') return 'mutates';
  const assigns = (holder?.type === 'assignment' || holder?.type === 'augmented_assignment') && isField(holder, 'left', target);
  return assigns ? 'mutates' : undefined;
}

/** `return x`, `yield x`, a lambda body, `self.a = x`, `other[k] = x`, `GLOBAL = x`, `other.append(x)`. */
function escapeUse(id: SyntaxNode, scope: Scope | undefined): ParameterUse | undefined {
  let node = id;
  for (let p = node.parent; p && PASS_THROUGH.has(p.type); p = node.parent) {
    if (p.type === 'conditional_expression' && p.namedChild(1)?.id === node.id) return undefined; // the condition
    if (p.type === 'pair' && !isField(p, 'value', node)) return undefined;
    node = p;
  }
  const parent = node.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'return_statement':
      return 'returns';
    case 'lambda':
      return isField(parent, 'body', node) ? 'returns' : undefined;
    case 'yield':
      // `yield from x` only iterates over x.
      return parent.children.some((c) => c?.type === 'from') ? undefined : 'yields';
    case 'assignment':
      return storedBy(parent, node, scope);
    case 'argument_list':
      return passedTo(parent.parent);
    case 'keyword_argument':
      return isField(parent, 'value', node) && parent.parent?.type === 'argument_list' ? passedTo(parent.parent.parent) : undefined;
    default:
      return undefined;
  }
}

/** A container method that keeps its argument stores it; a reading builtin does nothing; any other call may. */
function passedTo(call: SyntaxNode | null): ParameterUse | undefined {
  const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  if (!callee) return undefined;
  const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
  if (method && STORING_METHODS.has(method)) return 'stores';
  return callee.type === 'identifier' && READING_BUILTINS.has(callee.text) ? undefined : 'passes';
}

/** Whether assigning `value` (the right side of `assignment`, possibly chained) puts it somewhere that outlives the call. */
function storedBy(assignment: SyntaxNode, value: SyntaxNode, scope: Scope | undefined): ParameterUse | undefined {
  let current: SyntaxNode | null = assignment;
  let right = value;
  while (current?.type === 'assignment' && isField(current, 'right', right)) {
    const left = current.childForFieldName('left');
    if (left?.type === 'attribute' || left?.type === 'subscript') return 'stores';
    if (left?.type === 'identifier' && (scope?.globals.has(left.text) || scope?.nonlocals.has(left.text))) return 'stores';
    right = current;
    current = current.parent;
  }
  return undefined;
}
