// What each attribute bound in a class body is, for attribute lookup on instances: a data descriptor (defines `__set__`
// or `__delete__`), a non-data descriptor (only `__get__`: functions, classmethod, staticmethod…) or a plain value.
// Attributes whose object we cannot tell (unknown decorators and calls) are left out rather than guessed.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { bodyStatements, classSlots, fileClass, resolveClassExpr, type ClassRef } from './classModel';
import type { Linearizer } from './c3';
import { mangle } from './mangle';
import type { MetaclassFinder } from './metaclass';
import type { NameResolver } from './resolve';

export type AttributeKind = 'data' | 'non-data' | 'plain';

export interface ClassAttribute {
  /** The key in the class `__dict__` (private names mangled). */
  readonly name: string;
  readonly kind: AttributeKind;
  /** What the object is, when that says more than the kind: `property`, `classmethod`, `slot`, a descriptor class. */
  readonly what?: string;
}

interface Kind {
  readonly kind: AttributeKind;
  readonly what?: string;
}

/** Objects built by these callables (decorators or calls), checked against CPython in tests. */
const BUILDERS: ReadonlyMap<string, Kind> = new Map([
  ['builtins.property', { kind: 'data', what: 'property' }],
  ['builtins.staticmethod', { kind: 'non-data', what: 'staticmethod' }],
  ['builtins.classmethod', { kind: 'non-data', what: 'classmethod' }],
  ['functools.cached_property', { kind: 'non-data', what: 'cached_property' }],
  ['functools.cache', { kind: 'non-data', what: 'cache' }],
  ['functools.lru_cache', { kind: 'non-data', what: 'lru_cache' }],
  ['functools.partialmethod', { kind: 'non-data', what: 'partialmethod' }],
  ['functools.singledispatchmethod', { kind: 'non-data', what: 'singledispatchmethod' }],
]);

/** Decorators that return the function they are given. */
const TRANSPARENT = new Set(['abc.abstractmethod', 'typing.final', 'typing.override', 'typing_extensions.final', 'typing_extensions.override']);

const PLAIN_VALUES = new Set([
  'integer', 'float', 'string', 'concatenated_string', 'true', 'false', 'none', 'ellipsis', 'list', 'dictionary', 'set', 'tuple',
  'list_comprehension', 'dictionary_comprehension', 'set_comprehension', 'generator_expression',
]);

const FUNCTION: Kind = { kind: 'non-data', what: 'function' };

export class AttributeClassifier {
  constructor(
    private readonly names: NameResolver,
    private readonly linearizer: Linearizer,
    private readonly metaclasses: MetaclassFinder,
  ) {}

  /** The kind of instances of `ref`, from the `__get__`/`__set__`/`__delete__` its MRO defines (unknown if partial). */
  instanceKind(ref: ClassRef): Kind | undefined {
    const mro = this.linearizer.linearize(ref);
    if (!mro.complete || mro.error || mro.failingBase) return undefined;
    const methods = new Set<string>();
    for (const c of mro.classes) {
      if (c.kind !== 'file') continue; // the known library classes define none of them
      for (const statement of bodyStatements(c.node)) {
        const def = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
        const name = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
        if (name === '__get__' || name === '__set__' || name === '__delete__') methods.add(name);
      }
    }
    const what = ref.kind === 'file' && methods.size ? ref.name : undefined;
    if (methods.has('__set__') || methods.has('__delete__')) return { kind: 'data', what };
    return methods.has('__get__') ? { kind: 'non-data', what } : { kind: 'plain' };
  }

  /** A class object is an instance of its metaclass. */
  private classObjectKind(ref: ClassRef): Kind | undefined {
    const meta = this.metaclasses.metaclassOf(ref);
    const kind = meta.kind === 'class' ? this.instanceKind(meta.metaclass) : undefined;
    return kind && { kind: kind.kind, what: kind.kind === 'plain' ? 'class' : kind.what };
  }

  private calledKind(callee: SyntaxNode): Kind | undefined {
    const builder = BUILDERS.get(this.names.qualifiedName(callee) ?? '');
    if (builder) return builder;
    const ref = resolveClassExpr(callee, this.names);
    return ref.kind === 'file' || ref.kind === 'known' ? this.instanceKind(ref) : undefined;
  }

