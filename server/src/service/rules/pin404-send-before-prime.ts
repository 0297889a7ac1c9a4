// PIN404: g.send(<not None>) on a generator nothing has started yet. A just-created generator is suspended before the
// first line of its body, with no `yield` expression waiting to receive a value, so CPython raises
// TypeError("can't send non-None value to a just-started generator"). Straight-line only: no other use of the name
// may come between the creation and the send (or anywhere in a nested function, or later in an enclosing loop).
import type { SyntaxNode } from '../../parsing/treeSitter';
import { enclosingFunction, iteratorBinding } from '../analysis/iterators';
import { indentationAt, lineBreak, lineStartOf } from '../fixes/indent';
import { lineEndAfter } from '../fixes/text';
import type { OffsetEdit } from '../types';
import { capture, type Finding, type Rule } from './rule';

/** Values that are never None, whatever the code around them does. */
const NOT_NONE = new Set([
  'integer', 'float', 'string', 'concatenated_string', 'true', 'false', 'ellipsis', 'list', 'tuple', 'dictionary', 'set',
  'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'lambda', 'not_operator',
]);

const SCOPE_NODES = new Set(['function_definition', 'lambda', 'class_definition', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** The end of the outermost loop around `node` below `block`, or undefined when `node` is not inside `block`'s scope. */
function loopLimit(node: SyntaxNode, block: SyntaxNode): number | undefined {
  let limit = node.endIndex;
  for (let p = node.parent; p; p = p.parent) {
    if (p.id === block.id) return limit;
    if (SCOPE_NODES.has(p.type)) return undefined;
    if (p.type === 'for_statement' || p.type === 'while_statement') limit = Math.max(limit, p.endIndex);
  }
  return undefined;
}

/** `next(g)` on a line of its own after the assignment statement, when that statement has its line to itself. */
function primeEdit(statement: SyntaxNode, name: string, text: string): OffsetEdit | undefined {
  const lineStart = lineStartOf(text, statement.startIndex);
  const indent = indentationAt(text, statement.startIndex);
  if (lineStart + indent.length !== statement.startIndex) return undefined;
  const insertAt = lineEndAfter(text, statement.endIndex);
  if (!/^[ \t]*(#.*)?(\r\n|\n|\r)?$/.test(text.slice(statement.endIndex, insertAt))) return undefined;
  const atEnd = insertAt === text.length && !/[\r\n]$/.test(text);
  const lb = lineBreak(text);
  return { start: insertAt, end: insertAt, newText: `${atEnd ? lb : ''}${indent}next(${name})${atEnd ? '' : lb}` };
}

export const sendBeforePrime: Rule = {
  code: 'PIN404',
  name: 'send-before-prime',
  family: 'generators',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\.send\b/),
  query: `
(call
  function: (attribute object: (identifier) @generator attribute: (identifier) @method (#eq? @method "send"))
  arguments: (argument_list . (_) @value .)) @send`,
  check(match, context) {
    const send = capture(match, 'send');
    const target = capture(match, 'generator');
    const value = capture(match, 'value');
    if (!send || !target || !value || !NOT_NONE.has(value.type)) return undefined;
    const bound = iteratorBinding(target, context.names, []);
    const statement = bound?.assignment.parent;
    const block = statement?.parent;
    if (!bound || bound.typeName !== 'generator' || statement?.type !== 'expression_statement' || !block) return undefined;
    const limit = loopLimit(send, block);
    if (limit === undefined) return undefined;
    // Any other use may prime it: one between creation and send (or later in a loop around the send), or one in a
    // nested function, which may run at any time.
    const scopeFunction = bound.scope.kind === 'module' ? undefined : bound.scope.node;
    for (const id of bound.scope.node.descendantsOfType('identifier')) {
      if (!id || id.text !== target.text || id.id === target.id || id.id === bound.assignment.childForFieldName('left')?.id) continue;
      if (id.startIndex >= bound.assignment.endIndex && id.startIndex < limit) return undefined;
      if (enclosingFunction(id)?.id !== scopeFunction?.id) return undefined;
    }

    const line = bound.assignment.startPosition.row + 1;
    const nextIsBuiltin = context.names.resolve('next', send).kind === 'builtin';
    const edit = nextIsBuiltin ? primeEdit(statement, target.text, context.text) : undefined;
    const finding: Finding = {
      at: send,
      message:
        `\`${target.text}\` is a generator created on line ${line} and not yet started, so this send raises TypeError ("can't send non-None value to a just-started generator"): ` +
        `its body has not run to a \`yield\` that could receive the value. Advance it to the first \`yield\` with \`next(${target.text})\` (or \`${target.text}.send(None)\`) first.`,
      fix: edit && { title: `Prime the generator with \`next(${target.text})\` after creating it`, safety: 'unsafe', edits: [edit] },
    };
    return finding;
  },
  docs: {
    summary: '`send()` with a value other than None on a generator that has not been started with `next()`.',
    what: 'Flags `g.send(value)` where `g` is bound once in its scope to a generator (a call of an undecorated generator function defined in the same file, or a generator expression), `value` is an expression that can never be None (a literal, a display, a comprehension, a lambda or a `not`), and nothing can have advanced `g` first: no other use of `g` between its creation and the send, none later inside a loop that contains the send, and none in a nested function. A send that depends on a variable (which may hold None) is not reported.',
    why: 'Calling a generator function runs none of its body: it returns a generator suspended before the first line. `send(value)` resumes the generator and makes the paused `yield` expression evaluate to `value`, but a just-started generator is not paused at any `yield`, so there is nowhere for the value to go. CPython refuses with `TypeError: can\'t send non-None value to a just-started generator`. `next(g)` (equivalently `g.send(None)`) runs the body up to the first `yield`; after that, `send` works. This is the "priming" step of generator-based coroutines.',
    example: 'def averager():\n    total, count = 0, 0\n    average = None\n    while True:\n        value = yield average\n        total += value\n        count += 1\n        average = total / count\n\nacc = averager()\nacc.send(10)  # TypeError\n',
    useInstead: 'acc = averager()\nnext(acc)  # run to the first yield\nacc.send(10)  # 10.0\n',
    fixSafety: 'Unsafe: the fix inserts `next(g)` on the line after `g = …`, which runs the generator body up to its first `yield` at that point (earlier than any code between the creation and the send) and discards the first yielded value. That is the usual intent, but the timing of the body\'s side effects changes, so the fix is never applied automatically. No fix is offered when the assignment shares its line with other statements or `next` is shadowed.',
    versions: 'All Python 3 versions (generator `send()` exists since Python 2.5, PEP 342).',
    references: [
      { title: 'Generator-iterator methods: generator.send (Python reference)', url: 'https://docs.python.org/3/reference/expressions.html#generator.send' },
      { title: 'Passing values into a generator (Functional Programming HOWTO)', url: 'https://docs.python.org/3/howto/functional.html#passing-values-into-a-generator' },
    ],
  },
};
