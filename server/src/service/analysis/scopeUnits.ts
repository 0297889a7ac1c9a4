// The scopes inside one unit, built from the scope query's matches in that unit: its own scopes (defs, lambdas,
// comprehensions, classes nested in functions) with their bindings, and the bindings it adds to the shared scope
// around it (the module, or a class whose members are units), kept as plain offsets so they outlive the tree.
import type { QueryMatch, SyntaxNode } from '../../parsing/treeSitter';
import type { Binding, Scope, ScopeKind } from './scopes';
import type { Unit } from './units';

/** A node by its range and type, relative to the start of its unit. */
export interface Span {
  readonly start: number;
  /** Relative to the unit's start; or, when `toEnd`, how far before the unit's end (a class node grows with its members). */
  readonly end: number;
  readonly toEnd?: boolean;
  readonly type: string;
}

/** The absolute range of a span of `unit`. */
export function spanRange(unit: Unit, span: Span): [number, number] {
  return [unit.start + span.start, span.toEnd ? unit.end - span.end : unit.start + span.end];
}

/** A binding a unit adds to a shared scope. */
export interface Export {
  /** The container unit whose class scope receives it; undefined for the module. */
  readonly owner: Unit | undefined;
  readonly name: string;
  readonly kind: Binding['kind'];
  readonly qualifiedName?: string;
  readonly node: Span;
  readonly value?: Span;
}

export interface UnitExports {
  readonly exports: readonly Export[];
  /** `from m import *` at module level. */
  readonly starImport: boolean;
  /** Starts of class statements with a class-level `global`/`nonlocal`: their bodies must not be split. */
  readonly classLevelDeclarations: readonly number[];
}

/** The unit's own scopes, sorted by start, for finding the innermost one around an offset. */
export class Segment {
  constructor(
    private readonly scopes: readonly Scope[],
    private readonly container: ReadonlyMap<Scope, Scope | undefined>,
  ) {}

  innermost(offset: number): Scope | undefined {
    let lo = 0;
    let hi = this.scopes.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.scopes[mid].start <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let s: Scope | undefined = best >= 0 ? this.scopes[best] : undefined; s; s = this.container.get(s)) {
      if (s.start <= offset && offset < s.end) return s;
    }
    return undefined;
  }
}

/** What the unit is processed against: the shared scope around it and the module. */
export interface UnitContext {
  readonly unit: Unit;
  readonly outer: Scope;
  readonly module: Scope;
  /** The container unit of a shared class scope; undefined for the module. */
  readonly ownerOf: (shared: Scope) => Unit | undefined;
}

function newScope(kind: ScopeKind, node: SyntaxNode, start: number): Scope {
  return { kind, node, start, end: node.endIndex, parent: undefined, bindings: new Map(), globals: new Set(), nonlocals: new Set(), hasStarImport: false };
}

