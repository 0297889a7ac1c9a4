// Running checks unit by unit: which unit a match belongs to, the matches of one unit, and the findings and the
// dependencies (analysis/dependencies.ts) its checks leave behind.
import type { QueryMatch, SyntaxNode } from '../../parsing/treeSitter';
import { collecting, MODULE_OWNER, type DependencySink } from '../analysis/dependencies';
import type { ScopeIndex } from '../analysis/scopes';
import { textKey } from '../analysis/textFacts';
import { headerParts, queryRange, startDepth, unitsSpan, type Unit, type UnitTree } from '../analysis/units';
import type { Settings } from '../config';
import type { CancellationToken, SeverityName } from '../types';
import { anchoredSpans } from './queryAnchors';
import type { PatternInfo, QueryGroup, QueryPass } from './queryPlans';
import type { Finding, Rule, RuleContext, RuleFix } from './rule';

export interface RuleDiagnostic {
  readonly rule: Rule;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly message: string;
  readonly severity: SeverityName;
  readonly fix?: RuleFix;
}

export type RuleErrorReporter = (rule: Rule, error: unknown) => void;

/** A finding and the position of the match that produced it, which decides between duplicates. */
export interface Found {
  readonly diagnostic: RuleDiagnostic;
  /** [match start, match end, rule index, pattern index, finding index]: compared in that order. */
  readonly order: readonly number[];
  /** Whether `# noqa` suppresses it, and the lines that verdict was read from (kept while an edit stays off them). */
  noqa?: { readonly from: number; readonly to: number; readonly suppressed: boolean };
}

/** What the checks of one unit found, and what they read outside it. */
export interface UnitResult {
  readonly found: Found[];
  readonly deps: Set<string>;
  wholeFile: boolean;
}

/** Types whose nodes can hold units: a pattern rooted at one may have its captures deep inside another unit. */
const CONTAINERISH = new Set(['module', 'block', 'class_definition', 'decorated_definition']);

/** The smallest unit whose range holds [start, end]; undefined between top-level units. */
function unitHolding(units: UnitTree, start: number, end: number): Unit | undefined {
  let unit = units.unitAt(start);
  while (unit && !(unit.start <= start && end <= unit.end)) unit = unit.parent;
  return unit;
}

/**
 * The unit a match belongs to: the smallest holding its root node. The captures' span stands for the root unless
 * the root can be a class (or module, or class body), which may hold the captures of another unit's statements.
 */
export function unitOf(match: QueryMatch, info: PatternInfo, units: UnitTree): Unit | undefined {
  if (match.captures.length === 0) return undefined;
  let first = match.captures[0].node;
  let start = first.startIndex;
  let end = first.endIndex;
  for (const { node } of match.captures) {
    if (node.startIndex < first.startIndex) first = node;
    start = Math.min(start, node.startIndex);
    end = Math.max(end, node.endIndex);
  }
  if (!info.roots || info.roots.some((t) => CONTAINERISH.has(t))) {
    for (let n: SyntaxNode | null = first; n; n = n.parent) {
      if (n.startIndex <= start && end <= n.endIndex && (!info.roots || info.roots.includes(n.type))) {
        start = n.startIndex;
        end = n.endIndex;
        break;
      }
    }
  }
  return unitHolding(units, start, end);
}

/** The matches of a pass that count: those of its rules (a shared query holds the patterns of rules that may not apply). */
export function ofRules(matches: readonly QueryMatch[], pass: QueryPass): QueryMatch[] {
  const patterns = pass.group.patterns;
  return matches.filter((m) => pass.rules.has(patterns[m.patternIndex].rule));
}

/**
 * The matches of `pass` over the whole tree at `root`: over the top-level statements holding its anchors when it has
 * some. A range query may also return matches of a statement touching the range; a match is kept only inside it.
 */
export function passMatches(pass: QueryPass, root: SyntaxNode, text: string, top: readonly Unit[]): QueryMatch[] {
  if (!pass.anchors) return pass.group.query.matches(root, startDepth(pass.depth));
  return anchoredSpans(pass.anchors, text, top).flatMap(({ start, end }) =>
    pass.group.query.matches(root, { ...queryRange(start, end), ...startDepth(pass.depth) }).filter((m) => m.captures.every(({ node }) => node.startIndex >= start && node.endIndex <= end)),
  );
}

/** False when `pass` is anchored and text[start, end) has none of its anchors, so no match of it lies there. */
function mayMatchIn(pass: QueryPass, text: string, start: number, end: number): boolean {
  if (!pass.anchors) return true;
  pass.anchors.lastIndex = 0;
  return pass.anchors.test(text.slice(start, end));
}

/** The matches of `pass` that belong to `unit`: rooted in a leaf, or in a container's own part. */
export function unitMatches(pass: QueryPass, index: ScopeIndex, unit: Unit, text: string): QueryMatch[] {
  const { group, depth: maxStartDepth } = pass;
  // A match of the unit lies within its range, and so does the literal an anchored pass needs.
  if (!mayMatchIn(pass, text, unit.start, unit.end)) return [];
  const node = index.nodeOf(unit);
  let found: QueryMatch[];
  if (maxStartDepth !== undefined) {
    let depth = 0;
    for (let n = node.parent; n; n = n.parent) depth++;
    found = depth <= maxStartDepth ? group.query.matches(node, { maxStartDepth: maxStartDepth - depth }) : [];
  } else if (unit.container) {
    found = headerParts(node, true).flatMap(({ node: part, depth }) => group.query.matches(part, startDepth(depth)));
  } else {
    found = group.query.matches(node);
  }
  return ofRules(found, pass).filter((m) => unitOf(m, group.patterns[m.patternIndex], index.units) === unit);
}

