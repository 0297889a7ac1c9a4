// An insertion of new statements at the top of a function body, after its docstring, in the body's own indentation
// and line endings. Undefined for bodies that are not laid out one statement per line (`def f(): return x`, `a; b`).
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { RuleContext } from '../rules/rule';
import type { OffsetEdit } from '../types';
import { indentationAt, indentUnit, lineBreak, lineStartOf } from './indent';

/** `build` gets the body's indentation, one indentation step and the line break, and returns the statement(s). */
export function insertAtBodyStart(fn: SyntaxNode, context: RuleContext, build: (indent: string, unit: string, nl: string) => string): OffsetEdit | undefined {
  const body = fn.childForFieldName('body');
  const statements = body?.namedChildren.filter((s): s is SyntaxNode => s !== null && s.type !== 'comment') ?? [];
  const text = context.text;
  if (statements.length === 0 || !startsLine(text, statements[0])) return undefined;
  const indent = indentationAt(text, statements[0].startIndex);
  const defIndent = indentationAt(text, fn.startIndex);
  const unit = indent.startsWith(defIndent) && indent.length > defIndent.length ? indent.slice(defIndent.length) : indentUnit(text, context.file.tree.rootNode);
  const nl = lineBreak(text);
  const code = build(indent, unit, nl);
  const [first, second] = statements;
  if (!isDocstring(first)) return { start: first.startIndex, end: first.startIndex, newText: `${code}${nl}${indent}` };
  if (!second) return { start: first.endIndex, end: first.endIndex, newText: `${nl}${indent}${code}` };
  return startsLine(text, second) ? { start: second.startIndex, end: second.startIndex, newText: `${code}${nl}${indent}` } : undefined;
}

function isDocstring(statement: SyntaxNode): boolean {
  const only = statement.namedChildCount === 1 ? statement.namedChild(0) : null;
  return statement.type === 'expression_statement' && (only?.type === 'string' || only?.type === 'concatenated_string');
}

function startsLine(text: string, statement: SyntaxNode): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, statement.startIndex), statement.startIndex));
}
