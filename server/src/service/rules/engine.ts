// Runs the enabled rules over a file with as few tree-sitter query passes as possible (matching runs inside WASM; a
// JS walk over every node costs more), then dispatches each match to its rule. Every 'statement' rule that applies to
// the file (enabled, prefilter passed) is matched by ONE shared query compiled once (queryPlans.ts), except the few
// that need a pass of their own. bench/README.md has the measurements.
//
// After an edit, `analyze` reuses the previous version's analysis: the file is cut into units (analysis/units.ts),
// each match belongs to one unit, and only the units the edit touched, their neighbours, and the units whose checks
// read something the edit changed (recorded while they ran, analysis/dependencies.ts) are matched and checked again.
// The contract that makes this exact is RuleScope in rule.ts; the property test in test/unit proves it on random
// edits. Anything unusual (a change in the file's head, a star import, units that do not line up) starts afresh.
import type { PythonGrammar, QueryMatch } from '../../parsing/treeSitter';
import { spanSince } from '../analysis/changes';
import { namesOf, useIndex } from '../analysis/namesCache';
import { ScopeIndex } from '../analysis/scopes';
import { TextFacts } from '../analysis/textFacts';
import { BATCH } from '../analysis/scopeChanges';
import { startDepth, type Unit } from '../analysis/units';
import { isRuleEnabled, type Settings } from '../config';
import { neverCancelled, type CancellationToken, type SourceFile } from '../types';
import { affectedUnits, AnalysisState, emptyResult } from './engineState';
import { deriveProbes, probesOf } from './probes';
import { QueryPlans, type QueryGroup } from './queryPlans';
import type { Rule, RuleContext } from './rule';
import { byUnit, matchesIn, ofRules, passMatches, runChecks, unitMatches, type CheckRun, type Found, type RuleDiagnostic, type RuleErrorReporter } from './unitChecks';

export type { RuleDiagnostic, RuleErrorReporter } from './unitChecks';

/** The results of one analysis and what the next one may reuse (undefined when nothing can be reused). */
export interface EngineResult {
  readonly diagnostics: RuleDiagnostic[];
  readonly state?: AnalysisState;
  /** Set when the previous analysis was reused: how many units there are, and how many ran again. */
  readonly reuse?: { readonly units: number; readonly rerun: number; readonly rulesEverywhere: number };
}

export type { AnalysisState };

export class RuleEngine {
  private readonly plans: QueryPlans;

  /**
   * `onReuseError` hears of a failure of the incremental path itself (not of a rule), after which the file is analysed
   * afresh; without it such a failure is thrown, as tests want.
   */
  constructor(
    private readonly grammar: PythonGrammar,
    private readonly rules: readonly Rule[],
    private readonly onError: RuleErrorReporter,
    private readonly onReuseError?: (error: unknown) => void,
  ) {
    this.plans = new QueryPlans(grammar, rules);
  }

  /** A full analysis of the file (nothing kept). */
  run(file: SourceFile, settings: Settings, token: CancellationToken): RuleDiagnostic[] {
    return this.analyze(file, settings, token).diagnostics;
  }

  /** Analyses the file, reusing `previous` (the state of an earlier version, consumed by this call) where it can. */
  analyze(file: SourceFile, settings: Settings, token: CancellationToken, previous?: AnalysisState): EngineResult {
    if (previous) {
      try {
        const incremental = this.incremental(previous, file, settings);
        if (incremental) return incremental;
      } catch (error) {
        if (!this.onReuseError) throw error;
        this.onReuseError(error);
      }
    }
    return this.full(file, settings, token);
  }

  dispose(): void {
    this.plans.dispose();
  }

  private enabledRules(settings: Settings): Set<Rule> {
    return new Set(this.rules.filter((r) => isRuleEnabled(settings, r.code)));
  }

