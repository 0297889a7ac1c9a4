// Shared scopes: the module, and the class scope of each container unit. Their bindings come from many units, so
// they are kept as plain exports per unit (ExportTable, carried from one version of the file to the next) and turned
// into Binding objects of the current tree on first lookup, each node found only when read. Every read is recorded
// (dependencies.ts), which is how the rule engine learns which checks an edit elsewhere can change.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { MODULE_OWNER, record } from './dependencies';
import type { Export, Span, UnitExports } from './scopeUnits';
import type { Binding, Scope } from './scopes';
import type { Unit } from './units';

export interface ExportRef {
  readonly unit: Unit;
  readonly exported: Export;
}

/** The dependency key of a shared scope's owner: the module, or a container unit. */
export function ownerKey(owner: Unit | undefined): string {
  return owner ? `c${owner.id}` : MODULE_OWNER;
}

/** Every unit's exports, and an index of them by owner and name. */
export class ExportTable {
  private readonly byUnit = new Map<Unit, UnitExports>();
  private readonly byOwner = new Map<Unit | undefined, Map<string, ExportRef[]>>();
  private starUnits = 0;

  get(unit: Unit): UnitExports | undefined {
    return this.byUnit.get(unit);
  }

  set(unit: Unit, exported: UnitExports): void {
    this.delete(unit);
    this.byUnit.set(unit, exported);
    if (exported.starImport) this.starUnits++;
    for (const e of exported.exports) {
      let names = this.byOwner.get(e.owner);
      if (!names) this.byOwner.set(e.owner, (names = new Map()));
      const refs = names.get(e.name);
      if (refs) refs.push({ unit, exported: e });
      else names.set(e.name, [{ unit, exported: e }]);
    }
  }

  delete(unit: Unit): void {
    const old = this.byUnit.get(unit);
    if (!old) return;
    this.byUnit.delete(unit);
    if (old.starImport) this.starUnits--;
    for (const e of old.exports) {
      const names = this.byOwner.get(e.owner);
      const refs = names?.get(e.name)?.filter((r) => r.unit !== unit);
      if (refs?.length) names!.set(e.name, refs);
      else names?.delete(e.name);
    }
    if (unit.container) this.byOwner.delete(unit);
  }

  names(owner: Unit | undefined): ReadonlyMap<string, readonly ExportRef[]> | undefined {
    return this.byOwner.get(owner);
  }

  get hasStarImport(): boolean {
    return this.starUnits > 0;
  }
}

/** Where the binding node of an export starts in the file. */
function startOf(ref: ExportRef): number {
  return ref.unit.start + ref.exported.node.start;
}

/** A shared scope's bindings: loaded per name on first lookup; lookups and listings are recorded. */
class SharedBindings extends Map<string, Binding[]> {
  private complete = false;
  private readonly missing = new Set<string>();

  constructor(
    private readonly key: string,
    private readonly source: () => ReadonlyMap<string, readonly ExportRef[]> | undefined,
    private readonly make: (refs: readonly ExportRef[]) => Binding[],
  ) {
    super();
  }

  override get(name: string): Binding[] | undefined {
    record.lookup(this.key, name);
    return this.fetch(name);
  }

  override has(name: string): boolean {
    record.lookup(this.key, name);
    return this.fetch(name) !== undefined;
  }

  override keys(): MapIterator<string> {
    this.fill();
    return super.keys();
  }

  override values(): MapIterator<Binding[]> {
    this.fill();
    return super.values();
  }

  override entries(): MapIterator<[string, Binding[]]> {
    this.fill();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, Binding[]]> {
    this.fill();
    return super[Symbol.iterator]();
  }

  override forEach(callback: (value: Binding[], key: string, map: Map<string, Binding[]>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(callback, thisArg);
  }

  private fetch(name: string): Binding[] | undefined {
    if (super.has(name)) return super.get(name);
    if (this.complete || this.missing.has(name)) return undefined;
    const refs = this.source()?.get(name);
    if (!refs || refs.length === 0) {
      this.missing.add(name);
      return undefined;
    }
    const bindings = this.make(refs);
    super.set(name, bindings);
    return bindings;
  }

  /** Loads every name, in the order of their first bindings in the file (whatever order lookups came in). */
  private fill(): void {
    record.listing(this.key);
    if (this.complete) return;
    const entries: Array<[string, Binding[]]> = [];
    for (const name of this.source()?.keys() ?? []) {
      const bindings = this.fetch(name);
      if (bindings) entries.push([name, bindings]);
    }
    entries.sort((a, b) => this.first(a[0]) - this.first(b[0]));
    super.clear();
    for (const [name, bindings] of entries) super.set(name, bindings);
    this.complete = true;
  }

  private first(name: string): number {
    return Math.min(...(this.source()?.get(name) ?? []).map(startOf));
  }
}

/** Finds a node of the current tree from a unit and a span relative to it. */
export type NodeFinder = (unit: Unit, span: Span) => SyntaxNode;

/** The Binding of an export in the current tree; reading its node (or value) records a content dependency. */
function lazyBinding(ref: ExportRef, key: string, find: NodeFinder): Binding {
  const { unit, exported: e } = ref;
  let node: SyntaxNode | undefined;
  let value: SyntaxNode | undefined;
  const getNode = () => {
    record.content(key, e.name);
    return (node ??= find(unit, e.node));
  };
  const getValue = () => {
    record.content(key, e.name);
    return (value ??= find(unit, e.value!));
  };
  switch (e.kind) {
    case 'import':
      return { kind: 'import', name: e.name, qualifiedName: e.qualifiedName ?? e.name, get node() { return getNode(); } };
    case 'assign':
    case 'with':
      return { kind: e.kind, name: e.name, get node() { return getNode(); }, get value() { return getValue(); } };
    default:
      return { kind: e.kind, name: e.name, get node() { return getNode(); } };
  }
}

/** A shared scope of one tree. `node` reads are recorded: they can lead anywhere in the module or class. */
export function sharedScope(owner: Unit | undefined, parts: {
  readonly kind: 'module' | 'class';
  readonly node: () => SyntaxNode;
  readonly start: number;
  readonly end: number;
  readonly parent: Scope | undefined;
  readonly table: ExportTable;
  readonly find: NodeFinder;
}): Scope {
  const key = ownerKey(owner);
  const make = (refs: readonly ExportRef[]) => [...refs].sort((a, b) => startOf(a) - startOf(b)).map((r) => lazyBinding(r, key, parts.find));
  const bindings = new SharedBindings(key, () => parts.table.names(owner), make);
  return {
    kind: parts.kind,
    get node() {
      record.scopeNode(key);
      return parts.node();
    },
    start: parts.start,
    end: parts.end,
    parent: parts.parent,
    bindings,
    globals: new Set(),
    nonlocals: new Set(),
    get hasStarImport() {
      return owner === undefined && parts.table.hasStarImport;
    },
    set hasStarImport(_value: boolean) {
      // Star imports of a shared scope come from its units' exports.
    },
  };
}