const TARGET_LISTS = ['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'tuple', 'list', 'parenthesized_expression', 'expression_list'];

/** Builds a unit's scopes and exports from the scope query's matches rooted inside it. */
export function processUnit(context: UnitContext, matches: readonly QueryMatch[]): { segment: Segment; exported: UnitExports } {
  const { unit, outer, module } = context;
  const scopes: Scope[] = [];
  const declarations: Array<{ name: string; node: SyntaxNode }> = [];
  const pending: Array<{ name: string; node: SyntaxNode }> = [];
  for (const match of matches) {
    const [first] = match.captures;
    if (first.name.startsWith('scope.')) {
      const start = match.captures.find((c) => c.name === 'scope.start')?.node.startIndex ?? first.node.startIndex;
      const main = match.captures.find((c) => c.name !== 'scope.start') ?? first;
      // The class scope of a container is shared, built from its members by the index.
      if (unit.container && main.node.type === 'class_definition' && main.node.endIndex === unit.end) continue;
      scopes.push(newScope(main.name.slice(6) as ScopeKind, main.node, start));
    } else {
      (first.name.startsWith('decl.') ? declarations : pending).push(...match.captures);
    }
  }
  scopes.sort((a, b) => a.start - b.start || b.end - a.end);
  const container = linkParents(scopes, outer);
  const segment = new Segment(scopes, container);
  const at = (offset: number) => segment.innermost(offset) ?? outer;
  const exports: Export[] = [];
  const classLevel: number[] = [];
  let starImport = false;

  const owner = (scope: Scope, name: string): Scope => {
    if (scope.globals.has(name)) return module;
    if (!scope.nonlocals.has(name)) return scope;
    for (let s = scope.parent; s; s = s.parent) if (s.kind === 'function' || s.kind === 'lambda') return s;
    return scope;
  };
  const relative = (node: SyntaxNode): Span =>
    node.endIndex === unit.end ? { start: node.startIndex - unit.start, end: 0, toEnd: true, type: node.type } : { start: node.startIndex - unit.start, end: node.endIndex - unit.start, type: node.type };
  const bind = (declaredIn: Scope, binding: Binding) => {
    const scope = owner(declaredIn, binding.name);
    if (scope === outer || scope === module) {
      const value = binding.kind === 'assign' || binding.kind === 'with' ? relative(binding.value) : undefined;
      const qualifiedName = binding.kind === 'import' ? binding.qualifiedName : undefined;
      exports.push({ owner: scope === module ? undefined : context.ownerOf(scope), name: binding.name, kind: binding.kind, qualifiedName, node: relative(binding.node), value });
      return;
    }
    const list = scope.bindings.get(binding.name);
    if (list) list.push(binding);
    else scope.bindings.set(binding.name, [binding]);
  };
  const addTarget = (scope: Scope, target: SyntaxNode, value: SyntaxNode | undefined, kind: 'assign' | 'with' = 'assign'): void => {
    if (target.type === 'identifier') {
      bind(scope, value ? { kind, name: target.text, node: target, value } : { kind: 'other', name: target.text, node: target });
      return;
    }
    // Nested names bind without a value of their own. A stack, not recursion: patterns can nest arbitrarily deep.
    const stack = [target];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'identifier') bind(scope, { kind: 'other', name: node.text, node });
      else if (TARGET_LISTS.includes(node.type)) {
        for (const child of [...node.namedChildren].reverse()) if (child) stack.push(child);
      }
    }
  };
  const addImport = (scope: Scope, statement: SyntaxNode): void => {
    if (statement.type === 'future_import_statement') return;
    const fromModule = statement.type === 'import_from_statement' ? statement.childForFieldName('module_name')?.text : undefined;
    if (statement.type === 'import_from_statement' && statement.namedChildren.some((c) => c?.type === 'wildcard_import')) {
      if (scope === module) starImport = true;
      else if (scope !== outer) scope.hasStarImport = true;
      return;
    }
    for (const name of statement.childrenForFieldName('name')) {
      if (!name) continue;
      const dotted = name.type === 'aliased_import' ? name.childForFieldName('name')! : name;
      const alias = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : undefined;
      if (fromModule !== undefined) {
        // `from . import y` is `.y`, `from .pkg import y` is `.pkg.y`.
        const qualifiedName = fromModule.endsWith('.') ? `${fromModule}${dotted.text}` : `${fromModule}.${dotted.text}`;
        bind(scope, { kind: 'import', name: alias ?? dotted.text, node: name, qualifiedName });
      } else if (alias) {
        bind(scope, { kind: 'import', name: alias, node: name, qualifiedName: dotted.text });
      } else {
        const head = dotted.text.split('.')[0];
        bind(scope, { kind: 'import', name: head, node: name, qualifiedName: head });
      }
    }
  };
  const declare = (scope: Scope, set: 'globals' | 'nonlocals', node: SyntaxNode) => {
    if (scope === outer && outer !== module) classLevel.push(context.ownerOf(outer)!.start);
    else if (scope !== module) scope[set].add(node.text);
  };

  // `global`/`nonlocal` first: they decide which scope the bindings below belong to.
  for (const { name: capture, node } of [...declarations, ...pending]) {
    const scope = at(node.startIndex);
    switch (capture) {
      case 'bind.def':
      case 'bind.class': {
        const definition = node.parent!;
        bind(at(definition.startIndex), { kind: capture === 'bind.def' ? 'def' : 'class', name: node.text, node: definition });
        break;
      }
      case 'bind.import':
        addImport(scope, node);
        break;
      case 'bind.target':
        addTarget(scope, node, node.parent?.type === 'assignment' ? assignedValue(node.parent) : undefined);
        break;
      case 'bind.as': {
        const asPattern = node.parent!;
        const value = asPattern.parent?.type === 'with_item' ? asPattern.namedChild(0) ?? undefined : undefined;
        const target = node.namedChild(0);
        if (target) addTarget(scope, target, value, 'with');
        break;
      }
      case 'bind.walrus': {
        let s = scope;
        while (s.kind === 'comprehension' && s.parent) s = s.parent;
        bind(s, { kind: 'other', name: node.text, node });
        break;
      }
      case 'bind.param':
      case 'bind.other':
        bind(scope, { kind: capture === 'bind.param' ? 'param' : 'other', name: node.text, node });
        break;
      case 'decl.global':
        declare(scope, 'globals', node);
        break;
      case 'decl.nonlocal':
        declare(scope, 'nonlocals', node);
        break;
    }
  }
  // Source order, whatever order the query reported the binding sites in: of each name's bindings, and of the names.
  for (const scope of scopes) {
    const names = [...scope.bindings].map(([name, list]) => [name, list.sort((a, b) => a.node.startIndex - b.node.startIndex)] as const);
    names.sort((a, b) => a[1][0].node.startIndex - b[1][0].node.startIndex);
    scope.bindings.clear();
    for (const [name, list] of names) scope.bindings.set(name, list);
  }
  exports.sort((a, b) => a.node.start - b.node.start);
  return { segment, exported: { exports, starImport, classLevelDeclarations: classLevel } };
}

/** Sets each scope's parent; returns the innermost scope whose region contains each (undefined: the outer one). */
function linkParents(scopes: readonly Scope[], outer: Scope): Map<Scope, Scope | undefined> {
  const container = new Map<Scope, Scope | undefined>();
  const stack: Scope[] = [];
  for (const scope of scopes) {
    while (stack.length > 0 && stack[stack.length - 1].end <= scope.start) stack.pop();
    const around = stack[stack.length - 1];
    container.set(scope, around);
    let parent = around ?? outer;
    // A lambda or comprehension in a default or annotation is evaluated where the def is, not inside it.
    while ((parent.kind === 'function' || parent.kind === 'lambda') && scope.start < bodyStart(parent) && parent.parent) parent = parent.parent;
    (scope as { parent: Scope }).parent = parent;
    stack.push(scope);
  }
  return container;
}

/** Where a def's or lambda's body starts; its parameters and annotations come before. */
function bodyStart(scope: Scope): number {
  return scope.node.childForFieldName('body')?.startIndex ?? scope.end;
}

/** The value finally bound by `a = b = value` (tree-sitter nests chained assignments to the right). */
function assignedValue(assignment: SyntaxNode): SyntaxNode | undefined {
  let right = assignment.childForFieldName('right');
  while (right?.type === 'assignment') right = right.childForFieldName('right');
  return right ?? undefined;
}
