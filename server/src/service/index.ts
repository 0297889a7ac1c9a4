// The pyinsight language service: pure functions of (document + tree, settings) → LSP data. No I/O, no connection;
// the LSP server and the CLI are thin shells around it.
import type { CodeAction, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { PythonGrammar } from '../parsing/treeSitter';
import { codeActions } from './codeActions';
import type { Settings } from './config';
import { toLspDiagnostic } from './diagnostics';
import { combineHovers, hoverContext } from './hover/hoverContext';
import { internalsHover } from './hover/internalsHover';
import { ruleHover } from './hover/ruleHover';
import { RuleEngine, type RuleDiagnostic, type RuleErrorReporter } from './rules/engine';
import { allRules } from './rules/registry';
import type { Rule } from './rules/rule';
import type { CancellationToken, SourceFile } from './types';

export interface LanguageServiceDeps {
  readonly grammar: PythonGrammar;
  /** Rules to run; the registry by default (tests pass a subset). */
  readonly rules?: readonly Rule[];
  /** Called when a rule throws; the other rules' results are still returned. */
  readonly onRuleError?: RuleErrorReporter;
}

export interface CodeActionParams {
  readonly diagnostics: readonly Diagnostic[];
  readonly only?: readonly string[];
}

export interface LanguageService {
  readonly rules: readonly Rule[];
  /** Rule findings with offsets and fixes, for callers that are not LSP clients (the CLI). */
  analyze(file: SourceFile, settings: Settings, token: CancellationToken): readonly RuleDiagnostic[];
  diagnostics(file: SourceFile, settings: Settings, token: CancellationToken): Diagnostic[];
  hover(file: SourceFile, position: Position, settings: Settings, token: CancellationToken): Hover | undefined;
  codeActions(file: SourceFile, params: CodeActionParams, settings: Settings, token: CancellationToken): CodeAction[];
  /** Drops what the service remembers about a closed document. */
  forget(uri: string): void;
  dispose(): void;
}

interface CachedAnalysis {
  readonly version: number;
  readonly settings: Settings;
  readonly tree: object;
  readonly results: readonly RuleDiagnostic[];
}

export function createLanguageService(deps: LanguageServiceDeps): LanguageService {
  const rules = deps.rules ?? allRules;
  const engine = new RuleEngine(deps.grammar, rules, deps.onRuleError ?? (() => undefined));
  // Hover and code actions follow the diagnostics of the same version; one analysis serves all three.
  const cache = new Map<string, CachedAnalysis>();

  function analyze(file: SourceFile, settings: Settings, token: CancellationToken): readonly RuleDiagnostic[] {
    const cached = cache.get(file.uri);
    if (cached && cached.version === file.document.version && cached.settings === settings && cached.tree === file.tree) return cached.results;
    const results = engine.run(file, settings, token);
    if (!token.isCancellationRequested) cache.set(file.uri, { version: file.document.version, settings, tree: file.tree, results });
    return results;
  }

  return {
    rules,
    analyze,
    diagnostics: (file, settings, token) => analyze(file, settings, token).map((d) => toLspDiagnostic(file, d)),
    hover(file, position, settings, token) {
      const offset = file.document.offsetAt(position);
      const rule = ruleHover(file, offset, analyze(file, settings, token));
      if (token.isCancellationRequested) return undefined;
      return combineHovers(file, rule, internalsHover(hoverContext(file, offset, settings, deps.grammar)));
    },
    codeActions(file, params, settings, token) {
      return codeActions({ file, diagnostics: params.diagnostics, only: params.only, analyze: () => analyze(file, settings, token) });
    },
    forget: (uri) => void cache.delete(uri),
    dispose() {
      cache.clear();
      engine.dispose();
    },
  };
}
