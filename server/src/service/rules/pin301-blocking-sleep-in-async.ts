// PIN301: time.sleep(…) in the body of an async def. The coroutine runs on the event loop's thread, so the sleep
// stops every other task, callback and I/O wait of that loop until it returns. Nested sync defs, lambdas and
// generator expressions run at some other time and are left alone.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { enclosingAsyncDef } from '../analysis/asyncScope';
import { ensureImport } from '../fixes/imports';
import { capture, type Finding, type Rule, type RuleContext, type RuleFix } from './rule';

export const blockingSleepInAsync: Rule = {
  code: 'PIN301',
  name: 'blocking-sleep-in-async',
  family: 'async',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: ['ASYNC251'],
  scope: 'statement',
  // Every spelling of time.sleep (`import time as t`, `from time import sleep as nap`) names the module in the text.
  appliesTo: (file) => file.has(/\btime\b/) && file.has(/\basync\b/),
  broadPatterns: true,
  // Bare names stay unfiltered so that `from time import sleep as nap` is found; the check resolves them.
  query: `
(call function: (attribute attribute: (identifier) @attr (#eq? @attr "sleep")) @callee) @call
(call function: (identifier) @callee) @call`,
  check(match, context) {
    const call = capture(match, 'call');
    const callee = capture(match, 'callee');
    if (!call || !callee) return undefined;
    const placement = enclosingAsyncDef(call);
    if (!placement || context.names.qualifiedName(callee) !== 'time.sleep') return undefined;
    const name = placement.fn.childForFieldName('name')?.text ?? '';
    const finding: Finding = {
      at: call,
      message: `\`${callee.text}(…)\` inside \`async def ${name}\` blocks the event loop's thread: no other task, callback or I/O of this loop runs until it returns. Use \`await asyncio.sleep(…)\`, which suspends only this coroutine.`,
      fix: placement.awaitAllowed ? sleepFix(call, context) : undefined,
    };
    return finding;
  },
  docs: {
    summary: '`time.sleep()` called directly inside an `async def`, blocking the event loop.',
    what: 'Flags calls of `time.sleep` (through any import alias, such as `from time import sleep as pause`) in the body of an `async def`, including inside its loops, `with` blocks and comprehensions. Calls inside a nested regular `def`, a lambda or a generator expression are left alone: they run only when called or consumed, possibly in another thread.',
    why: 'An event loop runs all its tasks in one thread, switching between them only at `await` points, where a coroutine hands control back. `time.sleep` is a plain blocking call: the thread sleeps, so the loop cannot run other tasks, fire timers or handle ready sockets until it returns. Every other coroutine of the program stalls for the full duration. `asyncio.sleep` instead suspends just the current coroutine and lets the loop go on. Debug mode (`asyncio.run(..., debug=True)`) logs callbacks that hold the loop longer than 0.1 s, which is how this usually shows up.',
    example: 'import time\n\nasync def poll(client):\n    while not await client.ready():\n        time.sleep(1)\n',
    useInstead: 'import asyncio\n\nasync def poll(client):\n    while not await client.ready():\n        await asyncio.sleep(1)\n',
    fixSafety: 'Unsafe: the fix replaces the call statement with `await asyncio.sleep(…)` (adding `import asyncio` when needed). The pause now lets other tasks run, which is the point, but it can expose races on shared state that the blocking sleep hid, and a negative delay no longer raises ValueError (asyncio.sleep returns at once). It is offered only when the call is a statement of its own and `await` is allowed there (not in a class body).',
    versions: 'All Python 3 versions with asyncio.',
    references: [
      { title: 'asyncio.sleep', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.sleep' },
      { title: 'Developing with asyncio: running blocking code', url: 'https://docs.python.org/3/library/asyncio-dev.html#running-blocking-code' },
      { title: 'time.sleep', url: 'https://docs.python.org/3/library/time.html#time.sleep' },
    ],
  },
};

/** `time.sleep(x)` as a statement → `await asyncio.sleep(x)`, when `asyncio` is (or can be made) the module there. */
function sleepFix(call: SyntaxNode, context: RuleContext): RuleFix | undefined {
  const args = call.childForFieldName('arguments');
  if (call.parent?.type !== 'expression_statement' || call.parent.namedChildCount !== 1 || !args) return undefined;
  const imported = ensureImport(context, 'asyncio', 'sleep');
  const root = imported.reference.split('.')[0];
  const resolution = context.names.resolve(root, call);
  const reachable = imported.edits.length > 0 ? resolution.kind === 'builtin' : resolution.kind === 'bound' && resolution.scope === context.names.index.module;
  if (!reachable) return undefined;
  return {
    title: 'Replace with `await asyncio.sleep(…)`',
    safety: 'unsafe',
    edits: [...imported.edits, { start: call.startIndex, end: args.startIndex, newText: `await ${imported.reference}` }],
  };
}
