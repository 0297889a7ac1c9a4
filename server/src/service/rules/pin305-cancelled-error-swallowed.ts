// PIN305: a handler in an async def that catches the current task's cancellation and does not raise again. Task.cancel()
// works by throwing CancelledError into the coroutine at its await; a handler that ends normally turns the
// cancellation into a plain return, so the canceller (asyncio.run, TaskGroup, wait_for, timeout) never sees it.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { enclosingAsyncDef } from '../analysis/asyncScope';
import { indentationAt, lineBreak } from '../fixes/indent';
import { capture, type Finding, type Rule, type RuleContext, type RuleFix } from './rule';

const CANCELLED = new Set(['asyncio.CancelledError', 'asyncio.exceptions.CancelledError']);

/** What the handler catches that includes CancelledError: the class itself, a broader one, or undefined. */
function catchesCancellation(clause: SyntaxNode, context: RuleContext): string | undefined {
  let value = clause.childForFieldName('value');
  if (value?.type === 'as_pattern') value = value.namedChild(0);
  if (!value) return clause.children.some((c) => c?.type === 'block') ? 'a bare `except:`' : undefined;
  const types = value.type === 'tuple' || value.type === 'parenthesized_expression' ? value.namedChildren : [value];
  const names = types.map((t) => (t ? context.names.qualifiedName(t) ?? '' : ''));
  if (names.some((n) => CANCELLED.has(n))) return '`CancelledError`';
  if (names.includes('builtins.BaseException')) return '`BaseException`';
  const { major, minor } = context.settings.targetVersion;
  if (names.includes('builtins.Exception') && major === 3 && minor < 8) return '`Exception` (CancelledError derives from Exception before Python 3.8)';
  return undefined;
}

/** The try body can be where cancellation arrives: it awaits a call (a coroutine it started), not a task or future it holds. */
function awaitsOwnWork(body: SyntaxNode, fn: SyntaxNode): boolean {
  const awaits = body.descendantsOfType('await').filter((a) => a?.isNamed && enclosingAsyncDef(a)?.fn.id === fn.id);
  return awaits.length > 0 && awaits.every((a) => a?.namedChild(0)?.type === 'call');
}

export const cancelledErrorSwallowed: Rule = {
  code: 'PIN305',
  name: 'cancelled-error-swallowed',
  family: 'async',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\basync\b/),
  query: '(try_statement body: (block) @body (except_clause) @handler)',
  check(match, context) {
    const body = capture(match, 'body');
    const handler = capture(match, 'handler');
    const block = handler?.children.find((c) => c?.type === 'block');
    const placement = handler && enclosingAsyncDef(handler);
    if (!body || !handler || !block || !placement || !awaitsOwnWork(body, placement.fn)) return undefined;
    const caught = catchesCancellation(handler, context);
    if (!caught || block.descendantsOfType('raise_statement').length > 0) return undefined;
    // An earlier handler of the same try already takes the cancellation.
    for (let p = handler.previousNamedSibling; p; p = p.previousNamedSibling) if (p.type === 'except_clause' && catchesCancellation(p, context)) return undefined;
    // A handler that keeps the exception (`except BaseException as exc: waiter.set_exception(exc)`, `sys.exc_info()`)
    // forwards it on purpose; that is not swallowing.
    if (forwardsException(handler, block)) return undefined;
    // A coroutine that cancels tasks itself may be catching their cancellation on purpose (`task.cancel(); await …`).
    if (placement.fn.descendantsOfType('call').some((c) => c?.childForFieldName('function')?.childForFieldName('attribute')?.text === 'cancel')) return undefined;
    const keyword = handler.child(0)!;
    const header = { startIndex: keyword.startIndex, endIndex: block.startIndex > keyword.endIndex ? headerEnd(handler, block) : keyword.endIndex };
    const finding: Finding = {
      at: header,
      message: `This handler catches ${caught} in \`async def ${placement.fn.childForFieldName('name')?.text ?? ''}\` and does not raise again: when the task is cancelled at an await in the try, the cancellation ends here and the task finishes as if it had returned normally, so whoever cancelled it (asyncio.run, a TaskGroup, wait_for, a timeout) is not told. Clean up, then \`raise\`.`,
      fix: raiseFix(block, context),
    };
    return finding;
  },
  docs: {
    summary: 'An `except` in an `async def` that catches `asyncio.CancelledError` (or everything) without raising it again.',
    what: 'Flags a handler inside an `async def` whose `try` body awaits a call, when the handler catches `asyncio.CancelledError` (alone or in a tuple), `BaseException`, or everything (bare `except:`), and contains no `raise`. With a target version below 3.8, `except Exception` is flagged too. It stays quiet when an earlier handler of the same `try` already catches the cancellation, when the `try` awaits a task or future held in a variable, and in coroutines that call `.cancel()` themselves: awaiting a task you cancelled and swallowing its CancelledError is the documented way to wait for it to finish.',
    why: '`Task.cancel()` does not stop a coroutine from outside: it arranges for `CancelledError` to be thrown into the coroutine at the `await` where it is suspended. The exception then unwinds the coroutine like any other, running `finally` blocks and handlers on the way. If a handler catches it and completes normally, the coroutine simply carries on, and may return a value: the task ends up not cancelled. Since Python 3.8 `CancelledError` derives from `BaseException`, precisely so that `except Exception` no longer swallows it; a bare `except:` or `except BaseException` still does. Code that depends on cancellation then misbehaves: `asyncio.timeout()` and `wait_for` cannot turn it into TimeoutError, a `TaskGroup` cannot shut its tasks down, and shutdown in `asyncio.run` waits on work that was meant to stop.',
    example: 'async def worker(queue):\n    while True:\n        try:\n            item = await queue.get()\n            await process(item)\n        except asyncio.CancelledError:\n            log.info("stopping")\n',
    useInstead: 'async def worker(queue):\n    while True:\n        try:\n            item = await queue.get()\n            await process(item)\n        except asyncio.CancelledError:\n            log.info("stopping")\n            raise\n',
    fixSafety: 'Unsafe: the fix appends a bare `raise` as the last statement of the handler, so the cancellation (or, for a broad handler, any other exception) propagates after the clean-up. That changes control flow; it is what cancellation needs, but code after the `try` no longer runs on that path. No fix is offered when the handler is written on the `except` line or ends with `return`, `break` or `continue`.',
    versions: 'CancelledError derives from BaseException since Python 3.8; before that it derived from Exception, so `except Exception` swallowed it as well (flagged when the target version is 3.7 or lower). Python 3.11 added `Task.uncancel()` and structured cancellation (TaskGroup, `asyncio.timeout`), which rely on the exception reaching them.',
    references: [
      { title: 'Task cancellation (asyncio)', url: 'https://docs.python.org/3/library/asyncio-task.html#task-cancellation' },
      { title: 'asyncio.CancelledError', url: 'https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.CancelledError' },
      { title: 'What’s New in Python 3.8: CancelledError inherits from BaseException', url: 'https://docs.python.org/3/whatsnew/3.8.html#asyncio' },
    ],
  },
};

