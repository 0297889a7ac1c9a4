// Making a name from the standard library available to a fix: reuse an existing module-level import, else add one.
import type { RuleContext } from '../rules/rule';
import type { OffsetEdit } from '../types';
import { lineBreak } from './indent';
import { lineEndAfter } from './text';

export interface ImportedName {
  /** How the fixed code should spell the name (`functools.partial`, `partial`, `ft.partial`). */
  readonly reference: string;
  /** The import to add, if the file has none usable. */
  readonly edits: readonly OffsetEdit[];
}

/**
 * Makes `module.name` reachable at module level, e.g. ensureImport(ctx, 'functools', 'partial'). Only imports that
 * always run count: one under `if TYPE_CHECKING:` or in a `try` may never bind the name.
 */
export function ensureImport(context: RuleContext, module: string, name: string): ImportedName {
  const scope = context.names.index.module;
  for (const [local, bindings] of scope.bindings) {
    if (bindings.length !== 1 || bindings[0].kind !== 'import' || bindings[0].node.parent?.parent?.type !== 'module') continue;
    if (bindings[0].qualifiedName === `${module}.${name}`) return { reference: local, edits: [] };
    if (bindings[0].qualifiedName === module && local === module.split('.')[0]) return { reference: `${module}.${name}`, edits: [] };
    if (bindings[0].qualifiedName === module) return { reference: `${local}.${name}`, edits: [] };
  }
  return { reference: `${module}.${name}`, edits: [{ ...insertionPoint(context), newText: `import ${module}${lineBreak(context.text)}` }] };
}

/** After the last top-level import of the file's leading docstring/import block, else after the docstring, else at 0. */
function insertionPoint(context: RuleContext): { start: number; end: number } {
  const root = context.file.tree.rootNode;
  let at = 0;
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    const isDocstring = at === 0 && statement.type === 'expression_statement' && statement.namedChild(0)?.type === 'string';
    const isImport = statement.type === 'import_statement' || statement.type === 'import_from_statement' || statement.type === 'future_import_statement';
    if (statement.type === 'comment') continue;
    if (!isDocstring && !isImport) break;
    at = lineEndAfter(context.text, statement.endIndex);
  }
  return { start: at, end: at };
}
