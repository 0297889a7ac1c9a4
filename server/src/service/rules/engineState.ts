// What the engine keeps of one analysis so the next version of the file can reuse it: the results of every unit with
// the dependencies its checks recorded (indexed by dependency key), and how the results combine into diagnostics.
import { mapOffset, type EditSpan } from '../analysis/changes';
import type { ScopeDerivation, ScopeIndex } from '../analysis/scopes';
import { ownerKey } from '../analysis/sharedScopes';
import type { TextFacts } from '../analysis/textFacts';
import type { Unit } from '../analysis/units';
import type { Settings } from '../config';
import { lineEndAt, noqaOnLine, suppresses } from '../noqa';
import type { SourceFile } from '../types';
import type { Probes } from './probes';
import type { Rule } from './rule';
import { dependencyKey, type Found, type RuleDiagnostic, type UnitResult } from './unitChecks';

/** How messages mention line numbers (rule.ts: "on line 12"); a test holds every rule to it. */
export const LINE_NUMBER = /\blines? \d/;

export function emptyResult(): UnitResult {
  return { found: [], deps: new Set(), wholeFile: false };
}

/** Lexicographic order of two match orders. */
function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export class AnalysisState {
  readonly results = new Map<Unit, UnitResult>();
  moduleFound: Found[] = [];
  /** Findings of statement-rule matches that lie in no unit (then `reusable` is false). */
  readonly unplaced: Found[] = [];
  /** Whether the next version may reuse this analysis. */
  reusable = true;
  /** Dependency key → the units whose checks recorded it. */
  private readonly byDependency = new Map<string, Set<Unit>>();
  /** Units whose checks may depend on anything in the file. */
  readonly wholeFile = new Set<Unit>();
  /** Units with a message that mentions a line number (it moves when lines are added or removed above). */
  readonly digits = new Set<Unit>();

  constructor(
    public tree: object,
    readonly settings: Settings,
    public index: ScopeIndex,
    readonly facts: TextFacts,
    public probes: Probes,
    /** The enabled 'statement' rules whose prefilter passed. */
    public applicable: ReadonlySet<Rule>,
  ) {}

  /** Makes this the state of the next version of the file (the results are then updated unit by unit). */
  advance(tree: object, index: ScopeIndex, probes: Probes, applicable: ReadonlySet<Rule>): void {
    this.tree = tree;
    this.index = index;
    this.probes = probes;
    this.applicable = applicable;
  }

  set(unit: Unit, result: UnitResult): void {
    this.drop(unit);
    this.results.set(unit, result);
    for (const key of result.deps) {
      let units = this.byDependency.get(key);
      if (!units) this.byDependency.set(key, (units = new Set()));
      units.add(unit);
    }
    if (result.wholeFile) this.wholeFile.add(unit);
    if (result.found.some((f) => LINE_NUMBER.test(f.diagnostic.message))) this.digits.add(unit);
  }

  drop(unit: Unit): void {
    const old = this.results.get(unit);
    if (!old) return;
    this.results.delete(unit);
    for (const key of old.deps) {
      const units = this.byDependency.get(key);
      units?.delete(unit);
      if (units?.size === 0) this.byDependency.delete(key);
    }
    this.wholeFile.delete(unit);
    this.digits.delete(unit);
  }

  /** The units that recorded `key`. */
  dependents(key: string): ReadonlySet<Unit> {
    return this.byDependency.get(key) ?? new Set();
  }

  /** Moves a kept unit's findings by the edit; false when one lies inside the edited span (the unit must re-run). */
  shift(unit: Unit, span: EditSpan): boolean {
    const result = this.results.get(unit);
    if (!result) return true;
    const moved: Found[] = [];
    for (const found of result.found) {
      const shifted = shiftFound(found, span);
      if (!shifted) return false;
      moved.push(shifted);
    }
    result.found.splice(0, result.found.length, ...moved);
    return true;
  }

  /** Every finding, duplicates (same rule and range) resolved by match order, sorted, `# noqa` applied. */
  diagnostics(file: SourceFile): RuleDiagnostic[] {
    const best = new Map<string, Found>();
    const consider = (found: Found) => {
      const d = found.diagnostic;
      const key = `${d.rule.code}:${d.startIndex}:${d.endIndex}`;
      const seen = best.get(key);
      if (!seen || compare(found.order, seen.order) < 0) best.set(key, found);
    };
    for (const found of [...this.moduleFound, ...this.unplaced]) consider(found);
    for (const result of this.results.values()) for (const found of result.found) consider(found);
    const text = file.document.getText();
    return [...best.values()]
      .sort((a, b) => a.diagnostic.startIndex - b.diagnostic.startIndex || compare(a.order, b.order))
      .filter((f) => !(f.noqa ??= noqaVerdict(text, file, f.diagnostic)).suppressed)
      .map((f) => f.diagnostic);
  }
}

