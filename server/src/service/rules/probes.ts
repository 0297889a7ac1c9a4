// The few facts about a whole file that fixes read wherever they are: the indentation step (fixes/indent.ts
// indentUnit), the line break (lineBreak), and the leading docstring/import block (where ensureImport adds an import,
// and whether `from __future__ import annotations` is there). Each is decided by the start of the file, so after an
// edit further down it is known not to have changed; an edit that does change one makes the engine start afresh.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { EditSpan } from '../analysis/changes';
import { DEFAULT_INDENT, firstLineBreak, indentSource } from '../fixes/indent';
import { lineEndAfter } from '../fixes/text';

export interface Probes {
  readonly indent: string;
  /** End of the statement that decided `indent`; Infinity when none did (the default applies). */
  readonly indentEnd: number;
  readonly lineBreak: string;
  readonly lineBreakAt: number;
  /** The leading comments, docstring and imports (text and kinds), and the kind of the statement after them. */
  readonly head: string;
  /** End of the first statement after the head (Infinity when there is none). */
  readonly headEnd: number;
}

/** indentUnit's answer, and the end of the top-level statement that gave it. */
function indentProbe(text: string, root: SyntaxNode): Pick<Probes, 'indent' | 'indentEnd'> {
  const source = indentSource(text, root);
  return source ? { indent: source.indent, indentEnd: source.statement.endIndex } : { indent: DEFAULT_INDENT, indentEnd: Infinity };
}

function lineBreakProbe(text: string): Pick<Probes, 'lineBreak' | 'lineBreakAt'> {
  const match = firstLineBreak(text);
  return match ? { lineBreak: match[0], lineBreakAt: match.index } : { lineBreak: '\n', lineBreakAt: Infinity };
}

const HEAD_KINDS = new Set(['comment', 'import_statement', 'import_from_statement', 'future_import_statement']);

/**
 * The leading block ensureImport and hasFutureAnnotations read (fixes/imports.ts, analysis/symbols.ts): the kinds of
 * the leading statements, up to and including the first that is not a comment, docstring or import, and the text of
 * the imports. Comments and docstrings matter only as kinds: editing inside one moves the place where an import would
 * be added by exactly the edit's length, which shifting the findings' offsets accounts for.
 */
function headProbe(text: string, root: SyntaxNode): Pick<Probes, 'head' | 'headEnd'> {
  const parts: string[] = [];
  for (let i = 0; i < root.namedChildCount; i++) {
    const statement = root.namedChild(i)!;
    const docstring = statement.type === 'expression_statement' && statement.namedChild(0)?.type === 'string';
    if (!HEAD_KINDS.has(statement.type) && !docstring) {
      parts.push(statement.type);
      return { head: parts.join('\n'), headEnd: statement.endIndex };
    }
    parts.push(docstring ? 'docstring' : statement.type === 'comment' ? 'comment' : `${statement.type} ${text.slice(statement.startIndex, lineEndAfter(text, statement.endIndex))}`);
  }
  return { head: parts.join('\n'), headEnd: Infinity };
}

export function probesOf(text: string, root: SyntaxNode): Probes {
  return { ...indentProbe(text, root), ...lineBreakProbe(text), ...headProbe(text, root) };
}

/** The probes after an edit, or undefined when one of them changed. */
export function deriveProbes(old: Probes, text: string, root: SyntaxNode, span: EditSpan): Probes | undefined {
  // Each probe is decided before its end offset: an edit after it leaves it (and the offset) as it was.
  let indent = { indent: old.indent, indentEnd: old.indentEnd };
  if (span.start <= old.indentEnd) {
    indent = indentProbe(text, root);
    if (indent.indent !== old.indent) return undefined;
  }
  let lineBreak = { lineBreak: old.lineBreak, lineBreakAt: old.lineBreakAt };
  if (span.start <= old.lineBreakAt + 2) {
    lineBreak = lineBreakProbe(text);
    if (lineBreak.lineBreak !== old.lineBreak) return undefined;
  }
  let head = { head: old.head, headEnd: old.headEnd };
  if (span.start <= old.headEnd) {
    head = headProbe(text, root);
    if (head.head !== old.head) return undefined;
  }
  return { ...indent, ...lineBreak, ...head };
}
