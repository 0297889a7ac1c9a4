// Keeping a discarded Task alive: `task = <call>`, add it to a module-level set, discard it from the set when done.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { RuleContext, RuleFix } from '../rules/rule';
import type { OffsetEdit } from '../types';
import { indentationAt, lineBreak, lineStartOf } from './indent';

const SET_NAME = '_background_tasks';
const TASK_NAME = 'task';

/** The edits for `statement` (an expression statement holding only `call`), or undefined when they would not be clean. */
export function taskKeepingFix(statement: SyntaxNode, call: SyntaxNode, context: RuleContext): RuleFix | undefined {
  const { text } = context;
  const lineStart = lineStartOf(text, statement.startIndex);
  const indent = indentationAt(text, statement.startIndex);
  if (lineStart + indent.length !== statement.startIndex) return undefined; // `x = 1; create_task(…)` or `if c: …`
  const next = statement.nextSibling;
  if (next && next.startPosition.row === statement.endPosition.row && next.type !== 'comment') return undefined; // `…; y`
  if (statement.parent?.type !== 'block' && statement.parent?.type !== 'module') return undefined;
  if (context.names.resolve(TASK_NAME, call).kind !== 'builtin') return undefined;

  const edits: OffsetEdit[] = [];
  const nl = lineBreak(text);
  const existing = context.names.resolve(SET_NAME, call);
  if (existing.kind === 'builtin') {
    let top = statement;
    while (top.parent && top.parent.type !== 'module') top = top.parent;
    const blank = top === statement ? nl : `${nl}${nl}${nl}`;
    edits.push({ start: top.startIndex, end: top.startIndex, newText: `${SET_NAME} = set()${blank}` });
  } else {
    const reusable =
      existing.kind === 'bound' &&
      existing.scope === context.names.index.module &&
      existing.bindings.length === 1 &&
      existing.bindings[0].kind === 'assign' &&
      existing.bindings[0].value.text === 'set()' &&
      existing.bindings[0].node.startIndex < call.startIndex;
    if (!reusable || context.names.resolve('set', existing.bindings[0].node).kind !== 'builtin') return undefined;
  }
  const lines = [`${TASK_NAME} = ${call.text}`, `${SET_NAME}.add(${TASK_NAME})`, `${TASK_NAME}.add_done_callback(${SET_NAME}.discard)`];
  edits.push({ start: statement.startIndex, end: statement.endIndex, newText: lines.join(`${nl}${indent}`) });
  return { title: `Keep a reference to the task in \`${SET_NAME}\``, safety: 'unsafe', edits };
}
