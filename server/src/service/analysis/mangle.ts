// Private name mangling as CPython's compiler does it (_Py_Mangle): inside a class body, an identifier `__x` that does
// not end in `__` becomes `_Class__x`, with the class name's leading underscores dropped.
import type { SyntaxNode } from '../../parsing/treeSitter';

/** Whether CPython would mangle `name` inside a class: starts with `__`, does not end with `__`, has no dot. */
export function isPrivateName(name: string): boolean {
  return name.length > 2 && name.startsWith('__') && !name.endsWith('__') && !name.includes('.');
}

/**
 * The name CPython stores for `name` inside class `className`, or undefined when it is not mangled (not private, or a
 * class named only with underscores). Identifiers are NFKC-normalised by the parser before mangling.
 */
export function mangle(className: string, name: string): string | undefined {
  if (!isPrivateName(name)) return undefined;
  const stripped = className.normalize('NFKC').replace(/^_+/, '');
  return stripped ? `_${stripped}${name.normalize('NFKC')}` : undefined;
}

/**
 * The innermost class whose body contains `node`: its name is the one mangling uses, also inside nested functions,
 * lambdas and comprehensions. A class's own name, bases and keywords are compiled in the enclosing scope.
 */
export function manglingClass(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'class_definition') continue;
    const body = n.childForFieldName('body');
    if (body && node.startIndex >= body.startIndex) return n;
  }
  return undefined;
}

export function className(classNode: SyntaxNode): string {
  return classNode.childForFieldName('name')?.text ?? '';
}

/**
 * Identifier positions the compiler does not mangle (or where we do not claim to know): keyword argument names in
 * calls and class headers, keyword patterns in `match`, and names in import statements.
 */
export function notMangledHere(identifier: SyntaxNode): 'keyword' | 'skip' | undefined {
  const parent = identifier.parent;
  if (!parent) return undefined;
  if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.id === identifier.id) return 'keyword';
  if (parent.type === 'keyword_pattern') return 'skip';
  for (let n: SyntaxNode | null = parent; n && n.type !== 'block' && n.type !== 'module'; n = n.parent) {
    if (n.type === 'import_statement' || n.type === 'import_from_statement' || n.type === 'future_import_statement') return 'skip';
  }
  return undefined;
}

const TARGET_WRAPPERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'expression_list', 'list_splat_pattern']);

/** The assignment (`=` or augmented) whose left side contains `target`, if `target` is being assigned. */
export function assignmentOfTarget(target: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode = target;
  while (n.parent && TARGET_WRAPPERS.has(n.parent.type)) n = n.parent;
  const parent = n.parent;
  if ((parent?.type === 'assignment' || parent?.type === 'augmented_assignment') && parent.childForFieldName('left')?.id === n.id) return parent;
  return undefined;
}

/**
 * Whether this occurrence of a private identifier binds an attribute of its class or of instances: `x.__a = …`,
 * `__a = …` directly in the class body, or `def __a` / `class __a` there.
 */
export function definesPrivateAttribute(identifier: SyntaxNode): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (parent.type === 'attribute') return parent.childForFieldName('attribute')?.id === identifier.id && assignmentOfTarget(parent) !== undefined;
  if (parent.type === 'function_definition' || parent.type === 'class_definition') {
    const statement = parent.parent?.type === 'decorated_definition' ? parent.parent : parent;
    return parent.childForFieldName('name')?.id === identifier.id && inClassBody(statement);
  }
  const assignment = assignmentOfTarget(identifier);
  return assignment?.parent?.type === 'expression_statement' && inClassBody(assignment.parent);
}

/** Whether a statement sits directly in a class body (not in a method or a nested block). */
export function inClassBody(statement: SyntaxNode): boolean {
  return statement.parent?.type === 'block' && statement.parent.parent?.type === 'class_definition';
}
