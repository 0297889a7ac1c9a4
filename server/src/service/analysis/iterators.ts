// Names bound to single-use iterators: a generator expression, a call of a same-file generator function, or a
// built-in that returns an iterator (map, filter, …). Shared by the generator rules (PIN401, PIN403, PIN404).
import type { SyntaxNode } from '../../parsing/treeSitter';
import { record } from './dependencies';
import type { NameResolver } from './resolve';
import type { Scope } from './scopes';

/** The def or lambda whose frame runs `node` (undefined at module or class level). */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda') return p;
    if (p.type === 'class_definition') return undefined;
  }
  return undefined;
}

/** 'generator' / 'async generator' for an undecorated def with a `yield` of its own; a decorator may return anything. */
export function generatorFunctionKind(fn: SyntaxNode): 'generator' | 'async generator' | undefined {
  if (fn.type !== 'function_definition' || fn.parent?.type === 'decorated_definition') return undefined;
  const body = fn.childForFieldName('body');
  if (!body || !body.descendantsOfType('yield').some((y) => y && enclosingFunction(y)?.id === fn.id)) return undefined;
  return fn.children.some((c) => c?.type === 'async') ? 'async generator' : 'generator';
}

export interface IteratorValue {
  /** The type name CPython prints in its errors: 'generator', 'map', … */
  readonly typeName: string;
  /** How the value was made, for messages: "a generator expression", "a call of the generator function `numbers`". */
  readonly origin: string;
  /** The def, for generator-function calls. */
  readonly definition?: SyntaxNode;
}

/**
 * What single-use iterator `value` evaluates to, or undefined when unsure. `builtins` lists the built-ins accepted
 * (their types have no __len__/__getitem__ and return themselves from __iter__).
 */
export function iteratorValue(value: SyntaxNode, names: NameResolver, builtins: readonly string[]): IteratorValue | undefined {
  if (value.type === 'generator_expression') {
    const isAsync = value.descendantsOfType('for_in_clause').some((c) => c?.children.some((t) => t?.type === 'async'));
    return isAsync || value.descendantsOfType('await').length > 0 ? undefined : { typeName: 'generator', origin: 'a generator expression' };
  }
  if (value.type !== 'call') return undefined;
  const fn = value.childForFieldName('function');
  if (fn?.type !== 'identifier' || value.childForFieldName('arguments')?.type !== 'argument_list') return undefined;
  const definition = names.definitionOf(fn);
  if (definition) {
    const kind = definition.kind === 'def' ? generatorFunctionKind(definition.node) : undefined;
    return kind === 'generator' ? { typeName: 'generator', origin: `a call of the generator function \`${fn.text}\``, definition: definition.node } : undefined;
  }
  const qualified = names.qualifiedName(fn);
  const builtin = qualified?.startsWith('builtins.') ? qualified.slice('builtins.'.length) : undefined;
  if (!builtin || !builtins.includes(builtin)) return undefined;
  const typeName = builtin === 'reversed' || builtin === 'iter' ? 'iterator' : builtin;
  return { typeName, origin: `\`${builtin}(…)\`` };
}

export interface IteratorBinding extends IteratorValue {
  /** The assignment statement's `assignment` node. */
  readonly assignment: SyntaxNode;
  readonly scope: Scope;
}

/** The iterator `identifier` refers to, when its scope binds the name exactly once, by `name = <iterator>` above it. */
export function iteratorBinding(identifier: SyntaxNode, names: NameResolver, builtins: readonly string[]): IteratorBinding | undefined {
  const resolution = names.resolve(identifier.text, identifier);
  if (resolution.kind !== 'bound' || resolution.bindings.length !== 1) return undefined;
  const [binding] = resolution.bindings;
  if (binding.kind !== 'assign') return undefined;
  const assignment = binding.node.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.id !== binding.node.id) return undefined;
  // Only uses after the assignment: earlier ones (and `g = (g for …)`) see no value, or an older one.
  if (identifier.startIndex < assignment.endIndex) return undefined;
  const value = iteratorValue(binding.value, names, builtins);
  if (!value) return undefined;
  // Callers then read the assignment's block and its scope as a whole: at module or class level, other statements.
  if (resolution.scope.kind === 'module' || resolution.scope.kind === 'class') record.wholeFile();
  return { ...value, assignment, scope: resolution.scope };
}
