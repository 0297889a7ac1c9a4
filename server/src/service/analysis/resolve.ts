// Same-file name resolution as Python does it: local, enclosing functions (class bodies skipped), module, builtins.
// Answers are conservative: when bindings disagree or a star import could supply the name, the answer is "unknown".
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { Binding, Scope, ScopeIndex } from './scopes';

export interface Definition {
  readonly kind: 'def' | 'class';
  /** The function_definition or class_definition node. */
  readonly node: SyntaxNode;
  /** The scope the name is bound in. */
  readonly scope: Scope;
}

/** True when the scope is, or is inside, a function or lambda: definitions there are not importable by name. */
export function insideFunction(scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.kind === 'function' || s.kind === 'lambda') return true;
  return false;
}

export type Resolution =
  | { readonly kind: 'bound'; readonly scope: Scope; readonly bindings: readonly Binding[] }
  | { readonly kind: 'builtin' }
  | { readonly kind: 'unknown' };

/** Context objects returned by these calls expose the same constructors as the module itself. */
const CONTEXT_FACTORIES = new Set(['multiprocessing.get_context']);

/** Chains like `a = a.b()` would otherwise send qualifiedName and producedBy round in circles. */
const MAX_DEPTH = 12;

export class NameResolver {
  private depth = 0;

  constructor(private readonly scopes: ScopeIndex) {}

  /** Resolves the identifier `name` as used at `at`. */
  resolve(name: string, at: SyntaxNode): Resolution {
    let scope: Scope | undefined = this.scopes.scopeOfUse(at);
    const start = scope;
    if (scope.globals.has(name)) scope = this.scopes.module;
    while (scope) {
      const skipClass = scope.kind === 'class' && scope !== start;
      const bindings = skipClass ? undefined : scope.bindings.get(name);
      if (bindings && !(scope === start && scope.nonlocals.has(name))) return { kind: 'bound', scope, bindings };
      if (scope.kind === 'module') return scope.hasStarImport ? { kind: 'unknown' } : { kind: 'builtin' };
      scope = scope.globals.has(name) && scope !== start ? this.scopes.module : scope.parent;
    }
    return { kind: 'unknown' };
  }

  /** The dotted name an expression refers to (`mp.Pool` → `multiprocessing.Pool`, `list` → `builtins.list`). */
  qualifiedName(expr: SyntaxNode): string | undefined {
    return this.guarded(() => this.qualifiedNameOf(expr));
  }

  private guarded<T>(work: () => T | undefined): T | undefined {
    if (this.depth >= MAX_DEPTH) return undefined;
    this.depth++;
    try {
      return work();
    } finally {
      this.depth--;
    }
  }

  private qualifiedNameOf(expr: SyntaxNode): string | undefined {
    if (expr.type === 'identifier') {
      const resolution = this.resolve(expr.text, expr);
      if (resolution.kind === 'builtin') return `builtins.${expr.text}`;
      if (resolution.kind !== 'bound') return undefined;
      return agree(resolution.bindings, (b) => (b.kind === 'import' ? b.qualifiedName : undefined));
    }
    if (expr.type === 'attribute') {
      const object = expr.childForFieldName('object');
      const attribute = expr.childForFieldName('attribute')?.text;
      if (!object || !attribute) return undefined;
      const factory = this.producedBy(object);
      if (factory && CONTEXT_FACTORIES.has(factory)) return `${factory.slice(0, factory.lastIndexOf('.'))}.${attribute}`;
      const base = this.qualifiedName(object);
      return base === undefined || base.startsWith('builtins.') ? undefined : `${base}.${attribute}`;
    }
    return undefined;
  }

  /**
   * The qualified name of the callable whose call produced this value: `mp.Pool()` itself, or a name bound to it by
   * assignment or `with … as` (Pool and the executors return themselves from __enter__).
   */
  producedBy(expr: SyntaxNode): string | undefined {
    return this.guarded(() => this.producedByOf(expr));
  }

  private producedByOf(expr: SyntaxNode): string | undefined {
    if (expr.type === 'call') {
      const fn = expr.childForFieldName('function');
      return fn ? this.qualifiedName(fn) : undefined;
    }
    if (expr.type !== 'identifier') return undefined;
    const resolution = this.resolve(expr.text, expr);
    if (resolution.kind !== 'bound') return undefined;
    return agree(resolution.bindings, (b) => (b.kind === 'assign' || b.kind === 'with') && b.value.type === 'call' ? this.producedBy(b.value) : undefined);
  }

  /** The def or class an identifier refers to, when it is the only binding of that name in its scope. */
  definitionOf(expr: SyntaxNode): Definition | undefined {
    if (expr.type !== 'identifier') return undefined;
    const resolution = this.resolve(expr.text, expr);
    if (resolution.kind !== 'bound' || resolution.bindings.length !== 1) return undefined;
    const [binding] = resolution.bindings;
    if (binding.kind !== 'def' && binding.kind !== 'class') return undefined;
    return { kind: binding.kind, node: binding.node, scope: resolution.scope };
  }

  get index(): ScopeIndex {
    return this.scopes;
  }
}

/** The value `pick` gives for every binding, when they all give the same defined one. */
function agree(bindings: readonly Binding[], pick: (b: Binding) => string | undefined): string | undefined {
  let answer: string | undefined;
  for (const binding of bindings) {
    const value = pick(binding);
    if (value === undefined || (answer !== undefined && answer !== value)) return undefined;
    answer = value;
  }
  return answer;
}
