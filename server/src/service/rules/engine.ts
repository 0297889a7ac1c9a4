// Runs every enabled rule over a file with ONE combined tree-sitter query (matching runs inside WASM; a JS walk over
// every node would cost tens of milliseconds on a large file), then dispatches each match to its rule.
import type { PythonGrammar, Query } from '../../parsing/treeSitter';
import { NameResolver } from '../analysis/resolve';
import { ScopeIndex } from '../analysis/scopes';
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

export class RuleEngine {
  private readonly query: Query;
  /** ruleOfPattern[i] is the rule whose query holds pattern i of the combined query. */
  private readonly ruleOfPattern: Rule[] = [];

  constructor(private readonly grammar: PythonGrammar, readonly rules: readonly Rule[], private readonly onError: RuleErrorReporter) {
    for (const rule of rules) {
      const own = grammar.query(rule.query);
      for (let i = 0; i < own.patternCount(); i++) this.ruleOfPattern.push(rule);
      own.delete();
    }
    this.query = grammar.query(rules.map((r) => r.query).join('\n'));
  }

  run(file: SourceFile, settings: Settings, token: CancellationToken): RuleDiagnostic[] {
    const enabled = new Set(this.rules.filter((r) => isRuleEnabled(settings, r.code)));
    if (enabled.size === 0) return [];
    const context = this.context(file, settings);
    const results: RuleDiagnostic[] = [];
    const seen = new Set<string>();
    for (const match of this.query.matches(file.tree.rootNode)) {
      if (token.isCancellationRequested) return [];
      const rule = this.ruleOfPattern[match.patternIndex];
      if (!enabled.has(rule)) continue;
      let found: Finding | readonly Finding[] | undefined;
      try {
        found = rule.check(match, context);
      } catch (error) {
        this.onError(rule, error);
        continue;
      }
      for (const finding of found === undefined ? [] : Array.isArray(found) ? found : [found as Finding]) {
        const key = `${rule.code}:${finding.at.startIndex}:${finding.at.endIndex}`;
        if (seen.has(key)) continue;
        seen.add(key);
        results.push(this.toDiagnostic(rule, finding, settings));
      }
    }
    return results.filter((d) => !this.suppressed(context.text, file, d)).sort((a, b) => a.startIndex - b.startIndex);
  }

  private context(file: SourceFile, settings: Settings): RuleContext {
    let names: NameResolver | undefined;
    const grammar = this.grammar;
    return {
      file,
      settings,
      text: file.document.getText(),
      get names() {
        names ??= new NameResolver(new ScopeIndex(file.tree, grammar));
        return names;
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
    this.query.delete();
  }
}
