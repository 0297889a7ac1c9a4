// PIN406: `raise StopIteration` in the body of a generator. Since PEP 479 (always on from 3.7) the interpreter turns a
// StopIteration escaping a generator frame into RuntimeError("generator raised StopIteration"); async generators do
// the same. Quiet when a handler or contextlib.suppress around the raise inside the generator may catch it first.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { enclosingFunction } from '../analysis/iterators';
import { capture, type Finding, type Rule } from './rule';

/** A `yield` that belongs to `fn` itself (not to a nested def or lambda) makes it a generator. */
function isGenerator(fn: SyntaxNode): boolean {
  const body = fn.childForFieldName('body');
  return !!body && body.descendantsOfType('yield').some((y) => y && enclosingFunction(y)?.id === fn.id);
}

/** Whether something between the raise and the generator's frame may catch the exception before it escapes. */
function mayBeCaught(raise: SyntaxNode, fn: SyntaxNode, qualified: (n: SyntaxNode) => string | undefined): boolean {
  for (let child = raise, p = raise.parent; p && p.id !== fn.id; child = p, p = p.parent) {
    if (p.type === 'try_statement' && p.childForFieldName('body')?.id === child.id) {
      if (p.namedChildren.some((c) => c?.type === 'except_clause' || c?.type === 'except_group_clause')) return true;
    }
    if (p.type === 'with_statement' && child.type === 'block') {
      const calls = p.namedChildren.find((c) => c?.type === 'with_clause')?.descendantsOfType('call') ?? [];
      if (calls.some((c) => { const f = c?.childForFieldName('function'); return f && qualified(f) === 'contextlib.suppress'; })) return true;
    }
  }
  return false;
}

/** Argument shapes that are not valid (or not the same) after `return`. */
const NOT_A_RETURN_VALUE = new Set(['keyword_argument', 'list_splat', 'dictionary_splat', 'named_expression', 'yield', 'generator_expression']);

export const stopIterationInGenerator: Rule = {
  code: 'PIN406',
  name: 'stop-iteration-in-generator',
  family: 'generators',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  equivalentCodes: ['PLR1708'],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bStopIteration\b/) && file.has(/\byield\b/),
  query: `
(raise_statement . (identifier) @exception (#eq? @exception "StopIteration")) @raise
(raise_statement . (call function: (identifier) @exception (#eq? @exception "StopIteration")) @call) @raise`,
  check(match, context) {
    const raise = capture(match, 'raise');
    const exception = capture(match, 'exception');
    const call = capture(match, 'call');
    if (!raise || !exception || context.names.qualifiedName(exception) !== 'builtins.StopIteration') return undefined;
    const fn = enclosingFunction(raise);
    if (!fn || fn.type !== 'function_definition' || !isGenerator(fn)) return undefined;
    if (mayBeCaught(raise, fn, (n) => context.names.qualifiedName(n))) return undefined;

    const isAsync = fn.children.some((c) => c?.type === 'async');
    const kind = isAsync ? 'async generator' : 'generator';
    const { major, minor } = context.settings.targetVersion;
    const old = major === 3 && minor < 7;
    const argumentList = call?.childForFieldName('arguments');
    const args = argumentList?.namedChildren.filter((c) => c?.type !== 'comment') ?? [];
    const plainArguments = !argumentList || argumentList.type === 'argument_list';
    const value = args.length === 1 && args[0] && !NOT_A_RETURN_VALUE.has(args[0].type) ? args[0] : undefined;
    const fixable = plainArguments && !raise.childForFieldName('cause') && (args.length === 0 || (value && !isAsync));
    const replacement = value ? `return ${value.text}` : 'return';
    const message =
      `\`raise StopIteration\` in a ${kind} does not end it: ${old ? 'from Python 3.7 (PEP 479; your target version is older, where it is a deprecation warning) ' : 'since PEP 479 (Python 3.7) '}` +
      `the StopIteration escaping the ${kind} frame is replaced by RuntimeError("${kind} raised StopIteration"). Use \`${replacement}\` to finish the ${kind}.`;
    const finding: Finding = {
      at: raise,
      message,
      fix: fixable ? { title: `Replace with \`${replacement}\``, safety: 'safe', edits: [{ start: raise.startIndex, end: raise.endIndex, newText: replacement }] } : undefined,
    };
    return finding;
  },
  docs: {
    summary: '`raise StopIteration` inside a generator, which Python turns into RuntimeError.',
    what: 'Flags `raise StopIteration` and `raise StopIteration(...)` written directly in the body of a generator function (a `def` or `async def` containing `yield`), outside any `try` with `except` clauses and any `with contextlib.suppress(...)` in that generator. A raise in a nested function, in a plain function or in an `__next__` method is fine and stays quiet.',
    why: 'Before PEP 479, a StopIteration raised inside a generator leaked out of `next()` and looked like the normal end of iteration, which silently hid bugs. Since Python 3.7 the interpreter checks every exception leaving a generator frame: a StopIteration is replaced by `RuntimeError("generator raised StopIteration")` (the original is kept as `__cause__`). Async generators do the same with "async generator raised StopIteration". To end a generator, return from it: `return value` raises StopIteration(value) on the caller\'s side, which is what the raise used to mean.',
    example: 'def first_lines(f, n):\n    for i, line in enumerate(f):\n        if i == n:\n            raise StopIteration\n        yield line\n',
    useInstead: 'def first_lines(f, n):\n    for i, line in enumerate(f):\n        if i == n:\n            return\n        yield line\n',
    fixSafety: 'Safe: the fix replaces `raise StopIteration` with `return` and `raise StopIteration(value)` with `return value`, so the generator ends the way the code intended instead of raising RuntimeError. No fix is offered when the raise has a `from` clause or keyword/unpacked arguments, or for `StopIteration(value)` in an async generator (where `return value` is a SyntaxError).',
    versions: 'PEP 479 is always on from Python 3.7. In 3.5 and 3.6 it needed `from __future__ import generator_stop`; without it, 3.6 only emits a DeprecationWarning.',
    references: [
      { title: 'PEP 479: Change StopIteration handling inside generators', url: 'https://peps.python.org/pep-0479/' },
      { title: 'StopIteration (built-in exceptions)', url: 'https://docs.python.org/3/library/exceptions.html#StopIteration' },
      { title: 'What’s New in Python 3.7: PEP 479 is enabled for all code', url: 'https://docs.python.org/3/whatsnew/3.7.html#changes-in-python-behavior' },
    ],
  },
};
