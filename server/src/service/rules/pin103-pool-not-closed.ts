// PIN103: a multiprocessing Pool or a concurrent.futures executor bound to a local name in a function, never used in
// `with`, and never closed / joined / shut down / terminated (or only inside an `if` without `else`). Its workers are
// then released only when the object happens to be garbage-collected. Conservative: any use of the name other than
// `name.method` (returned, stored, passed, yielded, rebound, used in `with`, used by a nested def) keeps it quiet.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { PROCESS_EXECUTORS, PROCESS_POOLS, THREAD_POOLS } from '../analysis/concurrency';
import { guardedByFinally, scopeOf } from '../analysis/pairedCalls';
import { indentLines, indentUnit, lineStartOf } from '../fixes/indent';
import type { OffsetEdit } from '../types';
import { capture, type Rule, type RuleContext } from './rule';

const CLEANUP = new Set(['close', 'join', 'shutdown', 'terminate']);
const POOLS = new Set([...PROCESS_POOLS, ...PROCESS_EXECUTORS, ...THREAD_POOLS]);

/** `name.close()` and friends: the call node when `use` is the receiver of a called cleanup method. */
function cleanupCall(use: SyntaxNode): SyntaxNode | undefined {
  const attribute = use.parent;
  const call = attribute?.parent;
  if (attribute?.type !== 'attribute' || call?.type !== 'call' || call.childForFieldName('function')?.id !== attribute.id) return undefined;
  return CLEANUP.has(attribute.childForFieldName('attribute')?.text ?? '') ? call : undefined;
}

/** Whether `node` sits in a branch of an `if` (one without `else`) below `top`, and not in any `finally`. */
function onlyConditional(node: SyntaxNode, top: SyntaxNode): boolean {
  let conditional = false;
  for (let p = node.parent; p && p.id !== top.id; p = p.parent) {
    if (p.type === 'finally_clause') return false;
    if (p.type === 'if_statement') {
      if (p.namedChildren.some((c) => c?.type === 'else_clause')) return false;
      conditional = true;
    }
  }
  return conditional;
}

/** `name = Pool(…)` plus the statements through the last use, rewritten as `with Pool(…) as name:`. */
function withEdits(statement: SyntaxNode, call: SyntaxNode, name: string, lastUse: SyntaxNode, context: RuleContext): OffsetEdit[] | undefined {
  const text = context.text;
  let last: SyntaxNode | null = lastUse;
  while (last && last.parent?.id !== statement.parent?.id) last = last.parent;
  const first = statement.nextNamedSibling;
  if (!last || !first || last.startIndex <= statement.startIndex || first.startPosition.row <= statement.endPosition.row) return undefined;
  if (lineStartOf(text, statement.startIndex) + statement.startPosition.column !== statement.startIndex) return undefined;
  if (text.slice(lineStartOf(text, statement.startIndex), statement.startIndex).trim() !== '') return undefined;
  const after = last.nextSibling;
  if (after && after.type !== 'comment' && after.startPosition.row === last.endPosition.row) return undefined;
  const root = context.file.tree.rootNode;
  const end = last.endIndex;
  return [
    { start: statement.startIndex, end: statement.endIndex, newText: `with ${call.text} as ${name}:` },
    ...indentLines(text, root, lineStartOf(text, first.startIndex), end, indentUnit(text, root)),
  ];
}

