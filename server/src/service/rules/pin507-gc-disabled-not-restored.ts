// PIN507: `gc.disable()` paired with a later `gc.enable()` in the same scope, but not through `try`/`finally`. Any
// exception (or early return) between the two skips the enable and leaves the cyclic collector off for the rest of
// the process. A disable with no enable at all is left alone: switching the collector off for good is a legitimate
// startup choice (often before gc.freeze()), and a pair split across __enter__/__exit__ cannot be judged locally.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { callsIn, guardedByFinally, hasJumps, scopeOf } from '../analysis/pairedCalls';
import { indentationAt, indentLines, indentUnit, lineBreak, lineStartOf } from '../fixes/indent';
import type { OffsetEdit } from '../types';
import { capture, type Rule, type RuleContext } from './rule';

function isGcCall(call: SyntaxNode, context: RuleContext, name: string): boolean {
  const fn = call.childForFieldName('function');
  return !!fn && (call.childForFieldName('arguments')?.namedChildCount ?? 1) === 0 && context.names.qualifiedName(fn) === `gc.${name}`;
}

/** The try/finally rewrite when disable and enable are statements of one block, each on lines of their own. */
function wrapEdits(disable: SyntaxNode, enable: SyntaxNode, context: RuleContext): OffsetEdit[] | undefined {
  const body: SyntaxNode[] = [];
  for (let s = disable.nextNamedSibling; s && s.id !== enable.id; s = s.nextNamedSibling) if (s.type !== 'comment') body.push(s);
  const first = body[0];
  const last = body[body.length - 1];
  const text = context.text;
  const indent = indentationAt(text, enable.startIndex);
  if (!first || !last || first.startPosition.row <= disable.endPosition.row || last.endPosition.row >= enable.startPosition.row) return undefined;
  if (lineStartOf(text, enable.startIndex) + indent.length !== enable.startIndex || indentationAt(text, first.startIndex).length !== first.startPosition.column) return undefined;
  const after = enable.nextSibling;
  if (after && after.type !== 'comment' && after.startPosition.row === enable.endPosition.row) return undefined;
  const nl = lineBreak(text);
  const unit = indentUnit(text, context.file.tree.rootNode);
  const edits = indentLines(text, context.file.tree.rootNode, lineStartOf(text, first.startIndex), lineStartOf(text, enable.startIndex), unit);
  if (edits[0]?.start !== lineStartOf(text, first.startIndex)) return undefined;
  edits[0] = { ...edits[0], newText: `${indent}try:${nl}${edits[0].newText}` };
  edits.push({ start: lineStartOf(text, enable.startIndex), end: lineStartOf(text, enable.startIndex), newText: `${indent}finally:${nl}${unit}` });
  return edits;
}

export const gcDisabledNotRestored: Rule = {
  code: 'PIN507',
  name: 'gc-disabled-not-restored',
  family: 'functions',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bdisable\b/) && file.has(/\benable\b/),
  query: `(expression_statement (call function: [(attribute attribute: (identifier) @_name) (identifier) @_name] (#eq? @_name "disable")) @call) @statement`,
  check(match, context) {
    const statement = capture(match, 'statement');
    const call = capture(match, 'call');
    if (!statement || !call || statement.namedChildCount !== 1 || !isGcCall(call, context, 'disable')) return undefined;
    const isEnable = (c: SyntaxNode) => isGcCall(c, context, 'enable');
    if (guardedByFinally(statement, isEnable)) return undefined;

    // The first gc.enable() after the disable in the same scope.
    const scope = scopeOf(statement);
    const body = scope.type === 'module' ? scope : scope.childForFieldName('body');
    const enable = body && callsIn(body).find((c) => c.startIndex >= statement.endIndex && isEnable(c));
    if (!enable) return undefined;
    const enableStatement = enable.parent?.type === 'expression_statement' ? enable.parent : undefined;
    const sameBlock = enableStatement?.parent?.id === statement.parent?.id && enableStatement?.namedChildCount === 1;
    const edits = sameBlock && enableStatement ? wrapEdits(statement, enableStatement, context) : undefined;
    const between: SyntaxNode[] = [];
    if (edits && enableStatement) for (let s = statement.nextNamedSibling; s && s.id !== enableStatement.id; s = s.nextNamedSibling) between.push(s);

    return {
      at: call,
      message: `The \`gc.enable()\` on line ${enable.startPosition.row + 1} runs only if nothing before it raises${sameBlock ? ' or leaves early' : ''}: otherwise the cyclic garbage collector stays off for the whole interpreter, and objects caught in reference cycles are never freed. Put the code after \`gc.disable()\` in a \`try:\` and call \`gc.enable()\` in its \`finally:\`.`,
      fix: edits && {
        title: 'Re-enable the garbage collector in try/finally',
        // Wrapping changes what happens on early exits too (return, break, yield, await): make that an explicit choice.
        safety: hasJumps(between) ? 'unsafe' : 'safe',
        edits,
      },
    };
  },
  docs: {
    summary: '`gc.disable()` whose matching `gc.enable()` is not in a `finally:`, so an exception leaves the collector off.',
    what:
      'Flags `gc.disable()` (also through aliases such as `import gc as g` or `from gc import disable`) when a `gc.enable()` follows later in the same function or module but the code in between is not wrapped in `try:` / `finally: gc.enable()`. It stays quiet when the disable is inside such a `try` body or is immediately followed by one (also when the `finally` re-enables conditionally, as in `if was_enabled: gc.enable()`), and when the file never calls `gc.enable()` in that scope: turning the collector off for good, or re-enabling it from another method such as `__exit__`, is a decision this rule cannot judge.',
    why:
      'CPython frees most objects by reference counting; the cyclic garbage collector in the `gc` module exists only for groups of objects that refer to each other. `gc.disable()` switches off that automatic collection for the whole interpreter (every thread), not just for the current function, and it stays off until something calls `gc.enable()`. If the code between the two raises, returns or breaks out, the enable is skipped: from then on reference cycles are collected only by explicit `gc.collect()` calls, and a long-running process slowly grows. A `finally:` clause runs however the `try` block is left.',
    example: 'import gc\n\ndef build_index(rows):\n    gc.disable()\n    index = {row.key: row for row in rows}  # may raise\n    gc.enable()\n    return index\n',
    useInstead: 'import gc\n\ndef build_index(rows):\n    gc.disable()\n    try:\n        index = {row.key: row for row in rows}\n    finally:\n        gc.enable()\n    return index\n',
    fixSafety:
      'The fix is offered when `gc.disable()` and `gc.enable()` are statements of the same block, on lines of their own: the statements between them move into a `try:` and the `gc.enable()` line becomes its `finally:`, with the file\'s indentation and line endings. It is safe when the wrapped code has no `return`, `break`, `continue`, `yield` or `await`; with one of those the collector is now re-enabled on that path too (and, in a generator, possibly later, when it is closed), which is usually what was meant but is a change, so the fix is marked unsafe and fix-all on save skips it.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'gc.disable and gc.enable (gc module)', url: 'https://docs.python.org/3/library/gc.html#gc.disable' },
      { title: 'The try statement: finally clause (Python reference)', url: 'https://docs.python.org/3/reference/compound_stmts.html#the-try-statement' },
      { title: 'Garbage collector design (CPython developer guide)', url: 'https://devguide.python.org/internals/garbage-collector/' },
    ],
  },
};
