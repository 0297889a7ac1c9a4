// PIN504: a decorator `def deco(func)` whose inner `wrapper(*args, **kwargs)` forwards its arguments to `func(...)` and
// is returned as is, without `@functools.wraps(func)`. The decorated name is then bound to the wrapper, whose
// __name__, __qualname__, __doc__ and signature are the wrapper's own. Only this exact shape fires: a one-parameter
// outer function, an undecorated inner def that forwards *args or **kwargs to the parameter, and `return wrapper`.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { indentationAt, lineBreak, lineStartOf } from '../fixes/indent';
import { ensureImport } from '../fixes/imports';
import { capture, type Finding, type Rule, type RuleContext } from './rule';

/**
 * Code in the outer function that copies metadata onto the wrapper by hand (or with update_wrapper / wraps), or
 * hands wrapper and function together to a helper that may (importlib's bootstrap uses its own `_wrap(new, old)`).
 */
function copiesMetadata(body: string, wrapper: string, func: string): boolean {
  // Identifiers hold no regex metacharacters; any `wrapper.__x__ = …` or `setattr(wrapper, …)` counts.
  if (/\bupdate_wrapper\b|\bwraps\b/.test(body)) return true;
  if (new RegExp(`(^|[^\\w.])${wrapper}\\s*\\.\\s*__\\w+__\\s*=[^=]|\\bsetattr\\(\\s*${wrapper}\\b`).test(body)) return true;
  return new RegExp(`\\w\\s*\\(\\s*(${wrapper}\\s*,\\s*${func}|${func}\\s*,\\s*${wrapper})\\s*[,)]`).test(body);
}

/** A call in `wrapper` of the outer parameter that forwards the wrapper's *args or **kwargs. */
function forwardingCall(wrapper: SyntaxNode, param: SyntaxNode, outer: SyntaxNode, context: RuleContext): SyntaxNode | undefined {
  const splats = new Set(
    (wrapper.childForFieldName('parameters')?.namedChildren ?? [])
      .filter((p) => p?.type === 'list_splat_pattern' || p?.type === 'dictionary_splat_pattern')
      .map((p) => p?.namedChild(0)?.text),
  );
  if (splats.size === 0) return undefined;
  return wrapper.childForFieldName('body')?.descendantsOfType('call').find((call) => {
    const fn = call?.childForFieldName('function');
    if (!call || fn?.type !== 'identifier' || fn.text !== param.text) return false;
    const resolution = context.names.resolve(fn.text, fn);
    if (resolution.kind !== 'bound' || resolution.scope.node.id !== outer.id) return false;
    return (call.childForFieldName('arguments')?.namedChildren ?? []).some(
      (a) => (a?.type === 'list_splat' || a?.type === 'dictionary_splat') && splats.has(a.namedChild(0)?.text),
    );
  }) ?? undefined;
}

