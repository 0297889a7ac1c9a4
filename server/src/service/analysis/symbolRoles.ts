// What an identifier is to CPython's symbol table: a load, a binding, a parameter, a declaration, or not a name at
// all (attribute and keyword names, import paths). Decided from the parent (and, for targets, the few nodes above).
import type { SyntaxNode } from '../../parsing/treeSitter';

export type IdentifierRole = 'skip' | 'use' | 'store' | 'param' | 'global' | 'nonlocal' | 'walrus';

/** Nodes a target can be nested in: `a, (b, *c) = …`, `for [x, y] in …`, `with … as (a, b)`, `del a, b`. */
const TARGET_CONTAINERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'tuple', 'list', 'parenthesized_expression', 'expression_list']);
const PARAMETER_LISTS = new Set(['parameters', 'lambda_parameters', 'typed_parameter']);
const IMPORT_PARTS = new Set(['aliased_import', 'import_statement', 'import_from_statement', 'relative_import', 'future_import_statement']);

const isFirstChild = (node: SyntaxNode, parent: SyntaxNode): boolean => node.startIndex === parent.startIndex;

export function identifierRole(identifier: SyntaxNode): IdentifierRole {
  const parent = identifier.parent;
  if (!parent) return 'use';
  switch (parent.type) {
    case 'attribute':
      return isFirstChild(identifier, parent) ? 'use' : 'skip';
    case 'keyword_argument':
    case 'keyword_pattern':
      return isFirstChild(identifier, parent) ? 'skip' : 'use';
    case 'function_definition':
    case 'class_definition':
      return 'store';
    case 'parameters':
    case 'lambda_parameters':
      return 'param';
    case 'default_parameter':
    case 'typed_default_parameter':
    case 'typed_parameter':
      return isFirstChild(identifier, parent) ? 'param' : 'use';
    case 'global_statement':
      return 'global';
    case 'nonlocal_statement':
      return 'nonlocal';
    case 'aliased_import':
      return 'skip'; // the alias is bound by the import statement
    case 'dotted_name':
      return dottedNameRole(identifier, parent);
    case 'splat_pattern':
    case 'as_pattern_target':
    case 'delete_statement':
      return 'store';
    case 'as_pattern':
      // `case … as name` captures; in `except E as e` / `with x as y` the alias sits in an as_pattern_target.
      return parent.parent?.type === 'case_pattern' && identifier.endIndex === parent.endIndex ? 'store' : 'use';
    case 'named_expression':
      return isFirstChild(identifier, parent) ? 'walrus' : 'use';
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
      if (PARAMETER_LISTS.has(parent.parent?.type ?? '')) return 'param';
      return targetRole(parent);
    default:
      return TARGET_CONTAINERS.has(parent.type) ? targetRole(parent) : targetRole(identifier);
  }
}

/** `store` when `node` (an identifier or a container of targets) is an assignment, loop, `del` or `as` target. */
function targetRole(node: SyntaxNode): IdentifierRole {
  let top = node;
  let parent = node.parent;
  while (parent && TARGET_CONTAINERS.has(parent.type)) {
    top = parent;
    parent = parent.parent;
  }
  if (!parent) return 'use';
  switch (parent.type) {
    case 'assignment':
      if (!isFirstChild(top, parent)) return 'use';
      // `(x): int` without a value neither binds nor loads x (symtable skips non-simple annotated names).
      return (top.type === 'parenthesized_expression' || top.type === 'tuple_pattern') && top.namedChildCount === 1 && !parent.childForFieldName('right') && !!parent.childForFieldName('type') ? 'skip' : 'store';
    case 'augmented_assignment':
      return isFirstChild(top, parent) ? 'store' : 'use';
    case 'for_statement':
    case 'for_in_clause':
      return parent.childForFieldName('left')?.id === top.id ? 'store' : 'use';
    case 'delete_statement':
    case 'as_pattern_target':
      return 'store';
    default:
      return 'use';
  }
}

/** Import paths are not names; in `case` patterns a bare name captures, `a.b` is a value and `C(…)` a class. */
function dottedNameRole(identifier: SyntaxNode, dotted: SyntaxNode): IdentifierRole {
  const context = dotted.parent?.type ?? '';
  if (IMPORT_PARTS.has(context)) return 'skip';
  if (!isFirstChild(identifier, dotted)) return 'skip';
  return dotted.namedChildCount === 1 && context !== 'class_pattern' ? 'store' : 'use';
}
