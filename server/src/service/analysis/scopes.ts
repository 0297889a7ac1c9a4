// Python's scopes for one file, built from tree-sitter queries (captures are cheap; a JS walk over every node is not).
// The file is cut into units (units.ts): each unit's own scopes are built from the query's matches inside it, on
// first use; what a unit binds in a scope it shares with others (the module, a class whose members are units) is
// kept as plain offsets (scopeUnits.ts, sharedScopes.ts). So after an edit only the units it touched are queried
// again (ScopeIndex.derive), and a file's index costs one query over the whole tree only when it is first built.
import type { PythonGrammar, Query, QueryMatch, SyntaxNode, Tree } from '../../parsing/treeSitter';
import type { EditSpan } from './changes';
import { MODULE_OWNER } from './dependencies';
import { processUnit, spanRange, type Segment, type Span, type UnitExports } from './scopeUnits';
import { BATCH, changedNames, distribute, type ScopeDerivation } from './scopeChanges';
import { ExportTable, ownerKey, sharedScope } from './sharedScopes';
import { deriveUnits } from './unitChanges';
import { classOf, headerParts, nodeAt, queryRange, startDepth, unitsSpan, UnitTree, type Unit } from './units';

export type { ChangedName, ScopeDerivation } from './scopeChanges';

export type ScopeKind = 'module' | 'function' | 'lambda' | 'class' | 'comprehension';

export type Binding =
  | { readonly kind: 'import'; readonly name: string; readonly node: SyntaxNode; readonly qualifiedName: string }
  | { readonly kind: 'assign' | 'with'; readonly name: string; readonly node: SyntaxNode; readonly value: SyntaxNode }
  | { readonly kind: 'def' | 'class'; readonly name: string; readonly node: SyntaxNode }
  | { readonly kind: 'param' | 'other'; readonly name: string; readonly node: SyntaxNode };

export interface Scope {
  readonly kind: ScopeKind;
  readonly node: SyntaxNode;
  /** Offsets of the part of `node` whose names live in this scope (a def's name and decorators do not). */
  readonly start: number;
  readonly end: number;
  /** The scope names are looked up in next (for a scope inside a def's defaults or annotations, the def's parent). */
  readonly parent: Scope | undefined;
  readonly bindings: Map<string, Binding[]>;
  readonly globals: Set<string>;
  readonly nonlocals: Set<string>;
  hasStarImport: boolean;
}

const SCOPE_AND_BINDING_QUERY = `
(function_definition parameters: (parameters) @scope.start) @scope.function
(lambda) @scope.lambda
(class_definition body: (block) @scope.start) @scope.class
[(list_comprehension) (set_comprehension) (dictionary_comprehension) (generator_expression)] @scope.comprehension
(function_definition name: (identifier) @bind.def)
(class_definition name: (identifier) @bind.class)
[(import_statement) (import_from_statement) (future_import_statement)] @bind.import
(assignment left: (_) @bind.target)
(augmented_assignment left: (identifier) @bind.other)
(for_statement left: (_) @bind.target)
(for_in_clause left: (_) @bind.target)
(as_pattern alias: (as_pattern_target) @bind.as)
(named_expression name: (identifier) @bind.walrus)
(delete_statement (_) @bind.target)
(parameters [(identifier) @bind.param
             (default_parameter name: (identifier) @bind.param)
             (typed_parameter (identifier) @bind.param)
             (typed_default_parameter name: (identifier) @bind.param)
             (list_splat_pattern (identifier) @bind.param)
             (dictionary_splat_pattern (identifier) @bind.param)
             (typed_parameter [(list_splat_pattern (identifier) @bind.param) (dictionary_splat_pattern (identifier) @bind.param)])])
(lambda_parameters [(identifier) @bind.param
                    (default_parameter name: (identifier) @bind.param)
                    (list_splat_pattern (identifier) @bind.param)
                    (dictionary_splat_pattern (identifier) @bind.param)])
(global_statement (identifier) @decl.global)
(nonlocal_statement (identifier) @decl.nonlocal)
`;

const queries = new WeakMap<PythonGrammar, Query>();

function scopeQuery(grammar: PythonGrammar): Query {
  let query = queries.get(grammar);
  if (!query) {
    query = grammar.query(SCOPE_AND_BINDING_QUERY);
    queries.set(grammar, query);
  }
  return query;
}

