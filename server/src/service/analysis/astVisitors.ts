// Subclasses of ast.NodeVisitor / ast.NodeTransformer in this file, and the parts of their visit_<Node> methods the
// AST rules look at. Bases are followed through this file's own classes (a few levels); anything else is unknown.
import type { QueryMatch, SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';

const MAX_DEPTH = 8;

/** True when the class derives from `base` (e.g. 'ast.NodeTransformer'), directly or through classes of this file. */
export function derivesFrom(cls: SyntaxNode, base: string, names: NameResolver, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const arg of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (!arg || (arg.type !== 'identifier' && arg.type !== 'attribute')) continue;
    if (names.qualifiedName(arg) === base) return true;
    const definition = arg.type === 'identifier' ? names.definitionOf(arg) : undefined;
    if (definition?.kind === 'class' && definition.node.id !== cls.id && derivesFrom(definition.node, base, names, depth + 1)) return true;
  }
  return false;
}

/** True when the class body itself defines `name` as a method (such as its own `visit` dispatch). */
export function definesMethod(cls: SyntaxNode, name: string): boolean {
  return (cls.childForFieldName('body')?.namedChildren ?? []).some((s) => {
    const definition = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    return definition?.type === 'function_definition' && definition.childForFieldName('name')?.text === name;
  });
}

/** The node parameter of `def visit_X(self, node)`: exactly two plain parameters, else undefined. */
export function visitedParameter(fn: SyntaxNode): SyntaxNode | undefined {
  const parameters = fn.childForFieldName('parameters')?.namedChildren.filter((p): p is SyntaxNode => !!p && p.type !== 'comment') ?? [];
  if (parameters.length !== 2) return undefined;
  const node = parameters[1].type === 'typed_parameter' ? parameters[1].namedChild(0) : parameters[1];
  return node?.type === 'identifier' ? node : undefined;
}

const NESTED = new Set(['function_definition', 'lambda', 'class_definition']);

/** A sync `def` that is not a generator (no yield outside nested functions): its return value is what a call gives. */
export function isPlainFunction(fn: SyntaxNode): boolean {
  if (fn.children.some((c) => c?.type === 'async')) return false;
  const body = fn.childForFieldName('body');
  return !(body?.descendantsOfType('yield') ?? []).some((y) => {
    for (let n = y?.parent; n && n.id !== body!.id; n = n.parent) if (NESTED.has(n.type)) return false;
    return true;
  });
}

/** `visit_X` methods of classes with bases: the query PIN601 and PIN602 share, and its captures. */
export const VISIT_METHOD_QUERY =
  '(class_definition superclasses: (argument_list) body: (block (function_definition name: (identifier) @name (#match? @name "^visit_.")) @function)) @class';

export interface VisitMethod {
  readonly cls: SyntaxNode;
  readonly fn: SyntaxNode;
  readonly name: SyntaxNode;
  readonly body: SyntaxNode;
  /** The parameter that receives the visited node. */
  readonly node: SyntaxNode;
  /** The X of visit_X. */
  readonly kind: string;
}

export function visitMethodOf(match: QueryMatch): VisitMethod | undefined {
  const get = (capture: string) => match.captures.find((c) => c.name === capture)?.node;
  const cls = get('class');
  const fn = get('function');
  const name = get('name');
  const body = fn?.childForFieldName('body');
  const node = fn && visitedParameter(fn);
  if (!cls || !fn || !name || !body || !node) return undefined;
  return { cls, fn, name, body, node, kind: name.text.slice('visit_'.length) };
}
