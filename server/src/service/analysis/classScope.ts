// The names a class body binds (defs, assignments, imports, ...), read from the scope index, and whether the class's
// header is plain enough (no bases but `object`, no keywords) for those names to be all it defines.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';

/** Names bound directly in the class body, or undefined when the class scope cannot be found. */
export function classBodyNames(cls: SyntaxNode, names: NameResolver): ReadonlySet<string> | undefined {
  const body = cls.childForFieldName('body');
  if (!body) return undefined;
  const scope = names.index.scopeAt(body.startIndex);
  return scope.kind === 'class' && scope.node.id === cls.id ? new Set(scope.bindings.keys()) : undefined;
}

/** True when the class has no bases other than `object` and no keywords (metaclass=, **kwargs): nothing is inherited. */
export function hasOnlyObjectBase(cls: SyntaxNode, names: NameResolver): boolean {
  const args = cls.childForFieldName('superclasses')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
  return args.every((arg) => !!arg && arg.type === 'identifier' && names.qualifiedName(arg) === 'builtins.object');
}

/** The decorators listed below `decorator`: they run before it, on the bare class. */
export function decoratorsBelow(decorator: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let d = decorator.nextNamedSibling; d; d = d.nextNamedSibling) if (d.type === 'decorator') result.push(d);
  return result;
}

/**
 * True when nothing but type() itself builds the class and its ancestors: no decorator, no class keywords, and every
 * base is `object` or an equally plain class of this file (so no metaclass, NamedTuple or Enum machinery is involved).
 */
export function hasPlainAncestry(cls: SyntaxNode, names: NameResolver, depth = 0): boolean {
  if (depth > 8 || cls.parent?.type === 'decorated_definition') return false;
  const args = cls.childForFieldName('superclasses')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
  return args.every((arg) => {
    if (arg?.type !== 'identifier') return false;
    if (names.qualifiedName(arg) === 'builtins.object') return true;
    const definition = names.definitionOf(arg);
    return definition?.kind === 'class' && definition.node.id !== cls.id && hasPlainAncestry(definition.node, names, depth + 1);
  });
}
