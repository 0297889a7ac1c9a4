// The compiled queries the engine runs. Compiling a query costs tens of milliseconds, so there are few and each is
// compiled once: ONE shared query per selection of enabled rules (one pass over a tree for all of them; the matches
// of rules whose prefilter failed for the file are dropped before any work is done on them), and a query of its own
// for each rule that is better off alone: rules limited by start depth, rules with broad patterns
// (Rule.broadPatterns), and rules anchored by literal text predicates (queryAnchors.ts), which run only over the
// statements holding their literal. Before, the engine compiled one query per set of applicable rules and kept 24:
// over a code base the sets never repeat (the stdlib has 363), and compiling took 40 % of `pyinsight check`
// (bench/RESULTS.md).
import type { PythonGrammar, Query } from '../../parsing/treeSitter';
import { queryAnchors, rootTypes } from './queryAnchors';
import type { Rule } from './rule';

export { rootTypes };

export interface PatternInfo {
  readonly rule: Rule;
  /** The rule's position in the engine's rule list, and the pattern's within the rule's own query: a stable order. */
  readonly ruleIndex: number;
  readonly pattern: number;
  /** The types the pattern's root node can have; undefined when it can be any (a wildcard). */
  readonly roots: readonly string[] | undefined;
}

export interface QueryGroup {
  readonly query: Query;
  /** patterns[i] describes pattern i of `query`. */
  readonly patterns: readonly PatternInfo[];
}

/** One query pass of the engine: the query, how deep its matches may start, and the rules whose matches count. */
export interface QueryPass {
  readonly group: QueryGroup;
  readonly depth?: number;
  readonly rules: ReadonlySet<Rule>;
  /** Set when every match holds a match of this regex (queryAnchors.ts): only statements holding one need the query. */
  readonly anchors?: RegExp;
}

const SHARED_CACHE_SIZE = 4;

export class QueryPlans {
  private readonly own = new Map<Rule, QueryGroup>();
  private readonly anchors = new Map<Rule, RegExp | undefined>();
  /** The shared query by the enabled rules it holds (a selection changes rarely: with the settings). */
  private readonly sharedGroups = new Map<string, QueryGroup>();

  constructor(
    private readonly grammar: PythonGrammar,
    private readonly rules: readonly Rule[],
  ) {
    for (const rule of rules) this.anchors.set(rule, rule.maxStartDepth === undefined ? queryAnchors(rule.query) : undefined);
  }

  /** The rule's own query (compiled on first use). */
  ownQuery(rule: Rule): QueryGroup {
    let group = this.own.get(rule);
    if (!group) this.own.set(rule, (group = this.compile([rule])));
    return group;
  }

  /**
   * The passes that run `rules` (statement rules, all of them in `enabled`): the shared query of the enabled rules for
   * those it holds, an own query for the others.
   */
  passes(rules: readonly Rule[], enabled: ReadonlySet<Rule>): QueryPass[] {
    const inShared = new Set(rules.filter((r) => this.shares(r)));
    return [
      ...(inShared.size > 0 ? [{ group: this.shared(enabled), rules: inShared }] : []),
      ...rules.filter((r) => !this.shares(r)).map((r) => ({ group: this.ownQuery(r), depth: r.maxStartDepth, rules: new Set([r]), anchors: this.anchors.get(r) })),
    ];
  }

  dispose(): void {
    for (const group of [...this.own.values(), ...this.sharedGroups.values()]) group.query.delete();
    this.own.clear();
    this.sharedGroups.clear();
  }

  /**
   * Whether a rule's patterns go into the shared query: not when they are limited by depth, broad (Rule.broadPatterns),
   * or anchored by text predicates (then a pass over the few statements that can match costs less than their part of
   * the shared query, where the predicates run on every candidate of every file).
   */
  private shares(rule: Rule): boolean {
    return rule.scope === 'statement' && rule.maxStartDepth === undefined && !rule.broadPatterns && !this.anchors.get(rule);
  }

  private shared(enabled: ReadonlySet<Rule>): QueryGroup {
    const rules = this.rules.filter((r) => enabled.has(r) && this.shares(r));
    const key = rules.map((r) => r.code).join(',');
    let group = this.sharedGroups.get(key);
    if (!group) {
      // Selections come from settings: a few per session. Keep the last ones.
      if (this.sharedGroups.size >= SHARED_CACHE_SIZE) {
        const [oldest, evicted] = this.sharedGroups.entries().next().value as [string, QueryGroup];
        evicted.query.delete();
        this.sharedGroups.delete(oldest);
      }
      this.sharedGroups.set(key, (group = this.compile(rules)));
    }
    return group;
  }

  /** One query of `rules`' patterns (in engine order); each pattern is traced back to its rule by its offset in the source. */
  private compile(rules: readonly Rule[]): QueryGroup {
    const sources: Array<{ rule: Rule; start: number; end: number }> = [];
    let length = 0;
    for (const rule of rules) {
      sources.push({ rule, start: length, end: length + rule.query.length });
      length += rule.query.length + 1;
    }
    const source = rules.map((r) => r.query).join('\n');
    const query = this.grammar.query(source);
    const patterns: PatternInfo[] = [];
    const counts = new Map<Rule, number>();
    for (let p = 0, s = 0; p < query.patternCount(); p++) {
      const start = query.startIndexForPattern(p);
      while (start >= sources[s].end) s++;
      const rule = sources[s].rule;
      const pattern = counts.get(rule) ?? 0;
      counts.set(rule, pattern + 1);
      patterns.push({ rule, ruleIndex: this.rules.indexOf(rule), pattern, roots: rootTypes(source.slice(start, query.endIndexForPattern(p))) });
    }
    return { query, patterns };
  }
}