/**
 * `matches` of `group` by the unit they belong to, leaving out the units `keep` rejects; `orphans` are the matches
 * that belong to no unit.
 */
export function byUnit(matches: readonly QueryMatch[], group: QueryGroup, units: UnitTree, keep: (unit: Unit) => boolean): { perUnit: Map<Unit, QueryMatch[]>; orphans: QueryMatch[] } {
  const perUnit = new Map<Unit, QueryMatch[]>();
  const orphans: QueryMatch[] = [];
  for (const match of matches) {
    const unit = unitOf(match, group.patterns[match.patternIndex], units);
    if (!unit) orphans.push(match);
    else if (keep(unit)) {
      const list = perUnit.get(unit);
      if (list) list.push(match);
      else perUnit.set(unit, [match]);
    }
  }
  return { perUnit, orphans };
}

/** The matches of `pass` in the span of `units` (adjacent new units) of the tree at `root`, by the unit they belong to. */
export function matchesIn(pass: QueryPass, index: ScopeIndex, root: SyntaxNode, units: ReadonlySet<Unit>, text: string): Map<Unit, QueryMatch[]> {
  const { start, end } = unitsSpan(units);
  if (!mayMatchIn(pass, text, start, end)) return new Map();
  const matches = pass.group.query.matches(root, { ...queryRange(start, end), ...startDepth(pass.depth) });
  return byUnit(ofRules(matches, pass), pass.group, index.units, (unit) => units.has(unit)).perUnit;
}

/** The dependency keys checks record (UnitSink) and an edit looks up (engineState.ts affectedUnits). */
export const dependencyKey = {
  lookup: (owner: string, name: string): string => `L|${owner}|${name}`,
  content: (owner: string, name: string): string => `C|${owner}|${name}`,
  listing: (owner: string): string => `A|${owner}`,
  scopeNode: (owner: string): string => `N|${owner}`,
  /** `key` is a text pattern's textKey (see TextFacts.update). */
  text: (key: string): string => `T|${key}`,
};

/** Collects the dependency keys of one unit's checks (read by the engine to decide what an edit re-runs). */
class UnitSink implements DependencySink {
  constructor(private readonly result: UnitResult) {}
  lookup(owner: string, name: string): void {
    this.result.deps.add(dependencyKey.lookup(owner, name));
  }
  content(owner: string, name: string): void {
    this.result.deps.add(dependencyKey.content(owner, name));
  }
  listing(owner: string): void {
    this.result.deps.add(dependencyKey.listing(owner));
  }
  scopeNode(owner: string): void {
    if (owner === MODULE_OWNER) this.wholeFile();
    else this.result.deps.add(dependencyKey.scopeNode(owner));
  }
  wholeFile(): void {
    this.result.wholeFile = true;
  }
}

export interface CheckRun {
  readonly context: RuleContext;
  readonly enabled: ReadonlySet<Rule>;
  readonly onError: RuleErrorReporter;
  readonly token: CancellationToken;
}

/** Runs the checks of a unit's matches into `result`; false when cancelled. */
export function runChecks(matches: readonly QueryMatch[], patterns: readonly PatternInfo[], run: CheckRun, result: UnitResult): boolean {
  return collecting(new UnitSink(result), () => {
    for (const match of matches) {
      if (run.token.isCancellationRequested) return false;
      const info = patterns[match.patternIndex];
      if (!run.enabled.has(info.rule)) continue;
      // A check that scans the whole text depends on every unit holding what it looks for.
      for (const pattern of info.rule.textDependencies ?? []) result.deps.add(dependencyKey.text(textKey(pattern)));
      let findings: Finding | readonly Finding[] | undefined;
      try {
        findings = info.rule.check(match, run.context);
      } catch (error) {
        run.onError(info.rule, error);
        continue;
      }
      const list = findings === undefined ? [] : Array.isArray(findings) ? findings : [findings as Finding];
      const [start, end] = span(match);
      list.forEach((finding, k) => result.found.push({ diagnostic: toDiagnostic(info.rule, finding, run.context.settings), order: [start, end, info.ruleIndex, info.pattern, k] }));
    }
    return true;
  });
}

function span(match: QueryMatch): [number, number] {
  let start = Infinity;
  let end = -Infinity;
  for (const { node } of match.captures) {
    start = Math.min(start, node.startIndex);
    end = Math.max(end, node.endIndex);
  }
  return [start, end];
}

function toDiagnostic(rule: Rule, finding: Finding, settings: Settings): RuleDiagnostic {
  const configured = settings.severity[rule.code];
  const severity = configured && configured !== 'off' ? configured : finding.severity ?? rule.defaultSeverity;
  return { rule, startIndex: finding.at.startIndex, endIndex: finding.at.endIndex, message: finding.message, severity, fix: finding.fix };
}
