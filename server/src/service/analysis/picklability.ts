// Callables that pickle cannot send to another process. pickle stores a function (or a class) by reference, as its
// module plus __qualname__, and the receiving side imports it by that name: a lambda (`<lambda>`), and anything
// defined inside a function (`outer.<locals>.inner`), cannot be found that way.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { insideFunction, type NameResolver } from './resolve';

export type UnpicklableKind = 'lambda' | 'named-lambda' | 'nested-def' | 'local-class' | 'local-instance' | 'local-method';

export interface Unpicklable {
  readonly kind: UnpicklableKind;
  /** The expression that cannot be pickled (inside `functools.partial(...)` when it was wrapped). */
  readonly node: SyntaxNode;
  /** The nested def, or the local class. */
  readonly definition?: SyntaxNode;
}

/** Wrappers (parentheses, partial(), attribute chains) followed at most this deep; past it we cannot tell. */
const MAX_DEPTH = 32;

/** Why `expr`, passed as a callable to another process, cannot be pickled; undefined when it can or we cannot tell. */
export function unpicklableCallable(names: NameResolver, expr: SyntaxNode, depth = 0): Unpicklable | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expr.type) {
    case 'parenthesized_expression': {
      const inner = expr.namedChildren.filter((c) => c?.type !== 'comment');
      return inner.length === 1 && inner[0] ? unpicklableCallable(names, inner[0], depth + 1) : undefined;
    }
    case 'lambda':
      return { kind: 'lambda', node: expr };
    case 'identifier': {
      const definition = names.definitionOf(expr);
      if (definition) {
        if (!insideFunction(definition.scope)) return undefined;
        return { kind: definition.kind === 'def' ? 'nested-def' : 'local-class', node: expr, definition: definition.node };
      }
      const value = singleAssignedValue(names, expr);
      if (value?.type === 'lambda') return { kind: 'named-lambda', node: expr };
      const local = value?.type === 'call' ? localClassCalled(names, value) : undefined;
      return local ? { kind: 'local-instance', node: expr, definition: local } : undefined;
    }
    case 'call': {
      const fn = expr.childForFieldName('function');
      if (!fn) return undefined;
      if (names.qualifiedName(fn) === 'functools.partial') {
        const first = expr.childForFieldName('arguments')?.namedChild(0);
        return first && !isArgumentSyntax(first) ? unpicklableCallable(names, first, depth + 1) : undefined;
      }
      const local = localClassCalled(names, expr);
      return local ? { kind: 'local-instance', node: expr, definition: local } : undefined;
    }
    case 'attribute': {
      // A bound method pickles its instance; a function reached through the class has the class in its qualname.
      const object = expr.childForFieldName('object');
      const owner = object ? unpicklableCallable(names, object, depth + 1) : undefined;
      if (owner?.kind === 'local-instance' || owner?.kind === 'local-class') return { kind: 'local-method', node: expr, definition: owner.definition };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Keyword arguments and splats are not the callable of `partial(...)`. */
function isArgumentSyntax(node: SyntaxNode): boolean {
  return node.type === 'keyword_argument' || node.type === 'list_splat' || node.type === 'dictionary_splat' || node.type === 'comment';
}

/** The class_definition that `call` instantiates, when that class is defined inside a function. */
function localClassCalled(names: NameResolver, call: SyntaxNode): SyntaxNode | undefined {
  const fn = call.childForFieldName('function');
  const definition = fn ? names.definitionOf(fn) : undefined;
  return definition?.kind === 'class' && insideFunction(definition.scope) ? definition.node : undefined;
}

/** The value of the only binding of a name, when that binding is a plain assignment. */
function singleAssignedValue(names: NameResolver, identifier: SyntaxNode): SyntaxNode | undefined {
  const resolution = names.resolve(identifier.text, identifier);
  if (resolution.kind !== 'bound' || resolution.bindings.length !== 1) return undefined;
  const [binding] = resolution.bindings;
  return binding.kind === 'assign' ? binding.value : undefined;
}

/** The name of the function a node is nested in (for messages), if any. */
export function enclosingFunctionName(node: SyntaxNode): string | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return n.childForFieldName('name')?.text;
  }
  return undefined;
}

/** The `__qualname__` CPython gives a def or class: enclosing classes and functions first (`Job.run.<locals>.get`). */
export function qualifiedName(definition: SyntaxNode): string {
  const parts = [definition.childForFieldName('name')?.text ?? ''];
  for (let n = definition.parent; n; n = n.parent) {
    if (n.type === 'function_definition') parts.unshift(`${n.childForFieldName('name')?.text ?? ''}.<locals>`);
    else if (n.type === 'lambda') parts.unshift('<lambda>.<locals>');
    else if (n.type === 'class_definition') parts.unshift(n.childForFieldName('name')?.text ?? '');
  }
  return parts.join('.');
}
