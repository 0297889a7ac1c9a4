// The pyinsight language service: pure functions of (document + tree, settings) → LSP data. No I/O, no connection;
// the LSP server and the CLI are thin shells around it.
import type { CodeAction, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import { nestingExceeds } from '../parsing/limits';
import type { PythonGrammar } from '../parsing/treeSitter';
import type { SyntaxTreeParams, SyntaxTreeResult } from '../protocol';
import { codeActions } from './codeActions';
import type { Settings } from './config';
import { toLspDiagnostic } from './diagnostics';
import { combineHovers, hoverContext } from './hover/hoverContext';
import { internalsHover } from './hover/internalsHover';
import { ruleHover } from './hover/ruleHover';
import { RuleEngine, type AnalysisState, type RuleDiagnostic, type RuleErrorReporter } from './rules/engine';
import { allRules } from './rules/registry';
import type { Rule } from './rules/rule';
import { syntaxTree } from './syntaxTree';
import type { CancellationToken, SourceFile } from './types';

export interface LanguageServiceDeps {
  readonly grammar: PythonGrammar;
  /** Rules to run; the registry by default (tests pass a subset). */
  readonly rules?: readonly Rule[];
  /** Called when a rule throws; the other rules' results are still returned. */
  readonly onRuleError?: RuleErrorReporter;
  /** Called when reusing the previous analysis fails (a bug); the file is then analysed afresh. */
  readonly onReuseError?: (error: unknown) => void;
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
  /** The tree-sitter CST as data for the AST view (pyinsight/syntaxTree). */
  syntaxTree(file: SourceFile, params: Pick<SyntaxTreeParams, 'includeAnonymous'>, token: CancellationToken): SyntaxTreeResult;
  /** Drops what the service remembers about a closed document. */
  forget(uri: string): void;
  dispose(): void;
}

interface CachedAnalysis {
  readonly version: number;
  readonly settings: Settings;
  readonly tree: object;
  readonly results: readonly RuleDiagnostic[];
  /** What the analysis of the next version may reuse (rules/engine.ts). */
  readonly state?: AnalysisState;
}

export function createLanguageService(deps: LanguageServiceDeps): LanguageService {
  const rules = deps.rules ?? allRules;
  const engine = new RuleEngine(deps.grammar, rules, deps.onRuleError ?? (() => undefined), deps.onReuseError ?? (() => undefined));
  // Hover and code actions follow the diagnostics of the same version; one analysis serves all three.
  const cache = new Map<string, CachedAnalysis>();

  function analyze(file: SourceFile, settings: Settings, token: CancellationToken): readonly RuleDiagnostic[] {
    const cached = cache.get(file.uri);
    if (cached && cached.version === file.document.version && cached.settings === settings && cached.tree === file.tree) return cached.results;
    // Nested past parsing/limits.ts's maximum, parent walks turn quadratic: such a tree is not analysed at all.
    if (nestingExceeds(file.tree)) return [];
    // The previous version's analysis is handed over (and consumed): only what the edit touched runs again.
    if (cached) cache.delete(file.uri);
    const { diagnostics: results, state } = engine.analyze(file, settings, token, cached?.state);
    // A cancelled full analysis returns no state and incomplete results: nothing to keep. An incremental one always
    // completes (it is not cancelled half-way), so its state is kept even when the request was cancelled meanwhile.
    if (state || !token.isCancellationRequested) cache.set(file.uri, { version: file.document.version, settings, tree: file.tree, results, state });
    return results;
  }

  return {
    rules,
    analyze,
    diagnostics: (file, settings, token) => analyze(file, settings, token).map((d) => toLspDiagnostic(file, d)),
    hover(file, position, settings, token) {
      const offset = file.document.offsetAt(position);
      const rule = ruleHover(file, offset, analyze(file, settings, token));
      if (token.isCancellationRequested || nestingExceeds(file.tree)) return undefined;
      return combineHovers(file, rule, internalsHover(hoverContext(file, offset, settings, deps.grammar)));
    },
    codeActions(file, params, settings, token) {
      return codeActions({ file, diagnostics: params.diagnostics, only: params.only, analyze: () => analyze(file, settings, token) });
    },
    syntaxTree: (file, params, token) => syntaxTree(file, params, token),
    forget: (uri) => void cache.delete(uri),
    dispose() {
      cache.clear();
      engine.dispose();
    },
  };
}