/** All scopes of one version of a file. */
export class ScopeIndex {
  readonly module: Scope;
  readonly units: UnitTree;
  readonly table: ExportTable;
  private readonly root: SyntaxNode;
  private readonly classes = new Map<Unit, Scope>();
  private readonly owners = new WeakMap<Scope, Unit>();
  private readonly segments = new Map<Unit, Segment>();
  private readonly nodes = new Map<Unit, SyntaxNode>();

  /** A fresh index of `tree`: its units, and every unit's scopes from one query over the whole tree. */
  constructor(tree: Tree, grammar: PythonGrammar, reuse?: { readonly units: UnitTree; readonly table: ExportTable });
  constructor(tree: Tree, private readonly grammar: PythonGrammar, reuse?: { readonly units: UnitTree; readonly table: ExportTable }) {
    this.root = tree.rootNode;
    if (reuse) {
      this.units = reuse.units;
      this.table = reuse.table;
      this.module = this.makeModule();
      return;
    }
    const matches = scopeQuery(grammar).matches(this.root);
    const atomic = new Set<number>();
    for (;;) {
      this.units = UnitTree.build(this.root, atomic);
      this.table = new ExportTable();
      this.module = this.makeModule();
      this.classes.clear();
      this.segments.clear();
      this.nodes.clear();
      const perUnit = distribute(matches, this.units);
      let again = false;
      for (const unit of this.units.all()) {
        for (const start of this.process(unit, perUnit.get(unit) ?? []).classLevelDeclarations) {
          again ||= !atomic.has(start);
          atomic.add(start);
        }
      }
      // A class body that declares class-level globals stays one unit (rare): build again with it whole.
      if (!again) return;
    }
  }

  /**
   * The index of the tree after an edit, reusing `previous` (whose units and exports it takes over: `previous` is
   * unusable afterwards). Undefined when a fresh index is needed: units that do not line up, a star import that
   * appeared or went, a class that now declares class-level globals.
   */
  static derive(tree: Tree, grammar: PythonGrammar, previous: ScopeIndex, span: EditSpan, text: string): ScopeDerivation | undefined {
    const starBefore = previous.table.hasStarImport;
    const derived = deriveUnits(previous.units, tree.rootNode, span, text);
    if (!derived) return undefined;
    const table = previous.table;
    const before = derived.removed.map((unit) => ({ unit, exported: table.get(unit) }));
    for (const unit of derived.removed) table.delete(unit);
    const index = new ScopeIndex(tree, grammar, { units: derived.tree, table });
    const after: Array<{ unit: Unit; exported: UnitExports }> = [];
    // Many new units (a class cut in two by an edit) are queried in one pass over their span.
    const batch = derived.added.length >= BATCH ? index.matchesIn(derived.added) : undefined;
    for (const unit of derived.added) {
      const exported = index.process(unit, batch ? batch.get(unit) ?? [] : index.matchesOf(unit));
      if (exported.classLevelDeclarations.length > 0) return undefined;
      after.push({ unit, exported });
    }
    if (table.hasStarImport !== starBefore) return undefined;
    return { index, changed: changedNames(before, after), units: derived };
  }

  /** The innermost scope whose own region contains `offset`. */
  scopeAt(offset: number): Scope {
    const unit = this.units.unitAt(offset);
    if (!unit) return this.module;
    if (unit.container && offset >= unit.container.bodyStart) return this.classScope(unit);
    return this.segment(unit).innermost(offset) ?? this.enclosing(unit);
  }

  /** The scope a use at `node` is looked up from: defaults, decorators and annotations belong to the outer scope. */
  scopeOfUse(node: SyntaxNode): Scope {
    let scope = this.scopeAt(node.startIndex);
    // A comprehension's first iterable is evaluated in the enclosing scope (and handed to the comprehension).
    while (scope.kind === 'comprehension' && scope.parent && inFirstIterable(scope.node, node)) scope = scope.parent;
    if (scope.kind !== 'function' && scope.kind !== 'lambda') return scope;
    for (let n: SyntaxNode | null = node; n && n.id !== scope.node.id; n = n.parent) {
      const parentType = n.parent?.type ?? '';
      const inDefault = parentType.endsWith('default_parameter') && fieldOf(n) === 'value';
      const inAnnotation = n.type === 'type' && (parentType.startsWith('typed_') || parentType === 'function_definition');
      if (inDefault || inAnnotation) return scope.parent ?? this.module;
    }
    return scope;
  }

