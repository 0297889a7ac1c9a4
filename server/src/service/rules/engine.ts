// Runs the enabled rules over a file with as few tree-sitter query passes as possible (matching runs inside WASM; a
// JS walk over every node costs more), then dispatches each match to its rule. Rules without a prefilter share ONE
// combined query; a rule with a prefilter (or a start-depth limit) has its own, run only when the prefilter passes.
// bench/README.md has the measurements behind this split.
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

function compileGroup(grammar: PythonGrammar, rules: readonly Rule[]): QueryGroup {
  const ruleOfPattern: Rule[] = [];
  for (const rule of rules) {
    const own = grammar.query(rule.query);
    for (let i = 0; i < own.patternCount(); i++) ruleOfPattern.push(rule);
    own.delete();
  }
  const [first] = rules;
  const alone = rules.length === 1;
  return {
    query: grammar.query(rules.map((r) => r.query).join('\n')),
    ruleOfPattern,
    appliesTo: alone ? first.appliesTo : undefined,
    maxStartDepth: alone ? first.maxStartDepth : undefined,
  };
}

export class RuleEngine {
  private readonly groups: QueryGroup[] = [];

  constructor(private readonly grammar: PythonGrammar, readonly rules: readonly Rule[], private readonly onError: RuleErrorReporter) {
    const shared = rules.filter((r) => !r.appliesTo && r.maxStartDepth === undefined);
    if (shared.length > 0) this.groups.push(compileGroup(grammar, shared));
    for (const rule of rules.filter((r) => !shared.includes(r))) this.groups.push(compileGroup(grammar, [rule]));
  }

  run(file: SourceFile, settings: Settings, token: CancellationToken): RuleDiagnostic[] {
    const enabled = new Set(this.rules.filter((r) => isRuleEnabled(settings, r.code)));
    if (enabled.size === 0) return [];
    const context = this.context(file, settings);
    const found = new Map<string, RuleDiagnostic>();
    for (const group of this.groups) {
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
    for (const group of this.groups) group.query.delete();
  }
}
