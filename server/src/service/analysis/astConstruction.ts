// New AST nodes built in code (`ast.Constant(1)`, `Name(...)` imported from ast) that get no source location: neither a
// `lineno=` keyword, nor directly handed to `ast.copy_location(new, old)` (as the call or through a variable). compile()
// rejects a tree holding one: TypeError: required field "lineno" missing. Only the given subtree is walked.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';

/** The expression and statement node classes of the 3.11 grammar that carry (and need) `lineno`. */
const LOCATED = new Set(
  ('AnnAssign Assert Assign AsyncFor AsyncFunctionDef AsyncWith Attribute AugAssign Await BinOp BoolOp Break Call ClassDef Compare ' +
    'Constant Continue Delete Dict DictComp Expr For FormattedValue FunctionDef GeneratorExp Global If IfExp Import ImportFrom JoinedStr ' +
    'Lambda List ListComp Match NamedExpr Name Nonlocal Pass Raise Return Set SetComp Slice Starred Subscript Try TryStar Tuple UnaryOp ' +
    'While With Yield YieldFrom').split(' '),
);

/** The `ast.X` class a call constructs, when X needs a location; else undefined. */
export function locatedConstruction(call: SyntaxNode, names: NameResolver): string | undefined {
  const fn = call.childForFieldName('function');
  const qualified = fn && (fn.type === 'identifier' || fn.type === 'attribute') ? names.qualifiedName(fn) : undefined;
  const kind = qualified?.startsWith('ast.') ? qualified.slice(4) : undefined;
  return kind && LOCATED.has(kind) ? kind : undefined;
}

/** The first construction in `root` (inclusive) that ends up without a location, or undefined. */
export function unlocatedConstruction(root: SyntaxNode, names: NameResolver): SyntaxNode | undefined {
  const calls = root.type === 'call' ? [root, ...root.descendantsOfType('call')] : root.descendantsOfType('call');
  const copied = copiedNames(root);
  for (const call of calls) {
    if (!call || !locatedConstruction(call, names)) continue;
    const args = call.childForFieldName('arguments');
    if (args?.namedChildren.some((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'lineno')) continue;
    if (isCopyLocationSource(call)) continue;
    const assignment = call.parent?.type === 'assignment' ? call.parent : undefined;
    const target = assignment?.childForFieldName('right')?.id === call.id ? assignment.childForFieldName('left') : undefined;
    if (target?.type === 'identifier' && copied.has(target.text)) continue;
    return call;
  }
  return undefined;
}

/** `copy_location(<call>, old)`: the call is the first argument. */
function isCopyLocationSource(call: SyntaxNode): boolean {
  const args = call.parent;
  const outer = args?.type === 'argument_list' ? args.parent : undefined;
  const fn = outer?.childForFieldName('function');
  return !!args && !!fn && /(^|\.)copy_location$/.test(fn.text) && args.namedChildren.find((a) => a?.type !== 'comment')?.id === call.id;
}

/** Names passed as the first argument of some copy_location call within `root`. */
function copiedNames(root: SyntaxNode): Set<string> {
  const copied = new Set<string>();
  for (const call of root.descendantsOfType('call')) {
    const fn = call?.childForFieldName('function');
    const first = call?.childForFieldName('arguments')?.namedChildren.find((a) => a?.type !== 'comment');
    if (fn && /(^|\.)copy_location$/.test(fn.text) && first?.type === 'identifier') copied.add(first.text);
  }
  return copied;
}
