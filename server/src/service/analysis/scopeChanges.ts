// What changed in the shared scopes between two versions of a file (for the rule engine's bookkeeping), and how the
// matches of one query over many units are shared out among them.
import type { QueryMatch } from '../../parsing/treeSitter';
import type { UnitExports } from './scopeUnits';
import type { ScopeIndex } from './scopes';
import { ownerKey } from './sharedScopes';
import type { UnitChanges } from './unitChanges';
import type { Unit, UnitTree } from './units';

/** A name whose bindings in a shared scope an edit changed: `metadata` when their kinds or import names changed too. */
export interface ChangedName {
  readonly owner: string;
  readonly name: string;
  readonly metadata: boolean;
}

/** What ScopeIndex.derive tells the caller besides the new index. */
export interface ScopeDerivation {
  readonly index: ScopeIndex;
  readonly changed: readonly ChangedName[];
  /** Units gone and units new, and the kept units around the edit (see deriveUnits). */
  readonly units: Omit<UnitChanges, 'tree'>;
}

/** From this many new units on, derive queries them in one pass. */
export const BATCH = 8;

/** Scope-query matches by the unit of their first capture (the unit they are rooted in), for `only` those units. */
export function distribute(matches: readonly QueryMatch[], units: UnitTree, only?: ReadonlySet<Unit>): Map<Unit, QueryMatch[]> {
  const perUnit = new Map<Unit, QueryMatch[]>();
  for (const match of matches) {
    const unit = units.unitAt(Math.min(...match.captures.map((c) => c.node.startIndex)));
    if (!unit || (only && !only.has(unit))) continue;
    const list = perUnit.get(unit);
    if (list) list.push(match);
    else perUnit.set(unit, [match]);
  }
  return perUnit;
}

/** Per shared scope and name, whether an edit changed the bindings' kinds or import names (or only their code). */
export function changedNames(before: ReadonlyArray<{ unit: Unit; exported?: UnitExports }>, after: ReadonlyArray<{ unit: Unit; exported: UnitExports }>): ChangedName[] {
  // Each side lists its units in document order and each unit its exports in source order: that order is compared.
  const signatures = (entries: ReadonlyArray<{ unit: Unit; exported?: UnitExports }>) => {
    const map = new Map<string, string[]>();
    for (const { exported } of entries) {
      for (const e of exported?.exports ?? []) {
        const key = `${ownerKey(e.owner)}\u0000${e.name}`;
        const list = map.get(key) ?? [];
        list.push(`${e.kind}:${e.qualifiedName ?? ''}`);
        map.set(key, list);
      }
    }
    return map;
  };
  const old = signatures(before);
  const fresh = signatures(after);
  return [...new Set([...old.keys(), ...fresh.keys()])].map((key) => {
    const [owner, name] = key.split('\u0000');
    return { owner, name, metadata: (old.get(key) ?? []).join(',') !== (fresh.get(key) ?? []).join(',') };
  });
}
