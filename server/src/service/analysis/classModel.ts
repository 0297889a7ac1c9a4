// The classes a class statement refers to: this file's own class definitions, a few library classes whose layout we
// know, and everything else as "external" (its ancestry unknown). Only the hovered class's ancestry is ever looked at.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { KNOWN_CLASSES, OBJECT_NAME, type KnownClass } from './knownClasses';
import { mangle } from './mangle';
import type { NameResolver } from './resolve';

export type ClassRef =
  | { readonly kind: 'file'; readonly key: string; readonly name: string; readonly node: SyntaxNode }
  | { readonly kind: 'known'; readonly key: string; readonly name: string; readonly known: KnownClass }
  | { readonly kind: 'external'; readonly key: string; readonly name: string };

export function fileClass(node: SyntaxNode): ClassRef {
  return { kind: 'file', key: `file:${node.startIndex}`, name: node.childForFieldName('name')?.text ?? '?', node };
}

export function knownClass(qualifiedName: string): ClassRef | undefined {
  const known = KNOWN_CLASSES.get(qualifiedName);
  return known && { kind: 'known', key: qualifiedName, name: qualifiedName.slice(qualifiedName.lastIndexOf('.') + 1), known };
}

function external(expr: SyntaxNode): ClassRef {
  const text = expr.text.replace(/\s+/g, ' ');
  const name = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return { kind: 'external', key: `external:${name}`, name };
}

/** What a base or metaclass expression names; a def named as a metaclass comes back as `function`. */
export function resolveClassExpr(expr: SyntaxNode, names: NameResolver): ClassRef | { readonly kind: 'function'; readonly name: string } {
  if (expr.type === 'identifier') {
    const definition = names.definitionOf(expr);
    if (definition?.kind === 'class') return fileClass(definition.node);
    if (definition?.kind === 'def') return { kind: 'function', name: expr.text };
  }
  if (expr.type === 'identifier' || expr.type === 'attribute') {
    const qualified = names.qualifiedName(expr);
    const known = qualified ? knownClass(qualified) : undefined;
    if (known) return known;
  }
  return external(expr);
}

export interface ClassHeader {
  readonly bases: readonly ClassRef[];
  /** The `metaclass=` expression, if any. */
  readonly metaclass?: SyntaxNode;
  /** A `*bases` or `**kwargs` in the header: the bases cannot be known. */
  readonly splat: boolean;
}

const headers = new WeakMap<NameResolver, Map<string, ClassHeader>>();

/** Bases as written (`object` when there are none), memoised per name resolver, i.e. per tree. */
export function classHeader(node: SyntaxNode, names: NameResolver): ClassHeader {
  let memo = headers.get(names);
  if (!memo) headers.set(names, (memo = new Map()));
  const key = `${node.startIndex}`;
  const cached = memo.get(key);
  if (cached) return cached;
  const bases: ClassRef[] = [];
  let metaclass: SyntaxNode | undefined;
  let splat = false;
  for (const arg of node.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      if (arg.childForFieldName('name')?.text === 'metaclass') metaclass = arg.childForFieldName('value') ?? undefined;
    } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      splat = true;
    } else {
      const ref = resolveClassExpr(arg, names);
      bases.push(ref.kind === 'function' ? external(arg) : ref);
    }
  }
  if (bases.length === 0 && !splat) bases.push(knownClass(OBJECT_NAME)!);
  const header = { bases, metaclass, splat };
  memo.set(key, header);
  return header;
}

/** The statements directly in a class body, with a decorated definition's decorators alongside it. */
export function bodyStatements(node: SyntaxNode): SyntaxNode[] {
  return node.childForFieldName('body')?.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment') ?? [];
}

export type Slots = { readonly names: readonly string[] } | 'unknown' | undefined;

/** String entries of a `__slots__` literal (mangled like CPython does), or `unknown` when it is not a plain literal. */
function slotNames(value: SyntaxNode, owner: string): readonly string[] | undefined {
  const items = value.type === 'string' ? [value] : ['tuple', 'list', 'parenthesized_expression'].includes(value.type) ? value.namedChildren : undefined;
  if (!items) return undefined;
  const names: string[] = [];
  for (const item of items) {
    if (!item || item.type === 'comment') continue;
    if (item.type !== 'string' || item.namedChildren.some((c) => c?.type === 'interpolation' || c?.type === 'escape_sequence')) return undefined;
    const content = item.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join('');
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(content)) return undefined;
    names.push(mangle(owner, content) ?? content);
  }
  return names;
}

/** The class's `__slots__` (the last assignment in its body wins), `unknown` if not a literal or a decorator may add some. */
export function classSlots(node: SyntaxNode): Slots {
  let slots: Slots;
  for (const statement of bodyStatements(node)) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== '__slots__') continue;
    const value = assignment.childForFieldName('right');
    const names = value ? slotNames(value, node.childForFieldName('name')?.text ?? '') : undefined;
    slots = names ? { names } : 'unknown';
  }
  // `@dataclass(slots=True)` and similar decorators build a new class with slots.
  const decorated = node.parent?.type === 'decorated_definition' ? node.parent : undefined;
  if (decorated?.namedChildren.some((d) => d?.type === 'decorator' && /\bslots\s*=/.test(d.text))) return 'unknown';
  return slots;
}
