// The None-sentinel rewrite of a parameter default: `def f(x=[]):` becomes `def f(x=None):` plus
// `if x is None: x = []` as the first statement after the docstring, so a new object is built on every call.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from '../analysis/resolve';
import type { RuleContext } from '../rules/rule';
import type { OffsetEdit } from '../types';
import { indentationAt, indentUnit, lineBreak, lineStartOf } from './indent';
import { optionalAnnotationEdits } from './optionalAnnotation';

/**
 * Edits for `parameter` (a default_parameter or typed_default_parameter of the function_definition `fn`), or undefined
 * when the rewrite is not possible without reformatting (one-line bodies, statements after `;`), or would change what
 * the default's names refer to once moved into the body.
 */
export function noneSentinelEdits(fn: SyntaxNode, parameter: SyntaxNode, context: RuleContext): OffsetEdit[] | undefined {
  const name = parameter.childForFieldName('name');
  const value = parameter.childForFieldName('value');
  const body = fn.childForFieldName('body');
  const parameters = fn.childForFieldName('parameters');
  if (fn.type !== 'function_definition' || !name || !value || !body || !parameters) return undefined;
  const statements = body.namedChildren.filter((s): s is SyntaxNode => s !== null && s.type !== 'comment');
  if (statements.length === 0 || !startsLine(context.text, statements[0])) return undefined;
  if (!sameMeaningInBody(value, parameters, context.names)) return undefined;

  const type = parameter.childForFieldName('type');
  const annotation = type ? optionalAnnotationEdits(type, context) : [];
  if (!annotation) return undefined;

  const text = context.text;
  const indent = indentationAt(text, statements[0].startIndex);
  const defIndent = indentationAt(text, fn.startIndex);
  // The step the body already uses relative to its `def`, so tabs stay tabs and 2-space files stay 2-space.
  const unit = indent.startsWith(defIndent) && indent.length > defIndent.length ? indent.slice(defIndent.length) : indentUnit(text, context.file.tree.rootNode);
  const nl = lineBreak(text);
  const guard = `if ${name.text} is None:${nl}${indent}${unit}${name.text} = ${value.text}`;
  const [first, second] = statements;
  let insertion: OffsetEdit;
  if (!isDocstring(first)) insertion = { start: first.startIndex, end: first.startIndex, newText: `${guard}${nl}${indent}` };
  else if (!second) insertion = { start: first.endIndex, end: first.endIndex, newText: `${nl}${indent}${guard}` };
  else if (startsLine(text, second)) insertion = { start: second.startIndex, end: second.startIndex, newText: `${guard}${nl}${indent}` };
  else return undefined;
  return [...annotation, { start: value.startIndex, end: value.endIndex, newText: 'None' }, insertion];
}

function isDocstring(statement: SyntaxNode): boolean {
  const only = statement.namedChildCount === 1 ? statement.namedChild(0) : null;
  return statement.type === 'expression_statement' && (only?.type === 'string' || only?.type === 'concatenated_string');
}

/** Only indentation precedes the statement on its line (false for `def f(x=[]): return x` and `a; b`). */
function startsLine(text: string, statement: SyntaxNode): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, statement.startIndex), statement.startIndex));
}

/**
 * Defaults are evaluated in the enclosing scope, the body in the function's own: every name in the default must mean
 * the same in both (not a parameter, a local or a class attribute). `parameters` stands for "inside the function".
 */
function sameMeaningInBody(value: SyntaxNode, parameters: SyntaxNode, names: NameResolver): boolean {
  const identifiers = value.type === 'identifier' ? [value] : value.descendantsOfType('identifier');
  for (const id of identifiers) {
    const parent = id.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id) continue;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === id.id) continue;
    const outside = names.resolve(id.text, id);
    // Comprehension variables live in the comprehension's own scope, which moves along with the expression.
    if (outside.kind === 'bound' && outside.scope.node.startIndex >= value.startIndex && outside.scope.node.endIndex <= value.endIndex) continue;
    const inside = names.resolve(id.text, parameters);
    if (outside.kind !== inside.kind || (outside.kind === 'bound' && inside.kind === 'bound' && outside.scope !== inside.scope)) return false;
  }
  return true;
}
