// How a function body uses one of its parameters, for "what if it is None" checks: the uses that fail on None
// (`p.attr`, `p[key]`), and whether there is any other use (a test, a comparison, a call argument, a rebinding...),
// which may be a guard. Only the body is walked, never the whole tree.
import type { SyntaxNode } from '../../parsing/treeSitter';

export interface NoneDereferences {
  /** Attribute reads (not of attributes None has, such as `__class__`) and subscripts of the parameter. */
  readonly failing: SyntaxNode[];
  /** True when the parameter is used in any other way, or a failing use sits in a try block or nested function. */
  readonly otherUse: boolean;
}

const NESTED = new Set(['function_definition', 'lambda', 'class_definition', 'try_statement']);

export function noneDereferences(body: SyntaxNode, parameter: string): NoneDereferences {
  const failing: SyntaxNode[] = [];
  let otherUse = false;
  for (const id of body.descendantsOfType('identifier')) {
    if (!id || id.text !== parameter) continue;
    const parent = id.parent;
    // `x.parameter` and `f(parameter=...)` name an attribute or a keyword, not the variable.
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id) continue;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === id.id) continue;
    const attribute = parent?.type === 'attribute' && parent.childForFieldName('object')?.id === id.id ? parent.childForFieldName('attribute')?.text : undefined;
    const dereference = (attribute !== undefined && (!/^__.*__$/.test(attribute) || attribute === '__dict__')) || (parent?.type === 'subscript' && parent.childForFieldName('value')?.id === id.id);
    if (!dereference || insideNested(id, body)) otherUse = true;
    else failing.push(parent!);
  }
  return { failing, otherUse };
}

function insideNested(node: SyntaxNode, body: SyntaxNode): boolean {
  for (let n = node.parent; n && n.id !== body.id; n = n.parent) if (NESTED.has(n.type)) return true;
  return false;
}
