// Wrapping a run of top-level statements in `if __name__ == "__main__":`. A run is a stretch of consecutive
// top-level statements that ends at a def, class, import, an existing main guard, or the end of the file.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { isMainGuard } from '../analysis/mainGuard';
import type { OffsetEdit } from '../types';
import { indentLines, indentUnit, lineBreak, lineStartOf } from './indent';

const RUN_BOUNDARIES = new Set([
  'function_definition', 'class_definition', 'decorated_definition',
  'import_statement', 'import_from_statement', 'future_import_statement',
]);

export function endsRun(statement: SyntaxNode): boolean {
  return RUN_BOUNDARIES.has(statement.type) || isMainGuard(statement);
}

/** The top-level statements of the run holding `statement`, in order, without comments. */
export function runAround(statement: SyntaxNode): SyntaxNode[] {
  const before: SyntaxNode[] = [];
  for (let s = statement.previousNamedSibling; s && !endsRun(s); s = s.previousNamedSibling) if (s.type !== 'comment') before.unshift(s);
  const after: SyntaxNode[] = [];
  for (let s = statement.nextNamedSibling; s && !endsRun(s); s = s.nextNamedSibling) if (s.type !== 'comment') after.push(s);
  return [...before, statement, ...after];
}

/**
 * Edits that put the statements from `first` to `last` (top-level, same run) under a new main guard, indented by the
 * file's indent unit. Undefined when `first` shares its line with earlier code (`x = 1; Pool()`).
 */
export function wrapInMainGuard(text: string, root: SyntaxNode, first: SyntaxNode, last: SyntaxNode): OffsetEdit[] | undefined {
  const start = first.startIndex;
  if (lineStartOf(text, start) !== start) return undefined;
  const unit = indentUnit(text, root);
  const header = `if __name__ == "__main__":${lineBreak(text)}${unit}`;
  // The header and the first line's indent go in as one insertion: two insertions at one offset have no reliable order.
  const body = indentLines(text, root, start, last.endIndex, unit).filter((e) => e.start !== start);
  return [{ start, end: start, newText: header }, ...body];
}