  /** The node of a unit in this tree. */
  nodeOf(unit: Unit): SyntaxNode {
    let node = this.nodes.get(unit);
    if (!node) this.nodes.set(unit, (node = this.units.nodeOf(this.root, unit)));
    return node;
  }

  /** The names a unit binds in shared scopes, by owner key (for the rule engine's bookkeeping). */
  exportedNames(unit: Unit): ReadonlyArray<{ readonly owner: string; readonly name: string }> {
    return (this.table.get(unit)?.exports ?? []).map((e) => ({ owner: ownerKey(e.owner), name: e.name }));
  }

  private makeModule(): Scope {
    const root = this.root;
    return sharedScope(undefined, { kind: 'module', node: () => root, start: 0, end: root.endIndex, parent: undefined, table: this.table, find: (unit, span) => this.find(unit, span) });
  }

  private classScope(unit: Unit): Scope {
    let scope = this.classes.get(unit);
    if (!scope) {
      const parts = { kind: 'class' as const, node: () => classOf(this.nodeOf(unit))!, start: unit.container!.bodyStart, end: unit.end, parent: this.enclosing(unit), table: this.table, find: (u: Unit, span: Span) => this.find(u, span) };
      this.classes.set(unit, (scope = sharedScope(unit, parts)));
      this.owners.set(scope, unit);
    }
    return scope;
  }

  private enclosing(unit: Unit): Scope {
    return unit.parent ? this.classScope(unit.parent) : this.module;
  }

  private find(unit: Unit, span: Span): SyntaxNode {
    const [start, end] = spanRange(unit, span);
    return nodeAt(this.nodeOf(unit), start, end, span.type);
  }

  private segment(unit: Unit): Segment {
    let segment = this.segments.get(unit);
    if (!segment) {
      this.process(unit, this.matchesOf(unit));
      segment = this.segments.get(unit)!;
    }
    return segment;
  }

  /** Builds a unit's segment from its matches and records its exports (the same whichever way they were found). */
  private process(unit: Unit, matches: readonly QueryMatch[]): UnitExports {
    const context = { unit, outer: this.enclosing(unit), module: this.module, ownerOf: (shared: Scope) => this.ownerOf(shared) };
    const { segment, exported } = processUnit(context, matches);
    this.segments.set(unit, segment);
    if (!this.table.get(unit)) this.table.set(unit, exported);
    return exported;
  }

  private ownerOf(shared: Scope): Unit | undefined {
    return this.owners.get(shared);
  }

  /** The scope query's matches of each of `units` (sorted, adjacent), from one query over their span. */
  private matchesIn(units: readonly Unit[]): Map<Unit, QueryMatch[]> {
    const { start, end } = unitsSpan(units);
    return distribute(scopeQuery(this.grammar).matches(this.root, queryRange(start, end)), this.units, new Set(units));
  }

  /** The scope query's matches rooted in a unit: the whole statement, or a container's header only. */
  private matchesOf(unit: Unit): QueryMatch[] {
    const query = scopeQuery(this.grammar);
    const node = this.nodeOf(unit);
    if (!unit.container) return query.matches(node);
    return headerParts(node).flatMap(({ node: part, depth }) => query.matches(part, startDepth(depth)));
  }
}

export { MODULE_OWNER };

/** Whether `node` lies in the iterable of the first `for` clause of `comprehension`. */
function inFirstIterable(comprehension: SyntaxNode, node: SyntaxNode): boolean {
  const iterable = comprehension.namedChildren.find((c) => c?.type === 'for_in_clause')?.childForFieldName('right');
  return !!iterable && iterable.startIndex <= node.startIndex && node.endIndex <= iterable.endIndex;
}

function fieldOf(node: SyntaxNode): string | null {
  const parent = node.parent;
  if (!parent) return null;
  for (let i = 0; i < parent.childCount; i++) if (parent.child(i)?.id === node.id) return parent.fieldNameForChild(i);
  return null;
}
