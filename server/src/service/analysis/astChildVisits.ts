// Whether a visit_<Node> method may descend into the node's children: it mentions generic_visit, visit, visit_*,
// ast.walk, iter_child_nodes or iter_fields anywhere, copies the node into another variable (to walk it by hand), or
// hands the node (or part of it) to one of its own methods or to a plain function of this program (which may visit).
// Only the method body is walked.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';

const VISITING = /^(generic_visit|visit|visit_\w+|walk|iter_child_nodes|iter_fields)$/;

/** AST classes (CPython 3.11 grammar) with fields that hold expressions, statements or other code-bearing nodes. */
export const AST_NODES_WITH_CHILDREN: ReadonlySet<string> = new Set(
  ('AnnAssign Assert Assign AsyncFor AsyncFunctionDef AsyncWith Attribute AugAssign Await BinOp BoolOp Call ClassDef Compare Delete Dict ' +
    'DictComp ExceptHandler Expr Expression For FormattedValue FunctionDef FunctionType GeneratorExp If IfExp Interactive JoinedStr Lambda ' +
    'List ListComp Match MatchAs MatchClass MatchMapping MatchOr MatchSequence MatchValue Module NamedExpr Raise Return Set SetComp Slice ' +
    'Starred Subscript Try TryStar Tuple UnaryOp While With Yield YieldFrom arg arguments comprehension keyword match_case withitem').split(' '),
);

export function mayVisitChildren(body: SyntaxNode, self: string, node: string, names: NameResolver): boolean {
  for (const id of body.descendantsOfType('identifier')) {
    if (id && VISITING.test(id.text)) return true;
  }
  // `n = node` and then a loop over `n.value`...: the method walks the node by hand.
  for (const assignment of body.descendantsOfType('assignment')) {
    if (assignment?.childForFieldName('right')?.type === 'identifier' && assignment.childForFieldName('right')?.text === node) return true;
  }
  for (const call of body.descendantsOfType('call')) {
    const fn = call?.childForFieldName('function');
    const args = call?.childForFieldName('arguments');
    if (!call || !fn || !args || !mentions(args, node)) continue;
    if (fn.type === 'attribute' && fn.childForFieldName('object')?.text === self) return true;
    if (fn.type === 'identifier' && !names.qualifiedName(fn)?.startsWith('builtins.')) return true;
  }
  return false;
}

function mentions(args: SyntaxNode, name: string): boolean {
  return args.descendantsOfType('identifier').some((id) => id?.text === name && !(id.parent?.type === 'attribute' && id.parent.childForFieldName('attribute')?.id === id.id));
}

/** True when every `return` in the body (outside nested functions) returns the parameter itself: no replacement node. */
export function returnsOnlyNode(body: SyntaxNode, node: string): boolean {
  return body.descendantsOfType('return_statement').every((r) => {
    for (let n = r?.parent; n && n.id !== body.id; n = n.parent) if (n.type === 'function_definition' || n.type === 'lambda') return true;
    return r?.namedChildren.find((c) => c?.type !== 'comment')?.text === node;
  });
}
