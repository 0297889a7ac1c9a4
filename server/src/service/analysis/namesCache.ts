// One name resolver per tree: the rule engine and hovers over the same document version share it. Trees are
// replaced on every edit, so entries die with them (WeakMap). The rule engine registers the resolver it derived
// incrementally from the previous version's index; any other tree gets a fresh index on first use.
import type { PythonGrammar, Tree } from '../../parsing/treeSitter';
import { NameResolver } from './resolve';
import { ScopeIndex } from './scopes';

const resolvers = new WeakMap<Tree, NameResolver>();

export function namesOf(tree: Tree, grammar: PythonGrammar): NameResolver {
  let names = resolvers.get(tree);
  if (!names) {
    names = new NameResolver(new ScopeIndex(tree, grammar));
    resolvers.set(tree, names);
  }
  return names;
}

/** Makes `index` (built for `tree`) the one namesOf answers with. */
export function useIndex(tree: Tree, index: ScopeIndex): NameResolver {
  const names = new NameResolver(index);
  resolvers.set(tree, names);
  return names;
}
