// PIN303: a call of a coroutine function used as a statement on its own. Calling an `async def` only builds a
// coroutine object; its body runs when something awaits it or schedules it as a task. As a bare statement the object is
// dropped at once, nothing runs, and CPython warns "coroutine '…' was never awaited" when it is collected. Only calls
// that certainly make a coroutine are flagged: undecorated `async def`s of this file that are not async generators, and
// a short list of asyncio coroutine functions.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { enclosingAsyncDef, isAsyncDef } from '../analysis/asyncScope';
import { generatorFunctionKind } from '../analysis/iterators';
import { capture, type Finding, type Rule, type RuleContext } from './rule';

/** asyncio functions that are `async def`s (inspect.iscoroutinefunction is True on 3.11); gather, shield and
 * ensure_future are not: they return futures that run on their own. */
const ASYNCIO_COROUTINE_FUNCTIONS = new Set(
  ['sleep', 'wait', 'wait_for', 'to_thread', 'open_connection', 'start_server', 'create_subprocess_exec', 'create_subprocess_shell'].map((n) => `asyncio.${n}`),
);

/** How to name the coroutine function in the message, or undefined when the call may not make a coroutine. */
function coroutineFunction(callee: SyntaxNode, context: RuleContext): string | undefined {
  if (callee.type === 'identifier') {
    const definition = context.names.definitionOf(callee);
    const node = definition?.node;
    // A decorator may replace the function with anything; an async def with a yield of its own is an async generator.
    if (node && isAsyncDef(node) && node.parent?.type !== 'decorated_definition' && !generatorFunctionKind(node)) return `async def ${callee.text}`;
  }
  const qualified = context.names.qualifiedName(callee);
  return qualified && ASYNCIO_COROUTINE_FUNCTIONS.has(qualified) ? qualified : undefined;
}

export const coroutineNotAwaited: Rule = {
  code: 'PIN303',
  name: 'coroutine-not-awaited',
  family: 'async',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  // Both a same-file async def and every spelling of an asyncio function put "async" in the text.
  appliesTo: (file) => file.has(/\basync/),
  broadPatterns: true,
  query: `
(expression_statement
  (call function: [(identifier) (attribute)] @callee) @call) @statement`,
  check(match, context) {
    const statement = capture(match, 'statement');
    const call = capture(match, 'call');
    const callee = capture(match, 'callee');
    if (!statement || !call || !callee || statement.namedChildCount !== 1) return undefined;
    const what = coroutineFunction(callee, context);
    if (!what) return undefined;
    const placement = enclosingAsyncDef(call);
    const advice = !placement
      ? 'Outside an `async def` it can only be run by an event loop: `asyncio.run(…)` at the top level, or `create_task` from running async code.'
      : placement.awaitAllowed
        ? 'Add `await` to run it here, or pass it to `asyncio.create_task(…)` (keeping the task) to run it concurrently.'
        : '`await` is not allowed in this class body: move the call into the `async def`, or schedule it with `asyncio.create_task(…)` and keep the task.';
    const finding: Finding = {
      at: call,
      message: `\`${callee.text}(…)\` calls the coroutine function \`${what}\` without awaiting it: the call only creates a coroutine object, which is thrown away, so its body never runs. Python warns "coroutine ... was never awaited" when the object is garbage-collected. ${advice}`,
      fix: placement?.awaitAllowed ? { title: 'Add `await`', safety: 'unsafe', edits: [{ start: call.startIndex, end: call.startIndex, newText: 'await ' }] } : undefined,
    };
    return finding;
  },
  docs: {
    summary: 'A coroutine function is called as a statement without `await`, so its body never runs.',
    what: 'Flags a statement that is only a call of an `async def` function defined in this file (resolved by name, not decorated, and not an async generator) or of one of the asyncio coroutine functions `asyncio.sleep`, `wait`, `wait_for`, `to_thread`, `open_connection`, `start_server`, `create_subprocess_exec` and `create_subprocess_shell` (through any import alias). Calls that are awaited, assigned, returned or passed on (to `create_task`, `gather`, `asyncio.run`, …) are left alone, as are `asyncio.gather`, `shield` and `ensure_future`, which return futures that run by themselves.',
    why: 'Calling a function defined with `async def` does not execute any of its body: it returns a coroutine object, a paused frame that runs only when it is awaited, wrapped in a Task, or handed to `asyncio.run`. A call used as a bare statement discards that object immediately. Nothing happens, no exception is raised, and the only trace is a `RuntimeWarning: coroutine \'name\' was never awaited` printed when CPython destroys the unstarted coroutine (a warnings filter or a closed stderr can hide even that). The code reads as if the work was done, which makes this a silent bug: `asyncio.sleep(1)` without `await` does not pause at all.',
    example: 'import asyncio\n\nasync def save(record):\n    ...\n\nasync def handle(record):\n    save(record)\n    await asyncio.sleep(0)\n',
    useInstead: 'import asyncio\n\nasync def save(record):\n    ...\n\nasync def handle(record):\n    await save(record)\n    await asyncio.sleep(0)\n',
    fixSafety: 'Unsafe: the fix puts `await` before the call, so code that never ran now runs, with its side effects, its exceptions and its time. It is offered only inside an `async def` where `await` is allowed (not in a class body nested in it); in a regular function or at module level there is no fix, because the coroutine needs an event loop (`asyncio.run(…)` at the top level, or a task from async code) and the right choice depends on the program.',
    versions: 'All Python 3 versions with `async def` (3.5 and later). `asyncio.to_thread` exists from 3.9.',
    references: [
      { title: 'Coroutines and tasks: calling a coroutine does not schedule it', url: 'https://docs.python.org/3/library/asyncio-task.html#coroutines' },
      { title: 'Developing with asyncio: detect never-awaited coroutines', url: 'https://docs.python.org/3/library/asyncio-dev.html#detect-never-awaited-coroutines' },
      { title: 'Coroutine function definition (Python reference)', url: 'https://docs.python.org/3/reference/compound_stmts.html#coroutine-function-definition' },
    ],
  },
};
