// PIN304: the Task returned by asyncio.create_task / ensure_future / loop.create_task thrown away. asyncio keeps its
// registry of tasks in a WeakSet, so when nothing else holds the task (or what it waits on) it may be garbage-collected
// before it finishes. TaskGroup.create_task is left alone: the group keeps its tasks.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { isAsyncDef } from '../analysis/asyncScope';
import { taskKeepingFix } from '../fixes/keepTask';
import { capture, type Finding, type Rule, type RuleContext } from './rule';

const TASK_FACTORIES = new Set(['asyncio.create_task', 'asyncio.ensure_future']);
const LOOP_FACTORIES = new Set(['asyncio.get_running_loop', 'asyncio.get_event_loop', 'asyncio.new_event_loop']);

/** What the call creates a Task with, or undefined when it is not certainly a new Task. */
function taskCreator(call: SyntaxNode, callee: SyntaxNode, context: RuleContext): string | undefined {
  const name = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
  const object = callee.type === 'attribute' ? callee.childForFieldName('object') : undefined;
  if (name === 'create_task' && object && LOOP_FACTORIES.has(context.names.producedBy(object) ?? '')) return 'loop.create_task';
  const qualified = context.names.qualifiedName(callee) ?? '';
  if (!TASK_FACTORIES.has(qualified)) return undefined;
  if (qualified === 'asyncio.create_task') return qualified;
  // ensure_future returns a Future argument as it is; only a call of this file's own async def certainly makes a Task.
  const first = call.childForFieldName('arguments')?.namedChild(0);
  const fn = first?.type === 'call' ? first.childForFieldName('function') : undefined;
  const definition = fn ? context.names.definitionOf(fn) : undefined;
  return definition && isAsyncDef(definition.node) ? qualified : undefined;
}

export const danglingTask: Rule = {
  code: 'PIN304',
  name: 'dangling-task',
  family: 'async',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: ['RUF006'],
  scope: 'statement',
  appliesTo: (file) => file.has(/\basyncio\b/),
  query: `
(expression_statement
  (call function: (attribute attribute: (identifier) @attr (#any-of? @attr "create_task" "ensure_future")) @callee) @call) @statement
(expression_statement
  (call function: (identifier) @callee (#any-of? @callee "create_task" "ensure_future")) @call) @statement`,
  check(match, context) {
    const statement = capture(match, 'statement');
    const call = capture(match, 'call');
    const callee = capture(match, 'callee');
    if (!statement || !call || !callee || statement.namedChildCount !== 1) return undefined;
    const creator = taskCreator(call, callee, context);
    if (!creator) return undefined;
    const finding: Finding = {
      at: call,
      message: `The Task returned by \`${callee.text}(…)\` is discarded. asyncio keeps only a weak reference to tasks, so if nothing else refers to it the task can be garbage-collected before it finishes, and its exception is never seen. Keep a reference (for example in a set, removed with \`add_done_callback\`), or use \`asyncio.TaskGroup\`.`,
      fix: taskKeepingFix(statement, call, context),
    };
    return finding;
  },
  docs: {
    summary: 'The result of `asyncio.create_task()` (or `ensure_future`, `loop.create_task`) is thrown away.',
    what: 'Flags a statement that is only a call of `asyncio.create_task(…)`, of `loop.create_task(…)` on a loop from `asyncio.get_running_loop()`, `get_event_loop()` or `new_event_loop()`, or of `asyncio.ensure_future(f(…))` where `f` is an `async def` of this file (given a Future, `ensure_future` returns it unchanged and creates no task). Renamed imports (`from asyncio import create_task as spawn`) are not followed. `TaskGroup.create_task` is not flagged: the group holds its tasks until they finish.',
    why: 'asyncio records live tasks in a `weakref.WeakSet` (`asyncio.all_tasks()` reads it): the loop itself does not keep a task alive. While a task is scheduled to run, the loop\'s ready queue refers to it, and while it waits on a future, that future\'s callbacks do; but when the thing it waits on is itself only reachable from the task, nothing outside holds the cycle, and the garbage collector can destroy the task mid-way (you then see "Task was destroyed but it is pending!"). The documentation of `create_task` warns about exactly this. A discarded task also hides its exception until it is collected, when all that remains is a log message.',
    example: 'import asyncio\n\nasync def handle(request):\n    asyncio.create_task(audit(request))\n    return "ok"\n',
    useInstead: 'import asyncio\n\n_background_tasks = set()\n\n\nasync def handle(request):\n    task = asyncio.create_task(audit(request))\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n    return "ok"\n',
    fixSafety: 'Unsafe: the fix binds the task to `task`, adds it to a module-level set `_background_tasks` (created just before the top-level statement holding the call, or reused when the file already has `_background_tasks = set()`), and removes it again with `task.add_done_callback(_background_tasks.discard)`. That adds module state and a local name, and keeps tasks alive that used to be collectable. It is offered only when the call is a statement on its own line and neither name already means something else there.',
    versions: 'All Python 3 versions with `asyncio.create_task` (3.7 and later); `asyncio.TaskGroup` needs 3.11.',
    references: [
      { title: 'asyncio.create_task (note on keeping references)', url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task' },
      { title: 'asyncio.TaskGroup', url: 'https://docs.python.org/3/library/asyncio-task.html#task-groups' },
      { title: 'Ruff RUF006 asyncio-dangling-task', url: 'https://docs.astral.sh/ruff/rules/asyncio-dangling-task/' },
    ],
  },
};