/** The kept units an edit may have changed the results of (the edited ones are new units, always run). */
export function affectedUnits(state: AnalysisState, derived: ScopeDerivation, span: EditSpan, touched: ReadonlySet<string>): Set<Unit> {
  const { added, containers, neighbours } = derived.units;
  const rerun = new Set<Unit>([...added, ...containers, ...neighbours]);
  // Checks that scan the whole text for a pattern the edited units held, before or after the edit.
  const keys: string[] = [...touched].map(dependencyKey.text);
  for (const { owner, name, metadata } of derived.changed) {
    keys.push(dependencyKey.content(owner, name));
    if (metadata) keys.push(dependencyKey.lookup(owner, name), dependencyKey.listing(owner));
  }
  // A class around the edit changed as a whole: its binding's node, its scope's node.
  for (const container of containers) {
    keys.push(dependencyKey.scopeNode(ownerKey(container)));
    for (const { owner, name } of derived.index.exportedNames(container)) keys.push(dependencyKey.content(owner, name));
  }
  for (const key of keys) for (const unit of state.dependents(key)) rerun.add(unit);
  for (const unit of state.wholeFile) rerun.add(unit);
  if (span.rowDelta !== 0) for (const unit of state.digits) rerun.add(unit);
  return rerun;
}

function shiftFound(found: Found, span: EditSpan): Found | undefined {
  const d = found.diagnostic;
  const start = mapOffset(span, d.startIndex);
  const end = mapOffset(span, d.endIndex);
  const orderStart = mapOffset(span, found.order[0]);
  const orderEnd = mapOffset(span, found.order[1]);
  if (start === undefined || end === undefined || orderStart === undefined || orderEnd === undefined) return undefined;
  let fix = d.fix;
  if (fix) {
    const edits = [];
    for (const edit of fix.edits) {
      const editStart = mapOffset(span, edit.start);
      const editEnd = mapOffset(span, edit.end);
      if (editStart === undefined || editEnd === undefined) return undefined;
      edits.push({ ...edit, start: editStart, end: editEnd });
    }
    fix = { ...fix, edits };
  }
  // The noqa verdict holds while the edit (which covers every change of syntax) stays off the lines it was read from.
  const noqa = found.noqa && (span.oldEnd < found.noqa.from || span.start > found.noqa.to) ? { ...found.noqa, from: mapOffset(span, found.noqa.from)!, to: mapOffset(span, found.noqa.to)! } : undefined;
  return { diagnostic: { ...d, startIndex: start, endIndex: end, fix }, order: [orderStart, orderEnd, ...found.order.slice(2)], noqa };
}

/** `# noqa` applies on the first line of the finding, or its last (where Ruff expects it for multi-line strings). */
function noqaVerdict(text: string, file: SourceFile, d: RuleDiagnostic): NonNullable<Found['noqa']> {
  const codes = [d.rule.code, ...d.rule.equivalentCodes];
  const root = file.tree.rootNode;
  const lastLine = Math.max(d.startIndex, d.endIndex - 1);
  // The lines read: from the line break before the finding to the one after its last line (any break, \r too).
  const from = Math.max(text.lastIndexOf('\n', d.startIndex - 1), text.lastIndexOf('\r', d.startIndex - 1), 0);
  const to = lineEndAt(text, lastLine) + 1;
  if (suppresses(noqaOnLine(text, root, d.startIndex), codes)) return { from, to, suppressed: true };
  const suppressed = text.lastIndexOf('\n', lastLine) !== text.lastIndexOf('\n', d.startIndex) && suppresses(noqaOnLine(text, root, lastLine), codes);
  return { from, to, suppressed };
}
