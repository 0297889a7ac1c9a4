// Which expressions build a new mutable container each time they are evaluated: literals, comprehensions and calls
// of the standard mutable types, resolved through imports (`from collections import defaultdict as dd`) and only when
// the builtin name is not shadowed.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';

const LITERALS: Readonly<Record<string, string>> = {
  list: 'list',
  dictionary: 'dict',
  set: 'set',
  list_comprehension: 'list',
  dictionary_comprehension: 'dict',
  set_comprehension: 'set',
};

const FACTORIES: Readonly<Record<string, string>> = {
  'builtins.list': 'list',
  'builtins.dict': 'dict',
  'builtins.set': 'set',
  'builtins.bytearray': 'bytearray',
  'collections.defaultdict': 'defaultdict',
  'collections.deque': 'deque',
  'collections.OrderedDict': 'OrderedDict',
  'collections.Counter': 'Counter',
};

/** Node types that can be a mutable container per `mutableKind` (for queries). */
export const MUTABLE_VALUE_NODE_TYPES = [...Object.keys(LITERALS), 'call'] as const;

const FACTORY_NAMES = new Set(Object.values(FACTORIES));

/**
 * Whether a callee could name one of the factories, judged from its spelling: an attribute must end in a factory's
 * name (attributes cannot be renamed); any identifier may be an alias (`from collections import deque as dd`), which
 * only resolution tells.
 */
function mayBeFactory(fn: SyntaxNode): boolean {
  return fn.type === 'identifier' || FACTORY_NAMES.has(fn.childForFieldName('attribute')?.text ?? '');
}

/** The type name (`list`, `defaultdict`, …) of the new mutable object `expr` creates, or undefined. */
export function mutableKind(expr: SyntaxNode, names: () => NameResolver): string | undefined {
  if (Object.hasOwn(LITERALS, expr.type)) return LITERALS[expr.type];
  if (expr.type !== 'call') return undefined;
  const fn = expr.childForFieldName('function');
  if (!fn || (fn.type !== 'identifier' && fn.type !== 'attribute') || !mayBeFactory(fn)) return undefined;
  const qualified = names().qualifiedName(fn);
  return qualified !== undefined && Object.hasOwn(FACTORIES, qualified) ? FACTORIES[qualified] : undefined;
}
