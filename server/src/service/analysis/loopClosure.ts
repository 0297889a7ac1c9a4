// Helpers for PIN506: the for loops a lambda/def is created in, the loop variables it reads late, and whether the
// function object certainly outlives the iteration (stored in a container, attribute or callback registry).
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';

const SCOPE_BOUNDARIES = new Set(['function_definition', 'lambda', 'class_definition', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** Methods that keep their argument beyond the call: containers, queues and callback registries. */
const KEEPING_METHODS = new Set([
  'append', 'appendleft', 'add', 'insert', 'setdefault', 'put', 'put_nowait',
  'call_soon', 'call_soon_threadsafe', 'call_later', 'call_at', 'add_done_callback', 'connect', 'register',
]);

const WRAPPERS = new Set(['parenthesized_expression', 'list', 'tuple', 'set', 'dictionary', 'expression_list']);

/** The for loops whose body holds `fn`, innermost first, without crossing a scope boundary. */
export function enclosingForLoops(fn: SyntaxNode): SyntaxNode[] {
  const loops: SyntaxNode[] = [];
  let child = fn;
  for (let node = fn.parent; node && !SCOPE_BOUNDARIES.has(node.type); child = node, node = node.parent) {
    if (node.type === 'for_statement' && node.childForFieldName('body')?.id === child.id) loops.push(node);
  }
  return loops;
}

/** The identifiers a for statement's target binds (`i`, `k, v`, `(a, [b, c])`). */
export function loopTargets(target: SyntaxNode | null): SyntaxNode[] {
  // Depth first, left to right, with a stack: tree-sitter accepts patterns nested deeper than the JavaScript stack.
  const found: SyntaxNode[] = [];
  const pending = target ? [target] : [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'identifier') found.push(node);
    else if (['pattern_list', 'tuple_pattern', 'list_pattern', 'parenthesized_expression'].includes(node.type)) {
      for (const child of [...node.namedChildren].reverse()) if (child) pending.push(child);
    }
  }
  return found;
}

/** True when the loop body may leave the loop early (then the variable may never be rebound after the closure). */
export function leavesEarly(loop: SyntaxNode): boolean {
  const body = loop.childForFieldName('body');
  if (!body) return true;
  return [...body.descendantsOfType(['break_statement', 'return_statement', 'raise_statement'])].some((s) => !!s && !insideNestedScope(s, body));
}

function insideNestedScope(node: SyntaxNode, root: SyntaxNode): boolean {
  for (let n = node.parent; n && n.id !== root.id; n = n.parent) if (SCOPE_BOUNDARIES.has(n.type)) return true;
  return false;
}

/** True when the value at `node` is certainly kept after this statement: stored in a subscript/attribute or kept by a call. */
export function keptBeyondStatement(node: SyntaxNode): boolean {
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (WRAPPERS.has(p.type)) continue;
    if (p.type === 'pair') {
      if (p.childForFieldName('value')?.id !== n.id) return false;
      continue;
    }
    if (p.type === 'argument_list') {
      const callee = p.parent?.type === 'call' ? p.parent.childForFieldName('function') : null;
      return callee?.type === 'attribute' && KEEPING_METHODS.has(callee.childForFieldName('attribute')?.text ?? '');
    }
    if (p.type === 'assignment') {
      const left = p.childForFieldName('left');
      return p.childForFieldName('right')?.id === n.id && (left?.type === 'subscript' || left?.type === 'attribute');
    }
    if (p.type === 'augmented_assignment') {
      return p.childForFieldName('right')?.id === n.id && n.id !== node.id && (n.type === 'list' || n.type === 'tuple') && p.child(1)?.text === '+=';
    }
    return false;
  }
  return false;
}

/** The plain name a def or `name = lambda …` binds in the loop body, if any. */
export function boundName(fn: SyntaxNode): SyntaxNode | undefined {
  if (fn.type === 'function_definition') return fn.childForFieldName('name') ?? undefined;
  const parent = fn.parent;
  const left = parent?.type === 'assignment' && parent.childForFieldName('right')?.id === fn.id ? parent.childForFieldName('left') : null;
  return left?.type === 'identifier' ? left : undefined;
}

/** Uses of `name` later in the loop body (same binding) that keep the function beyond the iteration. */
export function keptByName(name: SyntaxNode, loop: SyntaxNode, names: NameResolver): SyntaxNode | undefined {
  const body = loop.childForFieldName('body');
  if (!body) return undefined;
  const scope = names.index.scopeOfUse(name);
  for (const id of body.descendantsOfType('identifier')) {
    if (!id || id.text !== name.text || id.startIndex <= name.endIndex) continue;
    const resolution = names.resolve(id.text, id);
    if (resolution.kind === 'bound' && resolution.scope === scope && keptBeyondStatement(id)) return id;
  }
  return undefined;
}

const STORING_COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension']);

/**
 * The list/set/dict comprehension whose element is `fn` (directly, in a tuple/list, or as a dict value): the element
 * is kept in the result, and every element is called only after the comprehension has run to its last value.
 */
export function storingComprehension(fn: SyntaxNode): SyntaxNode | undefined {
  let n = fn;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (STORING_COMPREHENSIONS.has(p.type)) return p.childForFieldName('body')?.id === n.id ? p : undefined;
    if (p.type === 'pair' ? p.childForFieldName('value')?.id !== n.id : !WRAPPERS.has(p.type)) return undefined;
  }
  return undefined;
}

/** The variables the for clauses of a comprehension bind. */
export function comprehensionTargets(comprehension: SyntaxNode): SyntaxNode[] {
  return comprehension.namedChildren.filter((c) => c?.type === 'for_in_clause').flatMap((c) => loopTargets(c!.childForFieldName('left')));
}
