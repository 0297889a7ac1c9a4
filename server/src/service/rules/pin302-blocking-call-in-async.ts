// PIN302: a well-known blocking call (HTTP via requests/urllib, subprocess runs and waits, socket I/O, sqlite3,
// input(), open() and reads/writes of the file it returns) directly in the body of an async def. The coroutine runs on
// the event loop's thread, so the call stalls every other task of that loop. Callees are resolved through imports;
// methods count only on an object the same function visibly made with the matching constructor.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { enclosingAsyncDef } from '../analysis/asyncScope';
import { blockingCallKind } from '../analysis/blockingCalls';
import { ensureImport } from '../fixes/imports';
import { capture, type Finding, type Rule, type RuleContext, type RuleFix } from './rule';

export const blockingCallInAsync: Rule = {
  code: 'PIN302',
  name: 'blocking-call-in-async',
  family: 'async',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: ['ASYNC210', 'ASYNC221', 'ASYNC230', 'ASYNC250'],
  scope: 'statement',
  // blockingCallKind() reads the whole text for setblocking()/settimeout(0).
  textDependencies: [/\.\s*set(?:blocking|timeout)\b/],
  // Every callee the rule knows names one of these words somewhere in the file (an import, or the builtin itself).
  appliesTo: (file) => file.has(/\basync\b/) && file.has(/\b(?:requests|urllib|subprocess|socket|sqlite3|input|open)\b/),
  broadPatterns: true,
  // Bare names stay unfiltered so that aliases (`from subprocess import run as sh`) are found; the check resolves them.
  query: `
(call function: (attribute attribute: (identifier) @attr (#any-of? @attr "get" "post" "put" "patch" "delete" "head" "options" "request" "urlopen" "run" "call" "check_call" "check_output" "getoutput" "getstatusoutput" "wait" "communicate" "create_connection" "recv" "recv_into" "recvfrom" "send" "sendall" "sendto" "connect" "accept" "execute" "executemany" "executescript" "commit" "read" "readline" "readlines" "write")) @callee) @call
(call function: (identifier) @callee) @call`,
  check(match, context) {
    const call = capture(match, 'call');
    const callee = capture(match, 'callee');
    if (!call || !callee) return undefined;
    const placement = enclosingAsyncDef(call);
    if (!placement) return undefined;
    const kind = blockingCallKind(callee, context);
    if (!kind) return undefined;
    const name = placement.fn.childForFieldName('name')?.text ?? '';
    const finding: Finding = {
      at: call,
      message: `\`${callee.text}(…)\` (${kind}) inside \`async def ${name}\` blocks the event loop's thread: no other task, callback or I/O of this loop runs until it returns. Run it in a worker thread with \`await asyncio.to_thread(…)\` (Python 3.9+) or use an asyncio-native library.`,
      fix: placement.awaitAllowed ? toThreadFix(call, callee, context) : undefined,
    };
    return finding;
  },
  docs: {
    summary: 'A known blocking I/O call made directly inside an `async def`, stalling the event loop.',
    what: 'Flags, in the body of an `async def`, calls of: `requests.get/post/put/patch/delete/head/options/request`; `urllib.request.urlopen`; `subprocess.run/call/check_call/check_output/getoutput/getstatusoutput` and `.wait()`/`.communicate()` on a `subprocess.Popen`; `socket.create_connection` and `recv`/`recv_into`/`recvfrom`/`send`/`sendall`/`sendto`/`connect`/`accept` on a socket made with `socket.socket` or `socket.create_connection` (not in files that call `setblocking()` or `settimeout(0)`, where sockets may be non-blocking); `sqlite3.connect` and `execute`/`executemany`/`executescript`/`commit` on its connection; the builtins `input()` and `open()` and `read`/`readline`/`readlines`/`write` on the file `open()` returned. Names are resolved through imports and aliases; a shadowing local or an unknown object stays quiet. Calls in nested regular `def`s, lambdas and generator expressions are left alone.',
    why: 'An event loop runs all its coroutines in one thread and switches between them only at `await` points. A blocking call keeps that thread inside a system call (waiting on the network, a child process, the disk or the terminal), so the loop cannot run other tasks, fire timers or serve ready sockets until it returns: one slow HTTP request stalls every client of a server. `asyncio.to_thread` runs a regular function in the default thread pool and gives back an awaitable, so only the current coroutine waits. Debug mode (`asyncio.run(..., debug=True)`) logs callbacks that hold the loop longer than 0.1 s.',
    example: 'import requests\n\nasync def status(url):\n    response = requests.get(url, timeout=5)\n    return response.status_code\n',
    useInstead: 'import asyncio\nimport requests\n\nasync def status(url):\n    response = await asyncio.to_thread(requests.get, url, timeout=5)\n    return response.status_code\n',
    fixSafety: 'Unsafe: the fix rewrites `f(args)` as `await asyncio.to_thread(f, args)` (adding `import asyncio` when needed). The call now runs in another thread, so it may race with code that the blocking call used to hold back, thread-bound objects (an sqlite3 connection refuses use from another thread by default) can fail, and `input()` keeps a pool thread busy if the task is cancelled. It is offered only for Python 3.9+ targets, where the call is a statement, an assignment\'s value or a returned value, and where `await` is allowed.',
    versions: 'All Python 3 versions with asyncio; `asyncio.to_thread` (the fix) needs Python 3.9+. Before that, use `loop.run_in_executor(None, f, *args)`.',
    references: [
      { title: 'asyncio.to_thread', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.to_thread' },
      { title: 'Developing with asyncio: running blocking code', url: 'https://docs.python.org/3/library/asyncio-dev.html#running-blocking-code' },
      { title: 'loop.run_in_executor', url: 'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.run_in_executor' },
    ],
  },
};

/** Parents where `await …` can replace the call without parentheses changing what is awaited. */
const BARE_AWAIT_PARENTS = new Set(['expression_statement', 'assignment', 'augmented_assignment', 'return_statement']);

/** `f(args)` → `await asyncio.to_thread(f, args)`, for 3.9+ targets, when `asyncio` is (or can be made) reachable. */
function toThreadFix(call: SyntaxNode, callee: SyntaxNode, context: RuleContext): RuleFix | undefined {
  const { major, minor } = context.settings.targetVersion;
  if (major < 3 || (major === 3 && minor < 9)) return undefined;
  const args = call.childForFieldName('arguments');
  const parent = call.parent;
  if (!args || args.type !== 'argument_list' || !parent || !BARE_AWAIT_PARENTS.has(parent.type)) return undefined;
  if (parent.type !== 'expression_statement' && parent.childForFieldName('right')?.id !== call.id && parent.type !== 'return_statement') return undefined;
  if (parent.type === 'expression_statement' && parent.namedChildCount !== 1) return undefined;
  const imported = ensureImport(context, 'asyncio', 'to_thread');
  const root = imported.reference.split('.')[0];
  const resolution = context.names.resolve(root, call);
  const reachable = imported.edits.length > 0 ? resolution.kind === 'builtin' : resolution.kind === 'bound' && resolution.scope === context.names.index.module;
  if (!reachable) return undefined;
  const separator = args.namedChildCount > 0 ? ', ' : '';
  return {
    title: 'Run it in a thread with `await asyncio.to_thread(…)`',
    safety: 'unsafe',
    edits: [...imported.edits, { start: call.startIndex, end: args.startIndex + 1, newText: `await ${imported.reference}(${callee.text}${separator}` }],
  };
}