export const decoratorWithoutWraps: Rule = {
  code: 'PIN504',
  name: 'decorator-without-wraps',
  family: 'functions',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bdef\s+\w+\s*\([^)]*\*/),
  query: `(function_definition
  parameters: (parameters . (identifier) @param .)
  body: (block (function_definition name: (identifier) @inner) @wrapper (return_statement . (identifier) @returned .))
  (#eq? @inner @returned)) @outer`,
  check(match, context) {
    const outer = capture(match, 'outer');
    const param = capture(match, 'param');
    const wrapper = capture(match, 'wrapper');
    const inner = capture(match, 'inner');
    const returned = capture(match, 'returned');
    if (!outer || !param || !wrapper || !inner || !returned || copiesMetadata(outer.childForFieldName('body')?.text ?? '', inner.text, param.text)) return undefined;
    // Only one def of that name in the outer body, so `return wrapper` returns this one.
    const resolution = context.names.resolve(inner.text, returned);
    if (resolution.kind !== 'bound' || resolution.bindings.length !== 1 || resolution.bindings[0].kind !== 'def') return undefined;
    if (!forwardingCall(wrapper, param, outer, context)) return undefined;

    const outerName = outer.childForFieldName('name')?.text ?? '';
    const message = `\`${outerName}\` returns \`${inner.text}\` in place of \`${param.text}\` without \`@functools.wraps(${param.text})\`: every function it decorates gets \`__name__\` "${inner.text}", the wrapper's \`__qualname__\`, no docstring and the signature \`${wrapper.childForFieldName('parameters')?.text ?? '(...)'}\`, which breaks help(), logging, pickling by name and signature-based tools.`;

    const text = context.text;
    const indent = indentationAt(text, wrapper.startIndex);
    const lineStart = lineStartOf(text, wrapper.startIndex);
    let fix: Finding['fix'];
    if (lineStart + indent.length === wrapper.startIndex) {
      const imported = ensureImport(context, 'functools', 'wraps');
      const head = imported.reference.split('.')[0];
      const seen = context.names.resolve(head, returned);
      const module = context.names.index.module;
      const reachable = imported.edits.length === 0 ? seen.kind === 'bound' && seen.scope === module : seen.kind === 'builtin';
      if (reachable) {
        fix = {
          title: `Add @${imported.reference}(${param.text})`,
          safety: 'unsafe',
          edits: [...imported.edits, { start: wrapper.startIndex, end: wrapper.startIndex, newText: `@${imported.reference}(${param.text})${lineBreak(text)}${indent}` }],
        };
      }
    }
    const finding: Finding = { at: inner, message, fix };
    return finding;
  },
  docs: {
    summary: 'A decorator returns its wrapper function without `functools.wraps`, so decorated functions lose their name, docstring and signature.',
    what: 'Flags the inner function of a decorator `def deco(func):` (one parameter) when the inner function is defined in its body without any decorator, takes `*args` and/or `**kwargs` and forwards them to `func(...)`, and is returned by `return wrapper`. Decorator factories are covered too, since their middle level has the same shape. Decorators that copy metadata by hand (`update_wrapper`, assignments to `__name__`, `__doc__`, `__wrapped__`, …) are left alone.',
    why: "`@deco` above `def f` runs `f = deco(f)`: the name `f` is bound to whatever the decorator returns. Without `wraps`, that is the inner function object, with `__name__ == 'wrapper'`, `__qualname__ == 'deco.<locals>.wrapper'`, `__doc__` None, no `__wrapped__`, and `inspect.signature` reporting `(*args, **kwargs)`. So `help()`, tracebacks and log lines name the wrapper, documentation tools lose the docstring, and `pickle` (which stores functions by qualified name) fails with \"Can't pickle local object\". `functools.wraps(func)` calls `functools.update_wrapper`, which copies `__module__`, `__name__`, `__qualname__`, `__doc__` and `__annotations__` (plus `__type_params__` from 3.12), merges `__dict__`, and sets `__wrapped__`, which `inspect.signature` follows.",
    example: 'def logged(func):\n    def wrapper(*args, **kwargs):\n        print("calling", func.__name__)\n        return func(*args, **kwargs)\n    return wrapper\n',
    useInstead: 'import functools\n\n\ndef logged(func):\n    @functools.wraps(func)\n    def wrapper(*args, **kwargs):\n        print("calling", func.__name__)\n        return func(*args, **kwargs)\n    return wrapper\n',
    fixSafety: 'Unsafe: the fix inserts `@functools.wraps(func)` above the inner `def` (reusing an existing `import functools`, `from functools import wraps` or alias, else adding `import functools`). The decorated functions then report the original name and docstring, and `inspect.signature` shows the original parameters through `__wrapped__`: frameworks that inspect signatures (dependency injection, test fixtures, CLI builders) may start treating the decorated functions differently. No fix is offered when the inner `def` shares its line with other code or `functools`/`wraps` would name something else there.',
    versions: 'All Python 3 versions. `__wrapped__` is set since 3.2, and `__type_params__` is copied since 3.12.',
    references: [
      { title: 'functools.wraps and update_wrapper (Python docs)', url: 'https://docs.python.org/3/library/functools.html#functools.update_wrapper' },
      { title: 'Function definitions: decorators (Python reference)', url: 'https://docs.python.org/3/reference/compound_stmts.html#function-definitions' },
      { title: 'inspect.signature follows __wrapped__ (Python docs)', url: 'https://docs.python.org/3/library/inspect.html#inspect.signature' },
    ],
  },
};
