// PIN502: a parameter default that builds a mutable container. CPython evaluates defaults once, when the def (or
// lambda) is executed, and keeps the objects in __defaults__ / __kwdefaults__; every call that omits the argument
// shares them. Warning when the function changes or leaks the object, information when it only reads it.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { mutableKind, MUTABLE_VALUE_NODE_TYPES } from '../analysis/mutableValues';
import { parameterUses } from '../analysis/parameterUse';
import { noneSentinelEdits } from '../fixes/noneSentinel';
import { capture, type Finding, type Rule } from './rule';

const VALUES = MUTABLE_VALUE_NODE_TYPES.map((t) => `(${t})`).join(' ');

/** Keyword-only parameters (after `*` or `*args`) keep their defaults in __kwdefaults__, the others in __defaults__. */
function isKeywordOnly(parameter: SyntaxNode): boolean {
  for (let p = parameter.previousNamedSibling; p; p = p.previousNamedSibling) {
    if (p.type === 'keyword_separator' || p.type === 'list_splat_pattern') return true;
    if (p.type === 'typed_parameter' && p.namedChild(0)?.type === 'list_splat_pattern') return true;
  }
  return false;
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export const mutableDefaultArgument: Rule = {
  code: 'PIN502',
  name: 'mutable-default-argument',
  family: 'functions',
  defaultSeverity: 'warning',
  fixSafety: 'safe', // the best case; findings whose value escapes carry an unsafe fix
  equivalentCodes: ['B006'],
  scope: 'statement',
  query: `
(default_parameter value: [${VALUES}] @default) @parameter
(typed_default_parameter value: [${VALUES}] @default) @parameter`,
  check(match, context) {
    const parameter = capture(match, 'parameter');
    const value = capture(match, 'default');
    const name = parameter?.childForFieldName('name');
    const fn = parameter?.parent?.parent;
    if (!parameter || !value || !name || !fn || (fn.type !== 'function_definition' && fn.type !== 'lambda')) return undefined;
    const kind = mutableKind(value, () => context.names);
    if (!kind) return undefined;

    const allUses = parameterUses(fn, name.text, context.names);
    const uses = [...allUses].filter((u) => u !== 'passes');
    const isLambda = fn.type === 'lambda';
    const attribute = isKeywordOnly(parameter) ? '__kwdefaults__' : '__defaults__';
    const store = isLambda ? `the lambda's \`${attribute}\`` : `\`${qualifiedDefName(fn)}.${attribute}\``;
    const when = isLambda ? 'when the lambda expression is evaluated' : 'when the `def` statement runs';
    const shared = `The default ${kind} of \`${name.text}\` is created once, ${when}, and kept in ${store}: every call that omits \`${name.text}\` gets that same object.`;
    const leaks = uses.includes('mutates') ? 'so changes made in one call show up in the next' : 'so code outside can change the object later calls receive';
    const message =
      uses.length > 0
        ? `${shared} This ${isLambda ? 'lambda' : 'function'} ${joinWords(uses)} it, ${leaks}. Default to None and build the ${kind} inside the function.`
        : allUses.has('passes')
          ? `${shared} This ${isLambda ? 'lambda' : 'function'} only passes it on to other calls: harmless unless one of them changes or keeps it, and any later mutation would leak between calls.`
          : `${shared} This ${isLambda ? 'lambda' : 'function'} does not mutate, return, yield, store or pass it on, so this is harmless today, but any later mutation would leak between calls.`;

    const edits = isLambda ? undefined : noneSentinelEdits(fn, parameter, context);
    // Only a value that is never mutated or passed anywhere can be swapped for a fresh one per call unnoticed; a mutated
    // default may be an intentional memo cache, and fix-all on save must not silently turn that off.
    const safe = allUses.size === 0;
    const finding: Finding = {
      at: value,
      message,
      severity: uses.length > 0 ? 'warning' : 'information',
      fix: edits && { title: `Default \`${name.text}\` to None and create the ${kind} per call`, safety: safe ? 'safe' : 'unsafe', edits },
    };
    return finding;
  },
  docs: {
    summary: 'A parameter default that is a mutable object (list, dict, set, …), shared by every call.',
    what:
      'Flags defaults that build a list, dict or set (literal or comprehension), or call `list`, `dict`, `set`, `bytearray`, `collections.defaultdict`, `collections.deque`, `collections.OrderedDict` or `collections.Counter` (also through aliases such as `from collections import defaultdict as dd`), in `def`, `async def` and `lambda`, including annotated and keyword-only parameters. It is a warning when the function mutates the parameter (or an object held in it, as in `groups[key].append(v)`), returns or yields it, or stores it (on an attribute, in another container, in a global); otherwise it is reported as information. Immutable defaults such as `()`, `frozenset()`, strings and `None` are fine, and so is a `list` that is shadowed by your own name.',
    why:
      'A default value is an expression evaluated exactly once, when the `def` statement (or `lambda` expression) runs, not on each call. In `dis` output the list is built right before MAKE_FUNCTION, in the code that defines the function, not in the code of the function itself. The resulting objects are stored on the function object: positional defaults in the `__defaults__` tuple, keyword-only ones in the `__kwdefaults__` dict. A call that omits the argument binds the parameter to that stored object, so every such call shares one list. `append` in one call is visible in the next, and a caller who receives the object can change the default for everybody.',
    example: 'def add_tag(tag, tags=[]):\n    tags.append(tag)\n    return tags\n\nadd_tag("a")\nadd_tag("b")  # ["a", "b"]: the first call\'s tag is still there\n',
    useInstead: 'def add_tag(tag, tags=None):\n    if tags is None:\n        tags = []\n    tags.append(tag)\n    return tags\n',
    fixSafety:
      'The fix changes the default to `None` and inserts `if x is None: x = <the original default>` as the first statement after the docstring, using the body\'s own indentation and line endings. An annotation is widened to admit None: `list[int] | None` when the target version is 3.10 or later, the annotation is a string, or the file has `from __future__ import annotations`; otherwise an `Optional` the file already imports is used, and if there is none the fix is not offered (every other spelling needs a new import or leaves an annotation type checkers reject). It is safe when the function only reads the value (itself, or through reading builtins such as `len` or `sorted`): each call then starts from an equal fresh object and nothing can tell the difference (except a caller that passed `None` explicitly, which now gets the default too). It is unsafe when the function mutates, returns, yields or stores the object, or hands it to any other call (which may change or keep it): that is usually the bug, but it can also be an intentional memo cache such as `_cache={}`, which the fix would stop from persisting between calls, and callers may rely on getting the shared object back. Fix-all on save applies only safe fixes. No fix is offered for lambdas, one-line bodies, or defaults whose names would mean something else inside the function.',
    versions: 'All Python 3 versions. The `X | None` spelling needs 3.10 at run time, unless annotations are postponed.',
    references: [
      { title: 'Function definitions: default parameter values (Python reference)', url: 'https://docs.python.org/3/reference/compound_stmts.html#function-definitions' },
      { title: 'Why are default values shared between objects? (Programming FAQ)', url: 'https://docs.python.org/3/faq/programming.html#why-are-default-values-shared-between-objects' },
      { title: 'flake8-bugbear B006 / Ruff mutable-argument-default', url: 'https://docs.astral.sh/ruff/rules/mutable-argument-default/' },
    ],
  },
};

/** `Class.method` for a def directly in a class body (as `__qualname__` spells it, minus `<locals>`), else its name. */
function qualifiedDefName(fn: SyntaxNode): string {
  const name = fn.childForFieldName('name')?.text ?? '';
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  const cls = holder?.type === 'block' ? holder.parent : null;
  return cls?.type === 'class_definition' ? `${cls.childForFieldName('name')?.text ?? ''}.${name}` : name;
}
