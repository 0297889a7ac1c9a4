// Widening a parameter annotation to admit None, for fixes that change a default to None. `T | None` is used where
// it is valid (target 3.10+, or annotations never evaluated thanks to `from __future__ import annotations`), else an
// `Optional` the file already imports; when neither exists the caller gets undefined and offers no fix, because every
// remaining spelling needs a new import or leaves an annotation type checkers reject.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { RuleContext } from '../rules/rule';
import type { OffsetEdit } from '../types';
import { ensureImport } from './imports';
import { hasFutureAnnotations } from '../analysis/symbols';

/** Expressions that bind more loosely than `|` and so need parentheses before `| None` is appended. */
const LOOSER_THAN_OR = new Set(['conditional_expression', 'lambda', 'boolean_operator', 'not_operator', 'comparison_operator']);

/** Edits that make the annotation `type` (a tree-sitter `type` node) admit None; [] when it already does. */
export function optionalAnnotationEdits(type: SyntaxNode, context: RuleContext): OffsetEdit[] | undefined {
  const expr = type.namedChild(0) ?? type;
  const isString = expr.type === 'string' && expr.namedChildren.every((c) => c?.type !== 'interpolation');
  const inner = isString ? expr.namedChildren.find((c) => c?.type === 'string_content') : expr;
  if (!inner) return undefined;
  if (admitsNone(inner.text)) return [];
  const { major, minor } = context.settings.targetVersion;
  // Inside quotes the annotation is never evaluated at def time, so `|` is fine for type checkers on any version.
  if (isString || major > 3 || (major === 3 && minor >= 10) || hasFutureAnnotations(context.file.tree.rootNode)) {
    if (!LOOSER_THAN_OR.has(inner.type)) return [{ start: inner.endIndex, end: inner.endIndex, newText: ' | None' }];
    return [{ start: inner.startIndex, end: inner.startIndex, newText: '(' }, { start: inner.endIndex, end: inner.endIndex, newText: ') | None' }];
  }
  const optional = ensureImport(context, 'typing', 'Optional');
  if (optional.edits.length > 0) return undefined;
  return [
    { start: expr.startIndex, end: expr.startIndex, newText: `${optional.reference}[` },
    { start: expr.endIndex, end: expr.endIndex, newText: ']' },
  ];
}

/** `None`, `Any`, `object`, `Optional[…]`, `Union[…, None]`, `… | None` (judged on the text; whitespace ignored). */
export function admitsNone(annotation: string): boolean {
  const text = annotation.replace(/\s+/g, '');
  if (/^(?:\w+\.)*(?:None|Any|object)$/.test(text) || /^(?:\w+\.)*Optional\[/.test(text)) return true;
  if (topLevelSplit(text, '|').includes('None')) return true;
  const union = /^(?:\w+\.)*Union\[(.*)\]$/.exec(text);
  return union !== null && topLevelSplit(union[1], ',').includes('None');
}

/** Splits on `separator` where it is not nested in brackets. */
function topLevelSplit(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}
