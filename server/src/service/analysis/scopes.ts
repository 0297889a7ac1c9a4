// Python's scopes for one file, built from a single tree-sitter query (captures are cheap; a JS walk over every node
// is not). Scope membership is decided with offsets in JS, so no parent chains are followed while building.
import type { PythonGrammar, Query, SyntaxNode, Tree } from '../../parsing/treeSitter';

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

function newScope(kind: ScopeKind, node: SyntaxNode, start: number, parent?: Scope): Scope {
  return { kind, node, start, end: node.endIndex, parent, bindings: new Map(), globals: new Set(), nonlocals: new Set(), hasStarImport: false };
}

/** All scopes of a file, sorted by start, with the module scope first. */
export class ScopeIndex {
  readonly module: Scope;
  private readonly scopes: Scope[] = [];
  /** The innermost scope whose region contains each scope (differs from `parent` for scopes in a def's header). */
  private readonly container = new Map<Scope, Scope>();

  constructor(tree: Tree, grammar: PythonGrammar) {
    this.module = newScope('module', tree.rootNode, 0);
    const matches = scopeQuery(grammar).matches(tree.rootNode);
    const pending: Array<{ name: string; node: SyntaxNode }> = [];
    const declarations: Array<{ name: string; node: SyntaxNode }> = [];
    for (const match of matches) {
      const [first] = match.captures;
      if (first.name.startsWith('scope.')) {
        const start = match.captures.find((c) => c.name === 'scope.start')?.node.startIndex ?? first.node.startIndex;
        const main = match.captures.find((c) => c.name !== 'scope.start') ?? first;
        this.scopes.push(newScope(main.name.slice(6) as ScopeKind, main.node, start));
      } else {
        (first.name.startsWith('decl.') ? declarations : pending).push(...match.captures);
      }
    }
    this.scopes.sort((a, b) => a.start - b.start || b.end - a.end);
    this.linkParents();
    // `global`/`nonlocal` first: they decide which scope the bindings below belong to.
    for (const capture of [...declarations, ...pending]) this.addBindingSite(capture.name, capture.node);
  }

  private linkParents(): void {
    const stack: Scope[] = [this.module];
    for (const scope of this.scopes) {
      while (stack.length > 1 && stack[stack.length - 1].end <= scope.start) stack.pop();
      let parent = stack[stack.length - 1];
      this.container.set(scope, parent);
      // A lambda or comprehension in a default or annotation is evaluated where the def is, not inside it.
      while ((parent.kind === 'function' || parent.kind === 'lambda') && scope.start < bodyStart(parent) && parent.parent) parent = parent.parent;
      (scope as { parent: Scope }).parent = parent;
      stack.push(scope);
    }
  }

  /** The innermost scope whose own region contains `offset`. */
  scopeAt(offset: number): Scope {
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
    return this.module;
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

  private bind(declaredIn: Scope, binding: Binding): void {
    const scope = this.owner(declaredIn, binding.name);
    const list = scope.bindings.get(binding.name);
    if (list) list.push(binding);
    else scope.bindings.set(binding.name, [binding]);
  }

  /** Where a name bound in `scope` lives: the module for `global`, the nearest enclosing function for `nonlocal`. */
  private owner(scope: Scope, name: string): Scope {
    if (scope.globals.has(name)) return this.module;
    if (!scope.nonlocals.has(name)) return scope;
    for (let s = scope.parent; s; s = s.parent) if (s.kind === 'function' || s.kind === 'lambda') return s;
    return scope;
  }

  private addBindingSite(capture: string, node: SyntaxNode): void {
    const scope = this.scopeAt(node.startIndex);
    switch (capture) {
      case 'bind.def':
      case 'bind.class': {
        const definition = node.parent!;
        const outer = this.scopeAt(definition.startIndex);
        this.bind(outer, { kind: capture === 'bind.def' ? 'def' : 'class', name: node.text, node: definition });
        return;
      }
      case 'bind.import':
        return this.addImport(scope, node);
      case 'bind.target':
        return this.addTarget(scope, node, node.parent?.type === 'assignment' ? assignedValue(node.parent) : undefined);
      case 'bind.as': {
        const asPattern = node.parent!;
        const value = asPattern.parent?.type === 'with_item' ? asPattern.namedChild(0) ?? undefined : undefined;
        const target = node.namedChild(0);
        if (target) this.addTarget(scope, target, value, 'with');
        return;
      }
      case 'bind.walrus': {
        let s = scope;
        while (s.kind === 'comprehension' && s.parent) s = s.parent;
        return this.bind(s, { kind: 'other', name: node.text, node });
      }
      case 'bind.param':
        return this.bind(scope, { kind: 'param', name: node.text, node });
      case 'bind.other':
        return this.bind(scope, { kind: 'other', name: node.text, node });
      case 'decl.global':
        scope.globals.add(node.text);
        return;
      case 'decl.nonlocal':
        scope.nonlocals.add(node.text);
        return;
    }
  }

  private addTarget(scope: Scope, target: SyntaxNode, value: SyntaxNode | undefined, kind: 'assign' | 'with' = 'assign'): void {
    if (target.type === 'identifier') {
      this.bind(scope, value ? { kind, name: target.text, node: target, value } : { kind: 'other', name: target.text, node: target });
      return;
    }
    if (!['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'tuple', 'list', 'parenthesized_expression', 'expression_list'].includes(target.type)) return;
    for (const child of target.namedChildren) if (child) this.addTarget(scope, child, undefined);
  }

  private addImport(scope: Scope, statement: SyntaxNode): void {
    if (statement.type === 'future_import_statement') return;
    const fromModule = statement.type === 'import_from_statement' ? statement.childForFieldName('module_name')?.text : undefined;
    if (statement.type === 'import_from_statement' && statement.namedChildren.some((c) => c?.type === 'wildcard_import')) {
      scope.hasStarImport = true;
      return;
    }
    for (const name of statement.childrenForFieldName('name')) {
      if (!name) continue;
      const dotted = name.type === 'aliased_import' ? name.childForFieldName('name')! : name;
      const alias = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : undefined;
      if (fromModule !== undefined) {
        // `from . import y` is `.y`, `from .pkg import y` is `.pkg.y`.
        const qualifiedName = fromModule.endsWith('.') ? `${fromModule}${dotted.text}` : `${fromModule}.${dotted.text}`;
        this.bind(scope, { kind: 'import', name: alias ?? dotted.text, node: name, qualifiedName });
      } else if (alias) {
        this.bind(scope, { kind: 'import', name: alias, node: name, qualifiedName: dotted.text });
      } else {
        const head = dotted.text.split('.')[0];
        this.bind(scope, { kind: 'import', name: head, node: name, qualifiedName: head });
      }
    }
  }
}

/** Where a def's or lambda's body starts; its parameters and annotations come before. */
function bodyStart(scope: Scope): number {
  return scope.node.childForFieldName('body')?.startIndex ?? scope.end;
}

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

/** The value finally bound by `a = b = value` (tree-sitter nests chained assignments to the right). */
function assignedValue(assignment: SyntaxNode): SyntaxNode | undefined {
  let right = assignment.childForFieldName('right');
  while (right?.type === 'assignment') right = right.childForFieldName('right');
  return right ?? undefined;
}