  /** The enabled statement rules whose prefilter passes, in engine order. */
  private applicable(enabled: ReadonlySet<Rule>, facts: TextFacts): Set<Rule> {
    return new Set(this.rules.filter((r) => enabled.has(r) && r.scope === 'statement' && (!r.appliesTo || r.appliesTo(facts))));
  }

  private checkRun(file: SourceFile, settings: Settings, enabled: ReadonlySet<Rule>, token: CancellationToken): CheckRun {
    const grammar = this.grammar;
    const context: RuleContext = {
      file,
      settings,
      text: file.document.getText(),
      get names() {
        return namesOf(file.tree, grammar);
      },
    };
    return { context, enabled, onError: this.onError, token };
  }

  private full(file: SourceFile, settings: Settings, token: CancellationToken): EngineResult {
    const enabled = this.enabledRules(settings);
    if (enabled.size === 0) return { diagnostics: [] };
    const text = file.document.getText();
    const index = new ScopeIndex(file.tree, this.grammar);
    useIndex(file.tree, index);
    const facts = new TextFacts(index.units, text);
    // Track the text dependencies too, so an edit can tell whether it touched one.
    for (const rule of enabled) for (const pattern of rule.textDependencies ?? []) facts.has(pattern);
    const applicable = this.applicable(enabled, facts);
    const state = new AnalysisState(file.tree, settings, index, facts, probesOf(text, file.tree.rootNode), applicable);
    const run = this.checkRun(file, settings, enabled, token);
    if (!this.runWhole(state, [...applicable], run, new Set())) return { diagnostics: [] };
    if (!this.runModuleRules(state, enabled, run)) return { diagnostics: [] };
    facts.settle();
    return { diagnostics: state.diagnostics(file), state };
  }

  /** One pass of `rules`' queries over the whole tree; each unit not in `skip` gets their findings (replacing theirs). */
  private runWhole(state: AnalysisState, rules: readonly Rule[], run: CheckRun, skip: ReadonlySet<Unit>): boolean {
    if (rules.length === 0) return true;
    const perUnit = new Map<Unit, Array<[QueryGroup, QueryMatch[]]>>();
    const unplaced: Array<[QueryGroup, QueryMatch[]]> = [];
    for (const pass of this.plans.passes(rules, run.enabled)) {
      const group = pass.group;
      const all = ofRules(passMatches(pass, run.context.file.tree.rootNode, run.context.text, state.index.units.top), pass);
      const { perUnit: lists, orphans } = byUnit(all, group, state.index.units, (unit) => !skip.has(unit));
      for (const [unit, matches] of lists) {
        const entries = perUnit.get(unit);
        if (entries) entries.push([group, matches]);
        else perUnit.set(unit, [[group, matches]]);
      }
      if (orphans.length > 0) unplaced.push([group, orphans]);
    }
    const only = new Set(rules);
    for (const unit of state.index.units.all()) {
      if (skip.has(unit)) continue;
      const kept = state.results.get(unit);
      const result = kept ? { found: kept.found.filter((f) => !only.has(f.diagnostic.rule)), deps: new Set(kept.deps), wholeFile: kept.wholeFile } : emptyResult();
      for (const [group, matches] of perUnit.get(unit) ?? []) if (!runChecks(matches, group.patterns, run, result)) return false;
      if (kept || result.found.length > 0 || result.deps.size > 0 || result.wholeFile) state.set(unit, result);
    }
    // A statement rule's match outside every unit has no unit to be re-run with: this analysis is then not reusable.
    for (const [group, matches] of unplaced) {
      const result = emptyResult();
      if (!runChecks(matches, group.patterns, run, result)) return false;
      state.unplaced.push(...result.found);
      state.reusable = false;
    }
    return true;
  }

  private runModuleRules(state: AnalysisState, enabled: ReadonlySet<Rule>, run: CheckRun): boolean {
    const found: Found[] = [];
    for (const rule of this.rules) {
      if (rule.scope !== 'module' || !enabled.has(rule) || (rule.appliesTo && !rule.appliesTo(state.facts))) continue;
      const group = this.plans.ownQuery(rule);
      const result = emptyResult();
      if (!runChecks(group.query.matches(run.context.file.tree.rootNode, startDepth(rule.maxStartDepth)), group.patterns, run, result)) return false;
      found.push(...result.found);
    }
    state.moduleFound = found;
    return true;
  }

