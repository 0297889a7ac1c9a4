// PIN601: a `visit_<Node>` method of an ast.NodeTransformer subclass that can reach the end of its body without a
// return. It then returns None, and NodeTransformer.generic_visit takes None as "delete this node": a statement
// vanishes from its list, a single-node field (an expression) is removed from its parent.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { definesMethod, derivesFrom, isPlainFunction, VISIT_METHOD_QUERY, visitMethodOf } from '../analysis/astVisitors';
import { fallsOffEnd } from '../analysis/fallsOffEnd';
import { indentationAt, lineBreak } from '../fixes/indent';
import { lineEndAfter } from '../fixes/text';
import type { OffsetEdit } from '../types';
import type { Finding, Rule } from './rule';

export const transformerDropsNode: Rule = {
  code: 'PIN601',
  name: 'transformer-drops-node',
  family: 'ast',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/NodeTransformer/),
  query: VISIT_METHOD_QUERY,
  check(match, context) {
    const method = visitMethodOf(match);
    if (!method || !isPlainFunction(method.fn) || !fallsOffEnd(method.body)) return undefined;
    const { cls, fn, name, node, kind } = method;
    if (definesMethod(cls, 'visit') || !derivesFrom(cls, 'ast.NodeTransformer', context.names)) return undefined;
    const edit = returnNodeEdit(fn, node.text, context.text);
    const finding: Finding = {
      at: name,
      message: `\`${name.text}\` can reach the end of its body without a return, so it returns None there, and NodeTransformer deletes every ${kind} node it returns None for (from a statement list, or the whole field of its parent). Return \`${node.text}\` (or its replacement) on every path; write \`return None\` where deletion is intended.`,
      fix: edit && { title: `Return ${node.text} at the end`, safety: 'unsafe', edits: [edit] },
    };
    return finding;
  },
  docs: {
    summary: 'An `ast.NodeTransformer` `visit_<Node>` method that can end without a return, which deletes the node.',
    what:
      'Flags `visit_<Node>(self, node)` methods of classes derived from `ast.NodeTransformer` (directly or through classes in the same file) whose body can reach its end without `return` or `raise`. An explicit `return` or `return None` counts as a decision to delete and is not flagged. Generators, `async def` methods and classes with their own `visit` dispatch are left alone, and so are bodies whose paths the rule cannot judge, such as `match` statements and `while True` loops.',
    why:
      '`NodeTransformer.generic_visit` replaces each child with whatever the visitor method returns. For a child in a list (statements, arguments, ...) a None result removes it from the list; for a single child field the attribute is deleted from the parent with `delattr`. A Python function that ends without `return` returns None, so a `visit_X` that only edits the node in place, or only returns on some paths, silently drops those nodes. An `Assign` whose value was dropped this way no longer compiles: `compile()` raises TypeError: required field "value" missing from Assign.',
    example:
      'import ast\n\nclass Renamer(ast.NodeTransformer):\n    def visit_Name(self, node):\n        if node.id == "old":\n            node.id = "new"\n',
    useInstead:
      'import ast\n\nclass Renamer(ast.NodeTransformer):\n    def visit_Name(self, node):\n        if node.id == "old":\n            node.id = "new"\n        return node\n',
    fixSafety:
      'The fix appends `return node` (with the method\'s own parameter name) as the last statement of the method. It is unsafe: nodes that used to be deleted are now kept, and code may have relied on that deletion. No fix is offered for one-line bodies.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'ast.NodeTransformer (Python library reference)', url: 'https://docs.python.org/3/library/ast.html#ast.NodeTransformer' },
    ],
  },
};

/** `return <node>` after the last statement, at the body's indentation; undefined for a body on the `def` line. */
function returnNodeEdit(fn: SyntaxNode, node: string, text: string): OffsetEdit | undefined {
  const body = fn.childForFieldName('body');
  const statements = body?.namedChildren.filter((s) => s && s.type !== 'comment') ?? [];
  const first = statements[0];
  const last = statements[statements.length - 1];
  if (!first || !last || first.startPosition.row === fn.startPosition.row) return undefined;
  const indent = indentationAt(text, first.startIndex);
  const at = lineEndAfter(text, last.endIndex);
  const before = at === text.length && !/[\r\n]$/.test(text) ? lineBreak(text) : '';
  return { start: at, end: at, newText: `${before}${indent}return ${node}${lineBreak(text)}` };
}
