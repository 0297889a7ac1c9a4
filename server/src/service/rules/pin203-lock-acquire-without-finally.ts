// PIN203: `L.acquire()` followed later in the same scope by `L.release()`, where the release is not in the `finally:`
// of a try that protects the code in between. An exception (or early return) skips the release and the lock stays
// held. L must be a name bound to a threading / multiprocessing Lock, RLock, Semaphore, BoundedSemaphore or
// Condition; an acquire with arguments (blocking=False, timeout=…) returns a result that decides whether to release,
// and an acquire whose release lives elsewhere (__enter__/__exit__) cannot be judged locally: both stay quiet.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { lockKind } from '../analysis/locks';
import { callsIn, guardedByFinally, hasJumps, scopeOf } from '../analysis/pairedCalls';
import { indentationAt, indentLines, indentUnit, lineStartOf } from '../fixes/indent';
import type { OffsetEdit } from '../types';
import { capture, type Rule, type RuleContext } from './rule';

/** `receiver.method()` with no arguments, on the same name. */
function isMethodCall(call: SyntaxNode, receiver: string, method: string): boolean {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' && fn.childForFieldName('object')?.text === receiver && fn.childForFieldName('attribute')?.text === method && call.childForFieldName('arguments')?.namedChildCount === 0;
}

/** `with L:` in place of the acquire, the statements between indented under it, the release line removed. */
function withEdits(acquire: SyntaxNode, release: SyntaxNode, receiver: string, context: RuleContext): OffsetEdit[] | undefined {
  const body: SyntaxNode[] = [];
  for (let s = acquire.nextNamedSibling; s && s.id !== release.id; s = s.nextNamedSibling) if (s.type !== 'comment') body.push(s);
  const first = body[0];
  const last = body[body.length - 1];
  const text = context.text;
  const root = context.file.tree.rootNode;
  if (!first || !last || first.startPosition.row <= acquire.endPosition.row || last.endPosition.row >= release.startPosition.row) return undefined;
  if (indentationAt(text, first.startIndex).length !== first.startPosition.column) return undefined;
  const releaseLine = lineStartOf(text, release.startIndex);
  if (releaseLine + indentationAt(text, release.startIndex).length !== release.startIndex) return undefined;
  const rest = /^[ \t]*(\r\n|\n|\r|$)/.exec(text.slice(release.endIndex));
  if (!rest) return undefined; // something (code or a comment) follows the release on its line
  if (lineStartOf(text, acquire.startIndex) + indentationAt(text, acquire.startIndex).length !== acquire.startIndex) return undefined;
  const afterAcquire = /^[ \t]*(\r\n|\n|\r)/.exec(text.slice(acquire.endIndex));
  if (!afterAcquire) return undefined;
  // From the line after the acquire, so comments above the first statement move into the block with it.
  const edits = indentLines(text, root, acquire.endIndex + afterAcquire[0].length, releaseLine, indentUnit(text, root));
  edits.push({ start: acquire.startIndex, end: acquire.endIndex, newText: `with ${receiver}:` });
  edits.push({ start: releaseLine, end: release.endIndex + rest[0].length, newText: '' });
  return edits;
}

