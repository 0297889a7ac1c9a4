// Runs the enabled rules over a file with as few tree-sitter query passes as possible (matching runs inside WASM; a
// JS walk over every node costs more), then dispatches each match to its rule. Every rule that applies to the file
// (enabled, and its text prefilter passed) contributes its patterns to ONE combined query, compiled per set of rules
// and cached; only rules limited by start depth get a pass of their own. bench/README.md has the measurements.
import type { PythonGrammar, Query } from '../../parsing/treeSitter';
import { namesOf } from '../analysis/namesCache';
import { isRuleEnabled, type Settings } from '../config';
import { noqaOnLine, suppresses } from '../noqa';
import type { CancellationToken, SeverityName, SourceFile } from '../types';
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

/** One query pass: its compiled query, which rule owns each pattern, and when to run it. */
interface QueryGroup {
  readonly query: Query;
  /** ruleOfPattern[i] is the rule whose query holds pattern i of `query`. */
  readonly ruleOfPattern: readonly Rule[];
  readonly appliesTo?: (text: string) => boolean;
  readonly maxStartDepth?: number;
}

/** How many combined queries (one per set of applicable rules) stay compiled; each costs tens of ms to build. */
const COMBINED_CACHE_SIZE = 24;

export class RuleEngine {
  /** Rules whose patterns may share a pass, with their own pattern counts (to map pattern indexes back). */
  private readonly shareable: ReadonlyArray<{ readonly rule: Rule; readonly patterns: number }>;
  /** Rules limited by start depth need a pass of their own (a query option applies to all its patterns). */
  private readonly solo: QueryGroup[] = [];
  /** Combined queries by the set of rules they hold, least recently used first. */
  private readonly combined = new Map<string, QueryGroup>();

  constructor(private readonly grammar: PythonGrammar, readonly rules: readonly Rule[], private readonly onError: RuleErrorReporter) {
    const counted: Array<{ rule: Rule; patterns: number }> = [];
    for (const rule of rules) {
      const own = grammar.query(rule.query);
      if (rule.maxStartDepth !== undefined) {
        this.solo.push({ query: own, ruleOfPattern: Array<Rule>(own.patternCount()).fill(rule), appliesTo: rule.appliesTo, maxStartDepth: rule.maxStartDepth });
      } else {
        counted.push({ rule, patterns: own.patternCount() });
        own.delete();
      }
    }
    this.shareable = counted;
  }

  /**
   * One query holding the patterns of exactly the rules that apply to this file (enabled, prefilter passed), so the
   * tree is traversed once and no pass is spent on patterns that cannot fire here.
   */
  private combinedFor(rules: ReadonlyArray<{ readonly rule: Rule; readonly patterns: number }>): QueryGroup {
    const key = rules.map((r) => r.rule.code).join(',');
    let group = this.combined.get(key);
    if (group) {
      this.combined.delete(key);
    } else {
      group = { query: this.grammar.query(rules.map((r) => r.rule.query).join('\n')), ruleOfPattern: rules.flatMap((r) => Array<Rule>(r.patterns).fill(r.rule)) };
      if (this.combined.size >= COMBINED_CACHE_SIZE) {
        const [oldest, evicted] = this.combined.entries().next().value as [string, QueryGroup];
        evicted.query.delete();
        this.combined.delete(oldest);
      }
    }
    this.combined.set(key, group);
    return group;
  }

  run(file: SourceFile, settings: Settings, token: CancellationToken): RuleDiagnostic[] {
    const enabled = new Set(this.rules.filter((r) => isRuleEnabled(settings, r.code)));
    if (enabled.size === 0) return [];
    const context = this.context(file, settings);
    const found = new Map<string, RuleDiagnostic>();
    const applicable = this.shareable.filter(({ rule }) => enabled.has(rule) && (!rule.appliesTo || rule.appliesTo(context.text)));
    const groups = [...(applicable.length > 0 ? [this.combinedFor(applicable)] : []), ...this.solo];
    for (const group of groups) {
      if (!group.ruleOfPattern.some((rule) => enabled.has(rule)) || (group.appliesTo && !group.appliesTo(context.text))) continue;
      if (!this.runGroup(group, context, enabled, token, found)) return [];
    }
    return [...found.values()].filter((d) => !this.suppressed(context.text, file, d)).sort((a, b) => a.startIndex - b.startIndex);
  }

  /** One query pass; findings are keyed by rule and range, so one reported by several matches counts once. */
  private runGroup(group: QueryGroup, context: RuleContext, enabled: ReadonlySet<Rule>, token: CancellationToken, found: Map<string, RuleDiagnostic>): boolean {
    const options = group.maxStartDepth === undefined ? undefined : { maxStartDepth: group.maxStartDepth };
    for (const match of group.query.matches(context.file.tree.rootNode, options)) {
      if (token.isCancellationRequested) return false;
      const rule = group.ruleOfPattern[match.patternIndex];
      if (!enabled.has(rule)) continue;
      let findings: Finding | readonly Finding[] | undefined;
      try {
        findings = rule.check(match, context);
      } catch (error) {
        this.onError(rule, error);
        continue;
      }
      for (const finding of findings === undefined ? [] : Array.isArray(findings) ? findings : [findings as Finding]) {
        const key = `${rule.code}:${finding.at.startIndex}:${finding.at.endIndex}`;
        if (!found.has(key)) found.set(key, this.toDiagnostic(rule, finding, context.settings));
      }
    }
    return true;
  }

  private context(file: SourceFile, settings: Settings): RuleContext {
    const grammar = this.grammar;
    return {
      file,
      settings,
      text: file.document.getText(),
      get names() {
        return namesOf(file.tree, grammar);
      },
    };
  }

  private toDiagnostic(rule: Rule, finding: Finding, settings: Settings): RuleDiagnostic {
    const configured = settings.severity[rule.code];
    const severity = configured && configured !== 'off' ? configured : finding.severity ?? rule.defaultSeverity;
    return { rule, startIndex: finding.at.startIndex, endIndex: finding.at.endIndex, message: finding.message, severity, fix: finding.fix };
  }

  /** `# noqa` applies on the first line of the finding, or its last (where Ruff expects it for multi-line strings). */
  private suppressed(text: string, file: SourceFile, d: RuleDiagnostic): boolean {
    const codes = [d.rule.code, ...d.rule.equivalentCodes];
    const root = file.tree.rootNode;
    if (suppresses(noqaOnLine(text, root, d.startIndex), codes)) return true;
    const lastLine = Math.max(d.startIndex, d.endIndex - 1);
    return text.lastIndexOf('\n', lastLine) !== text.lastIndexOf('\n', d.startIndex) && suppresses(noqaOnLine(text, root, lastLine), codes);
  }

  dispose(): void {
    for (const group of [...this.solo, ...this.combined.values()]) group.query.delete();
    this.combined.clear();
  }
}
