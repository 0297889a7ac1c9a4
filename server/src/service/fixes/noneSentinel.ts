// The None-sentinel rewrite of a parameter default: `def f(x=[]):` becomes `def f(x=None):` plus
// `if x is None: x = []` as the first statement after the docstring, so a new object is built on every call.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from '../analysis/resolve';
import type { RuleContext } from '../rules/rule';
import type { OffsetEdit } from '../types';
import { insertAtBodyStart } from './bodyStart';
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
  if (!sameMeaningInBody(value, parameters, context.names)) return undefined;

  const type = parameter.childForFieldName('type');
  const annotation = type ? optionalAnnotationEdits(type, context) : [];
  if (!annotation) return undefined;
  const insertion = insertAtBodyStart(fn, context, (indent, unit, nl) => `if ${name.text} is None:${nl}${indent}${unit}${name.text} = ${value.text}`);
  if (!insertion) return undefined;
  return [...annotation, { start: value.startIndex, end: value.endIndex, newText: 'None' }, insertion];
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
