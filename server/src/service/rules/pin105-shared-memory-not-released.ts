// PIN105: `shm = SharedMemory(create=True, …)` in a function that never unlinks it and never lets the handle (or its
// name) leave. On POSIX the segment stays in /dev/shm while the program runs; at exit the resource tracker removes it
// and warns about a leaked shared_memory object. Any use that could hand the segment to someone else keeps it quiet.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { scopeOf } from '../analysis/pairedCalls';
import { sharedMemoryUses } from '../analysis/sharedMemoryUses';
import { wrapRestInTryFinally } from '../fixes/tryFinally';
import { capture, type Rule } from './rule';

const SHARED_MEMORY = 'multiprocessing.shared_memory.SharedMemory';

export const sharedMemoryNotReleased: Rule = {
  code: 'PIN105',
  name: 'shared-memory-not-released',
  family: 'multiprocessing',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bSharedMemory\b/),
  query: `
(expression_statement
  (assignment
    left: (identifier) @name
    right: (call
      function: [(identifier) (attribute)] @function
      arguments: (argument_list
        (keyword_argument name: (identifier) @_create value: (true)) (#eq? @_create "create")) @args) @call)) @statement`,
  check(match, context) {
    const statement = capture(match, 'statement');
    const name = capture(match, 'name');
    const fn = capture(match, 'function');
    const args = capture(match, 'args');
    if (!statement || !name || !fn || !args || statement.namedChildCount !== 1) return undefined;
    if (context.names.qualifiedName(fn) !== SHARED_MEMORY || !onlyAnonymousArguments(args)) return undefined;
    const scope = scopeOf(statement);
    const body = scope.type === 'function_definition' ? scope.childForFieldName('body') : null;
    if (!body) return undefined;
    const uses = sharedMemoryUses(body, name);
    if (!uses) return undefined;
    const handle = name.text;
    const closing = uses.closed
      ? ''
      : ` It is never closed here either; that part is harmless, because \`SharedMemory.__del__\` calls \`close()\` when the object is garbage-collected.`;
    const fix = wrapRestInTryFinally(context, statement, [`${handle}.close()`, `${handle}.unlink()`], uses.closeStatement);
    return {
      at: statement.firstNamedChild ?? statement,
      message: `\`${handle}\` creates a shared-memory segment (\`create=True\`) that this function never unlinks, and neither the handle nor its name leaves the function, so nothing else can unlink it: on POSIX systems the segment stays in /dev/shm for as long as the program runs, and at interpreter exit the resource tracker removes it and warns "resource_tracker: There appear to be N leaked shared_memory objects to clean up at shutdown".${closing} Call \`${handle}.close()\` and then \`${handle}.unlink()\` in a \`finally:\` (SharedMemory is not a context manager).`,
      fix: fix && { title: `Close and unlink \`${handle}\` in try/finally`, safety: fix.safe && uses.bufferSafe ? 'safe' : 'unsafe', edits: fix.edits },
    };
  },
  docs: {
    summary: 'A `SharedMemory(create=True, …)` segment created in a function that never unlinks it, so it outlives its use.',
    what: 'Flags `shm = SharedMemory(create=True, …)` (through any import alias of `multiprocessing.shared_memory.SharedMemory`) inside a function when, in that function (nested functions included), `shm` is only ever used as `shm.buf`, `shm.size` or `shm.close()`. Anything else keeps the rule quiet, because the segment may then be released elsewhere: `shm.unlink` anywhere (also `atexit.register(shm.unlink)`), `shm.name` (another process can attach and unlink by name), returning, storing, passing or re-binding `shm`, a `global` or `nonlocal` declaration, an explicit `name=` (others can attach by that name) or a `track=` argument. Module-level segments and handles that only attach to an existing segment (no `create=True`) are not flagged.',
    why: "On POSIX, `SharedMemory(create=True)` creates a named segment under /dev/shm. `close()` only unmaps this process's view; the segment itself exists until `unlink()` removes its name, and the documentation asks that exactly one process, normally the creator, unlinks it once everyone is done. If the creator never does, and nobody else knows the name, the memory stays allocated for the rest of the program. On POSIX each handle registers its segment with the resource tracker, a helper process multiprocessing starts, and `unlink()` unregisters it; at interpreter exit the tracker unlinks the segments still registered and warns `resource_tracker: There appear to be N leaked shared_memory objects to clean up at shutdown` (CPython 3.11). A missing `close()` matters less: `SharedMemory.__del__` calls `close()` when the handle is garbage-collected. There is no `with` support, so a `try`/`finally` is the way to make both calls happen even when the code in between raises. On Windows the segment disappears when the last handle is closed and `unlink()` does nothing.",
    example: 'from multiprocessing.shared_memory import SharedMemory\n\ndef checksum(data):\n    shm = SharedMemory(create=True, size=len(data))\n    shm.buf[:len(data)] = data\n    total = sum(shm.buf[:len(data)])\n    shm.close()  # never unlinked: the segment stays in /dev/shm\n    return total\n',
    useInstead: 'from multiprocessing.shared_memory import SharedMemory\n\ndef checksum(data):\n    shm = SharedMemory(create=True, size=len(data))\n    try:\n        shm.buf[:len(data)] = data\n        total = sum(shm.buf[:len(data)])\n    finally:\n        shm.close()\n        shm.unlink()\n    return total\n',
    fixSafety: 'The fix moves the statements after the assignment (in its block) into `try:` and adds `finally:` with `shm.close()` and `shm.unlink()`; a final `shm.close()` statement becomes part of the `finally:`. It uses the file\'s indentation and line endings, and is offered when the assignment has its line to itself and statements follow it. It is marked unsafe when the wrapped code can leave early (return, break, continue, yield, await), or when `shm.buf` is used other than by reading or writing a single index or assigning to a slice: a memoryview or array still built on the buffer makes `close()` raise BufferError ("cannot close exported pointers exist").',
    versions: 'All versions with `multiprocessing.shared_memory` (3.8 and later). Python 3.13 added `track=`; with `track=False` the resource tracker does not clean up at exit, so the rule stays quiet when `track=` is given.',
    references: [
      { title: 'multiprocessing.shared_memory.SharedMemory (close and unlink)', url: 'https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory' },
      { title: 'The try statement: finally clause (Python reference)', url: 'https://docs.python.org/3/reference/compound_stmts.html#the-try-statement' },
    ],
  },
};

/** `create=True` and `size=…` only (no `name=`, no `track=`, no positional arguments). */
function onlyAnonymousArguments(args: SyntaxNode): boolean {
  return args.namedChildren.every((a) => a?.type === 'comment' || (a?.type === 'keyword_argument' && ['create', 'size'].includes(a.childForFieldName('name')?.text ?? '')));
}