export const poolNotClosed: Rule = {
  code: 'PIN103',
  name: 'pool-not-closed',
  family: 'multiprocessing',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/Pool/),
  broadPatterns: true,
  query: `(expression_statement (assignment left: (identifier) @name right: (call function: [(identifier) (attribute)] @callee) @call) @assignment) @statement`,
  check(match, context) {
    const statement = capture(match, 'statement');
    const assignment = capture(match, 'assignment');
    const name = capture(match, 'name');
    const call = capture(match, 'call');
    const callee = capture(match, 'callee');
    if (!statement || !assignment || !name || !call || !callee || statement.namedChildCount !== 1) return undefined;
    const kind = context.names.qualifiedName(callee);
    if (!kind || !POOLS.has(kind)) return undefined;
    const scope = scopeOf(statement);
    if (scope.type !== 'function_definition') return undefined; // module-level pools usually live as long as the program
    for (let p = statement.parent; p && p.id !== scope.id; p = p.parent) if (p.type === 'class_definition') return undefined;
    const body = scope.childForFieldName('body');
    if (!body) return undefined;

    const cleanups: SyntaxNode[] = [];
    let lastUse: SyntaxNode = statement;
    for (const use of body.descendantsOfType('identifier')) {
      if (!use || use.id === name.id || use.text !== name.text) continue;
      const parent = use.parent;
      if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === use.id) continue; // `x.pool`
      if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === use.id) continue; // `f(pool=…)`
      if (parent?.type !== 'attribute' || parent.childForFieldName('object')?.id !== use.id) return undefined; // escapes
      if (scopeOf(use).id !== scope.id) return undefined; // a nested def or lambda may release it later
      if (use.startIndex < statement.startIndex) return undefined; // used before this binding: another pool
      const cleanup = cleanupCall(use);
      if (cleanup) cleanups.push(cleanup);
      else if (CLEANUP.has(parent.childForFieldName('attribute')?.text ?? '')) return undefined; // `atexit.register(pool.close)`
      if (use.endIndex > lastUse.endIndex) lastUse = use;
    }
    if (guardedByFinally(statement, (c) => cleanups.some((k) => k.id === c.id))) return undefined;
    if (!cleanups.every((c) => onlyConditional(c, body))) return undefined;

    const isPool = PROCESS_POOLS.has(kind) || kind.startsWith('multiprocessing.');
    const release = isPool ? '`close()` and `join()` (or `terminate()`)' : '`shutdown()`';
    const where = cleanups.length > 0 ? `only calls ${release} inside an \`if\`, so on the other paths` : `never calls ${release}, so`;
    const after = isPool
      ? 'its workers are stopped only when the Pool object is garbage-collected: CPython then emits `ResourceWarning: unclosed running multiprocessing pool` and terminates the workers, killing tasks still pending; if a reference survives (a traceback, a cycle) they keep running until the interpreter exits.'
      : 'its worker threads or processes are released only when the executor is garbage-collected or the interpreter exits, and nothing waits for the work still pending.';
    const edits = !assignment.childForFieldName('type') ? withEdits(statement, call, name.text, lastUse, context) : undefined;
    return {
      at: call,
      message: `\`${name.text}\` (\`${kind.split('.').pop()}\`) is not used in \`with\` and this function ${where} ${after} Use \`with ${callee.text}(…) as ${name.text}:\`.`,
      fix: edits && { title: `Use \`with … as ${name.text}:\``, safety: 'unsafe', edits },
    };
  },
  docs: {
    summary: 'A `Pool` or `ThreadPoolExecutor` / `ProcessPoolExecutor` created in a function and never closed or shut down.',
    what:
      'Flags `name = Pool(…)` (multiprocessing, `multiprocessing.pool.ThreadPool`, `multiprocessing.dummy.Pool`), `ProcessPoolExecutor(…)` and `ThreadPoolExecutor(…)`, through any import alias, assigned to a local name inside a function when the function never calls `close()`, `join()`, `terminate()` or `shutdown()` on it, or calls them only inside an `if` that has no `else` (and not in a `finally:`). To stay precise it is quiet whenever the name is used in any other way than `name.method(…)`: used in `with`, returned, yielded, stored on an attribute or in a container, passed to a call, rebound, or referenced from a nested function or lambda, since the pool may then be released elsewhere. Pools created at module level or in a class body are left alone: they usually live as long as the program.',
    why:
      'A Pool starts its worker processes (and three helper threads) as soon as it is created, and an executor starts workers as tasks arrive. They are released by `close()` + `join()`, `terminate()` or `shutdown()`, or by leaving a `with` block. Without any of those, cleanup is left to the garbage collector: in CPython, when the last reference to a running Pool goes away, `Pool.__del__` emits `ResourceWarning: unclosed running multiprocessing pool` and a finalizer terminates the workers abruptly, killing any `apply_async` / `map_async` work still pending. When a reference survives (kept by a traceback, a cycle, or a debugger), the processes keep running until the interpreter exits; other Python implementations do not free objects promptly at all.',
    example: 'from multiprocessing import Pool\n\ndef squares(values):\n    pool = Pool(4)\n    return pool.map(square, values)\n',
    useInstead: 'from multiprocessing import Pool\n\ndef squares(values):\n    with Pool(4) as pool:\n        return pool.map(square, values)\n',
    fixSafety:
      'The fix replaces `name = Pool(…)` with `with Pool(…) as name:` and indents the following statements of the same block up to the last one that uses the name. It is offered only when the assignment is on lines of its own and not annotated. It is unsafe: leaving the `with` block calls `Pool.terminate()` (not `close()` + `join()`), which stops the workers at once, so results of `apply_async` / `map_async` / `imap` that were not yet collected are lost; executors call `shutdown(wait=True)` on exit, which now blocks until every submitted task is done. Review the block before applying it.',
    versions: 'All Python 3 versions. `Pool` supports `with` since 3.3, executors since they were added in 3.2.',
    references: [
      { title: 'multiprocessing.pool.Pool (close, join, terminate, context manager)', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.pool.Pool' },
      { title: 'concurrent.futures.Executor.shutdown', url: 'https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Executor.shutdown' },
      { title: 'The with statement (Python reference)', url: 'https://docs.python.org/3/reference/compound_stmts.html#the-with-statement' },
    ],
  },
};
