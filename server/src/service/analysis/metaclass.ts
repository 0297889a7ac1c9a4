// The metaclass CPython uses for a class statement (_PyType_CalculateMetaclass): the explicit `metaclass=` or
// `type(bases[0])`, replaced by any base's metaclass that is a subclass of it; two unrelated ones are a conflict.
import { classHeader, knownClass, resolveClassExpr, type ClassRef } from './classModel';
import type { Linearizer } from './c3';
import { TYPE_NAME } from './knownClasses';
import type { NameResolver } from './resolve';

export type MetaclassAnswer =
  | { readonly kind: 'class'; readonly metaclass: ClassRef; readonly explicit?: ClassRef; readonly fromBase?: ClassRef }
  | { readonly kind: 'function'; readonly name: string }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'unknown' };

type Answer = 'yes' | 'no' | 'unknown';

/** Bases followed at most this deep; a longer chain of classes is answered as unknown rather than recursed. */
const MAX_CHAIN = 200;

export class MetaclassFinder {
  private readonly memo = new Map<string, MetaclassAnswer>();
  private depth = 0;
  /** How often MAX_CHAIN cut a walk short: answers computed across a cut are not memoised. */
  private cuts = 0;

  constructor(private readonly names: NameResolver, private readonly linearizer: Linearizer) {}

  metaclassOf(ref: ClassRef): MetaclassAnswer {
    const cached = this.memo.get(ref.key);
    if (cached) return cached;
    if (this.depth >= MAX_CHAIN) {
      this.cuts++;
      return { kind: 'unknown' };
    }
    this.memo.set(ref.key, { kind: 'unknown' }); // a cycle through bases stays unknown
    const cuts = this.cuts;
    this.depth++;
    let answer: MetaclassAnswer;
    try {
      answer = this.compute(ref);
    } finally {
      this.depth--;
    }
    // Cut short, the answer depends on where the walk started: do not keep it.
    if (this.cuts === cuts) this.memo.set(ref.key, answer);
    else this.memo.delete(ref.key);
    return answer;
  }

  /** Whether `sub` is `base` or a subclass of it, as far as the linearisation of `sub` tells. */
  isSubclass(sub: ClassRef, base: ClassRef): Answer {
    if (sub.key === base.key) return 'yes';
    const mro = this.linearizer.linearize(sub);
    if (mro.error || mro.failingBase) return 'unknown';
    if (mro.classes.some((c) => c.key === base.key)) return 'yes';
    return mro.complete ? 'no' : 'unknown';
  }

  private compute(ref: ClassRef): MetaclassAnswer {
    if (ref.kind === 'known') return { kind: 'class', metaclass: knownClass(ref.known.metaclass)! };
    if (ref.kind === 'external') return { kind: 'unknown' };
    const header = classHeader(ref.node, this.names);
    if (header.splat) return { kind: 'unknown' };
    let explicit: ClassRef | undefined;
    if (header.metaclass) {
      const resolved = resolveClassExpr(header.metaclass, this.names);
      // A function as metaclass is simply called; CPython computes no winner then.
      if (resolved.kind === 'function') return { kind: 'function', name: resolved.name };
      explicit = resolved;
    }
    const baseMetas: Array<{ base: ClassRef; metaclass: ClassRef }> = [];
    for (const base of header.bases) {
      const answer = this.metaclassOf(base);
      if (answer.kind !== 'class') return { kind: 'unknown' };
      baseMetas.push({ base, metaclass: answer.metaclass });
    }
    let winner = explicit ?? baseMetas[0]?.metaclass ?? knownClass(TYPE_NAME)!;
    let fromBase = explicit ? undefined : baseMetas[0]?.base;
    for (const { base, metaclass } of baseMetas) {
      // Every metaclass derives from `type` (and a non-type "metaclass" is just called, with no calculation).
      if (metaclass.key === TYPE_NAME) continue;
      const down = this.isSubclass(winner, metaclass);
      if (down === 'yes') continue;
      const up = this.isSubclass(metaclass, winner);
      if (up === 'yes') {
        winner = metaclass;
        fromBase = base;
        continue;
      }
      return down === 'no' && up === 'no' ? { kind: 'conflict' } : { kind: 'unknown' };
    }
    if (winner.key === TYPE_NAME && !explicit) fromBase = undefined;
    return { kind: 'class', metaclass: winner, explicit, fromBase: fromBase && winner.key !== explicit?.key ? fromBase : undefined };
  }
}