  private decoratedKind(decorators: readonly SyntaxNode[]): Kind | undefined {
    for (const decorator of decorators) {
      const expr = decorator.namedChildren.find((c) => c?.type !== 'comment');
      if (!expr) return undefined;
      const qualified = this.names.qualifiedName(expr);
      if (qualified && TRANSPARENT.has(qualified)) continue;
      const property = expr.type === 'attribute' && /^(setter|getter|deleter)$/.test(expr.childForFieldName('attribute')?.text ?? '');
      if (property) return { kind: 'data', what: 'property' };
      // `@lru_cache(maxsize=…)` builds the same wrapper as `@lru_cache`.
      const callee = expr.type === 'call' ? expr.childForFieldName('function') : undefined;
      if (callee && this.names.qualifiedName(callee) === 'functools.lru_cache') return BUILDERS.get('functools.lru_cache');
      return expr.type === 'call' ? undefined : this.calledKind(expr);
    }
    return FUNCTION;
  }

  private valueKind(value: SyntaxNode): Kind | undefined {
    if (PLAIN_VALUES.has(value.type)) return { kind: 'plain' };
    if (value.type === 'unary_operator' && ['integer', 'float'].includes(value.namedChildren[0]?.type ?? '')) return { kind: 'plain' };
    if (value.type === 'lambda') return FUNCTION;
    if (value.type === 'call') {
      const callee = value.childForFieldName('function');
      return callee ? this.calledKind(callee) : undefined;
    }
    if (value.type === 'identifier') {
      const definition = this.names.definitionOf(value);
      if (definition?.kind === 'def') return FUNCTION;
      if (definition?.kind === 'class') return this.classObjectKind(resolveClassExpr(value, this.names) as ClassRef);
    }
    return undefined;
  }

  /**
   * Attributes bound directly in the class body, in order of first binding (a later binding decides the kind), and
   * the first slot that is also a class variable (CPython refuses to create the class then).
   */
  attributes(node: SyntaxNode): { readonly attributes: ClassAttribute[]; readonly slotConflict?: string } {
    const owner = node.childForFieldName('name')?.text ?? '';
    const found = new Map<string, Kind | undefined>();
    const bound = new Set<string>();
    const bind = (name: string, kind: Kind | undefined): void => {
      const stored = mangle(owner, name) ?? name;
      bound.add(stored);
      if (name.startsWith('__') && name.endsWith('__')) return; // dunders: special-method lookup skips the instance anyway
      found.set(stored, kind);
    };
    for (const statement of bodyStatements(node)) {
      const decorators = statement.type === 'decorated_definition' ? statement.namedChildren.filter((c): c is SyntaxNode => c?.type === 'decorator') : [];
      const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      const name = definition?.childForFieldName('name')?.text;
      if (definition?.type === 'function_definition' && name) bind(name, this.decoratedKind(decorators));
      else if (definition?.type === 'class_definition' && name) bind(name, decorators.length ? undefined : this.classObjectKind(fileClass(definition)));
      else if (statement.type === 'expression_statement') {
        let assignment = statement.namedChild(0);
        const targets: string[] = [];
        while (assignment?.type === 'assignment') {
          const left = assignment.childForFieldName('left');
          if (left?.type === 'identifier') targets.push(left.text);
          const right = assignment.childForFieldName('right');
          if (!right) break; // an annotation alone binds nothing
          if (right.type !== 'assignment') for (const target of targets) bind(target, this.valueKind(right));
          assignment = right;
        }
      }
    }
    const slots = classSlots(node);
    let slotConflict: string | undefined;
    if (slots && slots !== 'unknown') {
      for (const slot of slots.names) {
        if (bound.has(slot)) slotConflict ??= slot;
        else if (slot !== '__dict__' && slot !== '__weakref__') found.set(slot, { kind: 'data', what: 'slot' });
      }
    }
    return { attributes: [...found].flatMap(([name, kind]) => (kind ? [{ name, ...kind }] : [])), slotConflict };
  }
}