  /**
   * The analysis of a new version from the previous one's state. It takes a few milliseconds and is not cancelled
   * half-way: an analysis stopped in the middle would leave no state to reuse, and the next one would be a full one.
   */
  private incremental(previous: AnalysisState, file: SourceFile, settings: Settings): EngineResult | undefined {
    const span = previous.reusable && previous.settings === settings ? spanSince(file.change, previous.tree) : undefined;
    if (!span) return undefined;
    const text = file.document.getText();
    const probes = deriveProbes(previous.probes, text, file.tree.rootNode, span);
    if (!probes) return undefined;
    // From here on `previous` is being turned into the new state; any failure starts afresh.
    const derived = ScopeIndex.derive(file.tree, this.grammar, previous.index, span, text);
    if (!derived) return undefined;
    useIndex(file.tree, derived.index);
    const touched = previous.facts.update(derived.index.units, text, derived.units.removed, derived.units.added);
    const enabled = this.enabledRules(settings);
    const applicable = this.applicable(enabled, previous.facts);
    const state = previous;
    const wasApplicable = state.applicable;
    state.advance(file.tree, derived.index, probes, applicable);
    for (const unit of derived.units.removed) state.drop(unit);
    const rerun = affectedUnits(state, derived, span, touched);
    // Rules that apply now and did not before run everywhere.
    const everywhere = [...applicable].filter((r) => !wasApplicable.has(r));
    const gone = new Set([...wasApplicable].filter((r) => !applicable.has(r)));
    for (const [unit, result] of state.results) {
      if (gone.size > 0) result.found.splice(0, result.found.length, ...result.found.filter((f) => !gone.has(f.diagnostic.rule)));
      if (!rerun.has(unit) && !state.shift(unit, span)) rerun.add(unit);
    }
    const run = this.checkRun(file, settings, enabled, neverCancelled);
    if (!this.rerun(state, [...applicable], rerun, derived.units.added, run)) return { diagnostics: [] };
    if (!this.runWhole(state, everywhere, run, rerun)) return { diagnostics: [] };
    if (!this.runModuleRules(state, enabled, run)) return { diagnostics: [] };
    state.facts.settle();
    const units = state.index.units;
    const reuse = {
      rerun: rerun.size,
      rulesEverywhere: everywhere.length,
      // Counted only when asked (tests, benchmarks): a walk over every unit.
      get units() {
        return [...units.all()].length;
      },
    };
    return { diagnostics: state.diagnostics(file), state, reuse };
  }

  /**
   * Runs all applicable statement rules on each unit of `units`, replacing their results. The new units of a large
   * edit (a class cut in two) are matched in one pass over their span; the others one by one, and so are anchored
   * passes, which skip every unit without their literal.
   */
  private rerun(state: AnalysisState, rules: readonly Rule[], units: ReadonlySet<Unit>, added: readonly Unit[], run: CheckRun): boolean {
    const passes = this.plans.passes(rules, run.enabled);
    const batch = added.length >= BATCH ? new Set(added) : new Set<Unit>();
    const batched = passes.map((pass) => (batch.size > 0 && !pass.anchors ? matchesIn(pass, state.index, run.context.file.tree.rootNode, batch, run.context.text) : undefined));
    for (const unit of units) {
      const result = emptyResult();
      for (const [i, pass] of passes.entries()) {
        const inBatch = batch.has(unit) ? batched[i] : undefined;
        const matches = inBatch ? inBatch.get(unit) ?? [] : unitMatches(pass, state.index, unit, run.context.text);
        if (!runChecks(matches, pass.group.patterns, run, result)) return false;
      }
      state.set(unit, result);
    }
    return true;
  }
}
