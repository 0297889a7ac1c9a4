// What a lambda or nested def needs from outside itself, to decide whether it can move to module level unchanged.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { underMainGuard } from './mainGuard';
import type { NameResolver } from './resolve';

export type OuterUse =
  /** A variable of an enclosing function, lambda or comprehension: the code is a closure. */
  | { readonly kind: 'closure'; readonly name: string }
  /** A module-level name bound only under `if __name__ == "__main__":`, which spawned children never run. */
  | { readonly kind: 'main-only'; readonly name: string }
  /** A private name (`__x`) inside a class, which the compiler rewrites to `_Class__x`; outside it stays `__x`. */
  | { readonly kind: 'mangled'; readonly name: string; readonly mangled: string; readonly className: string };

/** Identifiers that are names being looked up (not attribute names or keyword-argument names). */
export function isNameUse(identifier: SyntaxNode): boolean {
  const parent = identifier.parent;
  if (!parent || parent.type === 'dotted_name' || parent.type === 'aliased_import') return false;
  if (parent.type === 'attribute') return parent.childForFieldName('object')?.id === identifier.id;
  if (parent.type === 'keyword_argument') return parent.childForFieldName('name')?.id !== identifier.id;
  return true;
}

/**
 * The first name `code` takes from an enclosing function (or from main-guard-only module code), or undefined when
 * it reads only its own locals, module-level names and builtins. `selfName` (a def's own name) is allowed: after the
 * move it is module-level too.
 */
export function outerUse(names: NameResolver, code: SyntaxNode, selfName?: string): OuterUse | undefined {
  const mangled = mangledName(code);
  if (mangled) return mangled;
  for (const identifier of code.descendantsOfType('identifier')) {
    if (!identifier || !isNameUse(identifier) || identifier.text === selfName) continue;
    const resolution = names.resolve(identifier.text, identifier);
    if (resolution.kind !== 'bound') continue;
    const scope = resolution.scope;
    if (scope.node.startIndex >= code.startIndex && scope.node.endIndex <= code.endIndex) continue;
    if (scope.kind === 'module') {
      if (resolution.bindings.every((b) => underMainGuard(b.node))) return { kind: 'main-only', name: identifier.text };
      continue;
    }
    if (scope.kind !== 'class') return { kind: 'closure', name: identifier.text };
  }
  return undefined;
}

/** The first `__x` (not `__x__`) in `code` when it sits inside a class, where CPython mangles such names. */
function mangledName(code: SyntaxNode): OuterUse | undefined {
  let cls = code.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  const className = cls?.childForFieldName('name')?.text.replace(/^_+/, '');
  if (!className) return undefined;
  const identifier = code.descendantsOfType('identifier').find((i) => !!i && i.text.startsWith('__') && !i.text.endsWith('__'));
  return identifier ? { kind: 'mangled', name: identifier.text, mangled: `_${className}${identifier.text}`, className: cls!.childForFieldName('name')!.text } : undefined;
}