/** The end of `except …:` (the colon before the block). */
function headerEnd(handler: SyntaxNode, block: SyntaxNode): number {
  for (let i = handler.childCount - 1; i >= 0; i--) {
    const child = handler.child(i);
    if (child?.type === ':' && child.endIndex <= block.startIndex) return child.endIndex;
  }
  return block.startIndex;
}

/** A bare `raise` on a new line after the handler's last statement, at the block's indentation. */
function raiseFix(block: SyntaxNode, context: RuleContext): RuleFix | undefined {
  const statements = block.namedChildren.filter((c) => c && c.type !== 'comment');
  const first = statements[0];
  const last = statements[statements.length - 1];
  const except = block.parent;
  if (!first || !last || !except || first.startPosition.row === except.startPosition.row) return undefined;
  if (['return_statement', 'break_statement', 'continue_statement'].includes(last.type)) return undefined;
  const nl = lineBreak(context.text);
  const lineEnd = /\r\n|\n|\r|$/g;
  lineEnd.lastIndex = last.endIndex;
  const at = lineEnd.exec(context.text)!.index;
  return {
    title: 'Re-raise the cancellation with `raise`',
    safety: 'unsafe',
    edits: [{ start: at, end: at, newText: `${nl}${indentationAt(context.text, first.startIndex)}raise` }],
  };
}

const FORWARDING_METHODS = new Set(['set_exception', 'append', 'put', 'put_nowait', 'send', 'throw']);

/**
 * Whether the handler hands the caught exception on rather than dropping it: its `as` name (or `sys.exc_info()`) is
 * stored by an assignment or passed to `set_exception`/`append`/`put`. Printing or logging it still swallows it.
 */
function forwardsException(handler: SyntaxNode, block: SyntaxNode): boolean {
  const alias = handler.namedChildren.find((c) => c?.type === 'as_pattern')?.childForFieldName('alias')?.namedChild(0)?.text;
  const carriers = [
    ...(alias ? block.descendantsOfType('identifier').filter((id) => id?.text === alias) : []),
    ...block.descendantsOfType('call').filter((c) => c?.childForFieldName('function')?.text === 'sys.exc_info'),
  ];
  return carriers.some((node) => {
    const parent = node?.parent;
    if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === node!.id) return true;
    const callee = parent?.type === 'argument_list' ? parent.parent?.childForFieldName('function') : undefined;
    return callee?.type === 'attribute' && FORWARDING_METHODS.has(callee.childForFieldName('attribute')?.text ?? '');
  });
}
