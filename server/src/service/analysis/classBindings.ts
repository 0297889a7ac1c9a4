// Names a class body certainly binds, with the node that binds each: statements directly in the body (not inside
// if/try/for, which may not run) that define a function or class, or assign a value to a plain name. Names are
// mangled as CPython stores them (`__x` in class C is `_C__x`). A later `del` of the name removes it.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { bodyStatements } from './classModel';
import { mangle } from './mangle';

export function certainClassBindings(cls: SyntaxNode): Map<string, SyntaxNode> {
  const owner = cls.childForFieldName('name')?.text ?? '';
  const bound = new Map<string, SyntaxNode>();
  const bind = (name: SyntaxNode) => bound.set(mangle(owner, name.text) ?? name.text, name);
  for (const statement of bodyStatements(cls)) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === 'function_definition' || definition?.type === 'class_definition') {
      const name = definition.childForFieldName('name');
      if (name) bind(name);
      continue;
    }
    if (statement.type === 'delete_statement') {
      const targets = statement.namedChildren.flatMap((t) => (t?.type === 'expression_list' ? t.namedChildren : [t]));
      for (const target of targets) if (target?.type === 'identifier') bound.delete(mangle(owner, target.text) ?? target.text);
      continue;
    }
    // `a = b = 1` nests one assignment in the right side of the other; annotations without a value bind nothing.
    let assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
    while (assignment?.type === 'assignment' && assignment.childForFieldName('right')) {
      const left = assignment.childForFieldName('left');
      if (left?.type === 'identifier') bind(left);
      assignment = assignment.childForFieldName('right');
    }
  }
  return bound;
}
