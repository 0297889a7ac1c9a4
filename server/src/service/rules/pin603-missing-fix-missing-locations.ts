// PIN603: compile() of an AST that holds nodes built in code without a source location: the result of a
// NodeTransformer of this file that builds such nodes, or a tree built directly from `ast.X(...)` calls. CPython's
// compile() requires lineno/col_offset on every statement and expression: TypeError: required field "lineno" missing.
// Quiet whenever the file calls fix_missing_locations anywhere (it may be fixing this very tree).
import type { SyntaxNode } from '../../parsing/treeSitter';
import { unlocatedConstruction } from '../analysis/astConstruction';
import { derivesFrom } from '../analysis/astVisitors';
import type { NameResolver } from '../analysis/resolve';
import { ensureImport } from '../fixes/imports';
import { capture, type Finding, type Rule } from './rule';

/** The single value assigned to identifier `expr` (one binding), else the expression itself. */
function valueOf(expr: SyntaxNode, names: NameResolver): SyntaxNode {
  if (expr.type !== 'identifier') return expr;
  const resolution = names.resolve(expr.text, expr);
  if (resolution.kind !== 'bound' || resolution.bindings.length !== 1) return expr;
  const [binding] = resolution.bindings;
  return binding.kind === 'assign' ? binding.value : expr;
}

/** For `T(...).visit(x)` or `t.visit(x)` with `t = T(...)`: class T when it is a NodeTransformer of this file. */
function transformerClass(call: SyntaxNode, names: NameResolver): SyntaxNode | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'visit') return undefined;
  const object = fn.childForFieldName('object');
  const instance = object && valueOf(object, names);
  const cls = instance?.type === 'call' ? instance.childForFieldName('function') : undefined;
  const definition = cls?.type === 'identifier' ? names.definitionOf(cls) : undefined;
  return definition?.kind === 'class' && derivesFrom(definition.node, 'ast.NodeTransformer', names) ? definition.node : undefined;
}

export const missingFixMissingLocations: Rule = {
  code: 'PIN603',
  name: 'missing-fix-missing-locations',
  family: 'ast',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bast\b/) && !file.has(/fix_missing_locations/),
  query: '(call function: (identifier) @_compile (#eq? @_compile "compile") arguments: (argument_list . [(identifier) (call)] @source)) @compile',
  check(match, context) {
    const compileCall = capture(match, 'compile');
    const source = capture(match, 'source');
    const fn = compileCall?.childForFieldName('function');
    if (!compileCall || !source || !fn || context.names.qualifiedName(fn) !== 'builtins.compile') return undefined;
    const tree = valueOf(source, context.names);
    if (tree.type !== 'call') return undefined;
    const transformer = transformerClass(tree, context.names);
    // Without a known transformer, only a tree built right here (`ast.Module(...)`, `ast.Expression(...)`) is judged:
    // any other function might add the locations itself.
    const builder = tree.childForFieldName('function');
    if (!transformer && !(builder && /^ast\.[A-Z]\w*$/.test(context.names.qualifiedName(builder) ?? ''))) return undefined;
    const unlocated = unlocatedConstruction(transformer ?? tree, context.names);
    if (!unlocated) return undefined;
    const built = `\`${unlocated.childForFieldName('function')?.text ?? 'ast node'}(…)\` on line ${unlocated.startPosition.row + 1}`;
    const origin = transformer ? `the result of \`${transformer.childForFieldName('name')?.text ?? 'the transformer'}\`, which builds ${built}` : `built from ${built}`;
    const imported = ensureImport(context, 'ast', 'fix_missing_locations');
    const finding: Finding = {
      at: source,
      message: `The tree passed to compile() is ${origin} without a source location, so compile() raises TypeError: required field "lineno" missing. Pass it through \`ast.fix_missing_locations\` first.`,
      fix: {
        title: `Wrap in ${imported.reference}(…)`,
        safety: 'safe',
        edits: [...imported.edits, { start: source.startIndex, end: source.startIndex, newText: `${imported.reference}(` }, { start: source.endIndex, end: source.endIndex, newText: ')' }],
      },
    };
    return finding;
  },
  docs: {
    summary: 'compile() of an AST holding nodes built in code without `lineno`, without `ast.fix_missing_locations`.',
    what:
      'Flags the first argument of `compile()` when it is (directly or through a variable assigned once) either `T().visit(tree)` for an `ast.NodeTransformer` subclass `T` of the same file whose methods build new nodes, or a tree built from `ast.X(...)` calls, and some new statement or expression node gets no location: no `lineno=` keyword and not passed as the first argument of `ast.copy_location` (directly or through a variable). Files that call `ast.fix_missing_locations` anywhere are left alone.',
    why:
      'Nodes from `ast.parse` carry `lineno`, `col_offset` and their end positions. Nodes you construct have none of these, and `compile()` requires them on every statement and expression, so it raises `TypeError: required field "lineno" missing from expr`. `ast.copy_location(new, old)` copies the location onto `new` only, not onto nodes nested inside it. `ast.fix_missing_locations(tree)` walks the whole tree and gives every node without a location the one of its parent (1 and 0 at the root).',
    example:
      'import ast\n\nclass Double(ast.NodeTransformer):\n    def visit_Constant(self, node):\n        return ast.BinOp(node, ast.Mult(), ast.Constant(2))\n\ntree = Double().visit(ast.parse("x = 5"))\ncode = compile(tree, "<ast>", "exec")  # TypeError\n',
    useInstead:
      'import ast\n\nclass Double(ast.NodeTransformer):\n    def visit_Constant(self, node):\n        return ast.BinOp(node, ast.Mult(), ast.Constant(2))\n\ntree = Double().visit(ast.parse("x = 5"))\ncode = compile(ast.fix_missing_locations(tree), "<ast>", "exec")\n',
    fixSafety:
      'Safe: the fix wraps the argument in `ast.fix_missing_locations(…)` (adding `import ast` when the file has no usable import), which only fills in locations that are missing and returns the same tree.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'ast.fix_missing_locations (Python library reference)', url: 'https://docs.python.org/3/library/ast.html#ast.fix_missing_locations' },
      { title: 'compile() (Python library reference)', url: 'https://docs.python.org/3/library/functions.html#compile' },
    ],
  },
};