export const lockAcquireWithoutFinally: Rule = {
  code: 'PIN203',
  name: 'lock-acquire-without-finally',
  family: 'threads',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\.release\s*\(/),
  query: `(expression_statement (call function: (attribute object: (identifier) @receiver attribute: (identifier) @_method (#eq? @_method "acquire"))) @call) @statement`,
  check(match, context) {
    const statement = capture(match, 'statement');
    const call = capture(match, 'call');
    const receiver = capture(match, 'receiver');
    if (!statement || !call || !receiver || statement.namedChildCount !== 1 || !isMethodCall(call, receiver.text, 'acquire')) return undefined;
    const kind = lockKind(context.names.producedBy(receiver));
    if (!kind) return undefined;
    const name = receiver.text;
    const isRelease = (c: SyntaxNode) => isMethodCall(c, name, 'release');
    if (guardedByFinally(statement, isRelease)) return undefined;

    const scope = scopeOf(statement);
    const body = scope.type === 'module' ? scope : scope.childForFieldName('body');
    const release = body && callsIn(body).find((c) => c.startIndex >= statement.endIndex && isRelease(c));
    // The release must mean the same object: the name is not rebound between the two calls.
    if (!release || context.names.producedBy(release.childForFieldName('function')!.childForFieldName('object')!) !== context.names.producedBy(receiver)) return undefined;
    const releaseStatement = release.parent?.type === 'expression_statement' && release.parent.namedChildCount === 1 ? release.parent : undefined;
    const sameBlock = !!releaseStatement && releaseStatement.parent?.id === statement.parent?.id;
    const edits = sameBlock && releaseStatement ? withEdits(statement, releaseStatement, name, context) : undefined;
    const between: SyntaxNode[] = [];
    if (edits && releaseStatement) for (let s = statement.nextNamedSibling; s && s.id !== releaseStatement.id; s = s.nextNamedSibling) between.push(s);

    const consequence =
      kind === 'semaphore'
        ? `one of \`${name}\`'s slots is never given back, and once all are lost every \`acquire()\` blocks forever`
        : `\`${name}\` stays held, and every later \`acquire()\` of it from another thread blocks forever (a deadlock)`;
    return {
      at: call,
      message: `The \`${name}.release()\` on line ${release.startPosition.row + 1} runs only if nothing before it raises${sameBlock ? ' or leaves early' : ''}: otherwise ${consequence}. Use \`with ${name}:\`, which releases however the block is left.`,
      fix: edits && {
        title: `Convert to \`with ${name}:\``,
        // `with` also releases on return/break/continue, and a generator suspended at yield keeps it held until closed.
        safety: hasJumps(between) ? 'unsafe' : 'safe',
        edits,
      },
    };
  },
  docs: {
    summary: '`lock.acquire()` whose `release()` is not in a `finally:`, so an exception leaves the lock held.',
    what:
      'Flags `L.acquire()` (no arguments) when `L` is a name bound to `threading` or `multiprocessing` `Lock()`, `RLock()`, `Semaphore()`, `BoundedSemaphore()` or `Condition()` (through any import alias), and `L.release()` follows later in the same function or module without a `try:` / `finally: L.release()` around the code in between. It is quiet when the acquire is immediately followed by such a `try`, or sits inside its body; when `acquire` has arguments (`blocking=False`, `timeout=`), because the result then decides whether to release; when no release follows in the same scope (a pair split across `__enter__` and `__exit__`); and for locks reached through attributes such as `self._lock`, whose type it does not track.',
    why:
      'Nothing releases a lock automatically: `acquire()` and `release()` are two separate calls, and if the code between them raises, returns or breaks out, the release is skipped. A plain Lock is then held forever, so every thread that later tries to acquire it waits forever; an RLock stays owned by the thread that raised; a Semaphore loses one of its slots for good. The lock types are context managers: `with L:` calls `acquire()` on entry and `release()` on exit, including when the block is left by an exception, exactly like `try`/`finally`.',
    example: 'import threading\n\nlock = threading.Lock()\ncounts = {}\n\ndef record(key):\n    lock.acquire()\n    counts[key] = counts[key] + 1  # KeyError leaves the lock held\n    lock.release()\n',
    useInstead: 'import threading\n\nlock = threading.Lock()\ncounts = {}\n\ndef record(key):\n    with lock:\n        counts[key] = counts.get(key, 0) + 1\n',
    fixSafety:
      'The fix is offered when the acquire and the release are statements of the same block, each on lines of their own: `L.acquire()` becomes `with L:`, the statements between are indented under it (using the file\'s indentation, never touching string contents), and the `L.release()` line is removed. It is safe when the code in between has no `return`, `break`, `continue`, `yield` or `await`; with one of those the lock is now also released on that path (or, at a `yield`, stays held while the generator is suspended), which is the usual intent but a change, so the fix is marked unsafe and fix-all on save skips it.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'Using locks, conditions, and semaphores in the with statement (threading)', url: 'https://docs.python.org/3/library/threading.html#using-locks-conditions-and-semaphores-in-the-with-statement' },
      { title: 'Lock objects (threading)', url: 'https://docs.python.org/3/library/threading.html#lock-objects' },
      { title: 'Synchronization between processes (multiprocessing)', url: 'https://docs.python.org/3/library/multiprocessing.html#synchronization-between-processes' },
    ],
  },
};
