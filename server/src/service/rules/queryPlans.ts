// The compiled queries the engine runs: one combined query per set of applicable rules (one pass over a tree for all
// of them), cached because each costs tens of milliseconds to compile, plus what the engine needs to know about every
// pattern: its rule, and the node types its root can have (to tell which unit a match belongs to).
import type { PythonGrammar, Query } from '../../parsing/treeSitter';
import type { Rule } from './rule';

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

/** How many combined queries stay compiled. */
const COMBINED_CACHE_SIZE = 24;

/** The node types a pattern's source can start with: `(type …`, `[(a …) (b …)]` or `"token"`. */
export function rootTypes(source: string): string[] | undefined {
  let i = 0;
  const skip = () => {
    for (;;) {
      while (i < source.length && /\s/.test(source[i])) i++;
      if (source[i] !== ';') return;
      while (i < source.length && source[i] !== '\n') i++;
    }
  };
  const one = (): string | undefined => {
    skip();
    if (source[i] === '"') return source.slice(i + 1, source.indexOf('"', i + 1));
    if (source[i] !== '(') return undefined;
    const name = /^\(\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(i))?.[1];
    return name === '_' ? undefined : name;
  };
  const skipGroup = () => {
    const open = source[i];
    const close = open === '(' ? ')' : open === '[' ? ']' : open;
    let depth = 0;
    for (; i < source.length; i++) {
      if (source[i] === '"') i = source.indexOf('"', i + 1);
      else if (source[i] === open) depth++;
      else if (source[i] === close && --depth === 0) {
        i++;
        return;
      }
    }
  };
  skip();
  if (source[i] !== '[') {
    const type = one();
    return type === undefined ? undefined : [type];
  }
  i++;
  const types: string[] = [];
  for (;;) {
    skip();
    if (i >= source.length || source[i] === ']') return types;
    const type = one();
    if (type === undefined) return undefined;
    types.push(type);
    skipGroup();
  }
}

export class QueryPlans {
  private readonly own = new Map<Rule, QueryGroup>();
  private readonly combined = new Map<string, QueryGroup>();

  constructor(
    private readonly grammar: PythonGrammar,
    rules: readonly Rule[],
  ) {
    rules.forEach((rule, ruleIndex) => {
      const query = grammar.query(rule.query);
      const patterns: PatternInfo[] = [];
      for (let p = 0; p < query.patternCount(); p++) {
        patterns.push({ rule, ruleIndex, pattern: p, roots: rootTypes(rule.query.slice(query.startIndexForPattern(p), query.endIndexForPattern(p))) });
      }
      this.own.set(rule, { query, patterns });
    });
  }

  /** The rule's own query (rules limited by start depth always run with it). */
  ownQuery(rule: Rule): QueryGroup {
    return this.own.get(rule)!;
  }

  /** One query holding the patterns of exactly `rules` (in engine order), so a tree is traversed once for all. */
  combinedFor(rules: readonly Rule[]): QueryGroup {
    const key = rules.map((r) => r.code).join(',');
    let group = this.combined.get(key);
    if (group) {
      this.combined.delete(key);
    } else {
      group = { query: this.grammar.query(rules.map((r) => r.query).join('\n')), patterns: rules.flatMap((r) => this.own.get(r)!.patterns) };
      if (this.combined.size >= COMBINED_CACHE_SIZE) {
        const [oldest, evicted] = this.combined.entries().next().value as [string, QueryGroup];
        evicted.query.delete();
        this.combined.delete(oldest);
      }
    }
    this.combined.set(key, group);
    return group;
  }

  dispose(): void {
    for (const group of [...this.own.values(), ...this.combined.values()]) group.query.delete();
    this.own.clear();
    this.combined.clear();
  }
}
