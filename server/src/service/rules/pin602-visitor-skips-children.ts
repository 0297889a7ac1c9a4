// PIN602: a visit_<Node> method of an ast.NodeVisitor / ast.NodeTransformer subclass, for a node type that holds other
// nodes, that never calls generic_visit (or visit) and never hands the node to code that might. NodeVisitor.visit
// calls only that method for such a node, so nothing nested inside it is visited. Information: stopping the descent
// can be deliberate (only top-level functions, say), but it is a classic way to miss nested nodes.
import { AST_NODES_WITH_CHILDREN, mayVisitChildren, returnsOnlyNode } from '../analysis/astChildVisits';
import { definesMethod, derivesFrom, VISIT_METHOD_QUERY, visitMethodOf } from '../analysis/astVisitors';
import { insertAtBodyStart } from '../fixes/bodyStart';
import type { Finding, Rule } from './rule';

export const visitorSkipsChildren: Rule = {
  code: 'PIN602',
  name: 'visitor-skips-children',
  family: 'ast',
  defaultSeverity: 'information',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bNode(Visitor|Transformer)\b/),
  query: VISIT_METHOD_QUERY,
  check(match, context) {
    const method = visitMethodOf(match);
    if (!method) return undefined;
    const { cls, fn, name, body, node, kind } = method;
    const self = fn.childForFieldName('parameters')?.namedChildren.find((p) => p?.type === 'identifier');
    if (!self || !AST_NODES_WITH_CHILDREN.has(kind)) return undefined;
    if (fn.children.some((c) => c?.type === 'async') || definesMethod(cls, 'visit')) return undefined;
    if (mayVisitChildren(body, self.text, node.text, context.names)) return undefined;
    const base = derivesFrom(cls, 'ast.NodeTransformer', context.names) ? 'NodeTransformer' : derivesFrom(cls, 'ast.NodeVisitor', context.names) ? 'NodeVisitor' : undefined;
    // A transformer that returns a replacement drops the old children anyway; visiting them first would be wasted.
    if (!base || (base === 'NodeTransformer' && !returnsOnlyNode(body, node.text))) return undefined;
    const edit = insertAtBodyStart(fn, context, () => `${self.text}.generic_visit(${node.text})`);
    const finding: Finding = {
      at: name,
      message: `\`${name.text}\` never calls \`${self.text}.generic_visit(${node.text})\`, so ${base} stops at ${kind} nodes: nothing nested inside one (and no visit_ method for it) is ${base === 'NodeTransformer' ? 'visited or transformed' : 'visited'}. Call \`${self.text}.generic_visit(${node.text})\` unless skipping the children is intended.`,
      fix: edit && { title: `Visit the children: ${self.text}.generic_visit(${node.text})`, safety: 'unsafe', edits: [edit] },
    };
    return finding;
  },
  docs: {
    summary: 'An `ast.NodeVisitor` / `NodeTransformer` `visit_<Node>` method that never visits the node\'s children.',
    what:
      'Reports (as information) a `visit_<Node>(self, node)` method of a class derived from `ast.NodeVisitor` or `ast.NodeTransformer` (directly or through classes in the same file), for a node type that holds other nodes (such as `FunctionDef`, `Call`, `Assign`; not `Name` or `Constant`), when the method never calls `generic_visit` or `visit`, never copies the node into another variable (to walk it by hand) and never passes the node to one of its own methods or to a non-builtin function, which might visit it. In a NodeTransformer, a method that returns anything but the node itself is replacing it, and is not flagged. Classes with their own `visit` dispatch and `async def` methods are left alone.',
    why:
      '`NodeVisitor.visit` calls `visit_<Node>` if the class defines it and `generic_visit` only otherwise. `generic_visit` is what walks the node\'s fields and visits each child. A `visit_FunctionDef` that records the name and returns therefore stops the walk there: calls, nested functions and everything else inside the function body are never seen, and in a NodeTransformer they are never transformed. Calling `self.generic_visit(node)` in the method continues the walk.',
    example:
      'import ast\n\nclass CallCounter(ast.NodeVisitor):\n    def __init__(self):\n        self.calls = 0\n\n    def visit_Call(self, node):\n        self.calls += 1  # print(len(x)) counts 1: the inner call is never visited\n',
    useInstead:
      'import ast\n\nclass CallCounter(ast.NodeVisitor):\n    def __init__(self):\n        self.calls = 0\n\n    def visit_Call(self, node):\n        self.calls += 1\n        self.generic_visit(node)\n',
    fixSafety:
      'The fix inserts `self.generic_visit(node)` as the first statement after the docstring. It is unsafe: the children are then visited before the rest of the method runs, which matters for visitors that keep state (such as the current function), and some visitors skip children on purpose. In a NodeTransformer the call transforms the children in place and its result can be ignored. No fix is offered for one-line bodies.',
    versions: 'All Python 3 versions. The list of node types with children follows the 3.11 grammar; newer node types (such as `TypeAlias`) are not checked.',
    references: [
      { title: 'ast.NodeVisitor (Python library reference)', url: 'https://docs.python.org/3/library/ast.html#ast.NodeVisitor' },
      { title: 'ast.NodeTransformer (Python library reference)', url: 'https://docs.python.org/3/library/ast.html#ast.NodeTransformer' },
    ],
  },
};
