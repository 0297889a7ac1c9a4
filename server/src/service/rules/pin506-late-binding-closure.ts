// PIN506: a lambda or def created in a for-loop body that reads the loop variable and is kept beyond the iteration.
// A closure stores a cell for the variable, not its value: the loop keeps rebinding that one cell, so every copy
// called later sees the value of the last iteration. Only shapes where the function certainly outlives the iteration
// (stored in a container, attribute or callback registry, or a list/set/dict comprehension element) are reported.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { boundName, comprehensionTargets, enclosingForLoops, keptBeyondStatement, keptByName, leavesEarly, loopTargets, storingComprehension } from '../analysis/loopClosure';
import type { OffsetEdit } from '../types';
import { isNameUse } from '../analysis/closure';
import { capture, type Finding, type Rule } from './rule';

/** The edit that appends `name=name, …` to the function's parameters, or undefined when it cannot go last. */
function bindEdit(fn: SyntaxNode, bound: readonly string[]): OffsetEdit | undefined {
  const text = bound.map((n) => `${n}=${n}`).join(', ');
  const parameters = fn.childForFieldName('parameters');
  const last = parameters?.namedChildren.filter((c) => c && c.type !== 'comment').pop();
  if (last?.type === 'dictionary_splat_pattern' || (last?.type === 'typed_parameter' && last.namedChild(0)?.type === 'dictionary_splat_pattern')) return undefined;
  if (last) return { start: last.endIndex, end: last.endIndex, newText: `, ${text}` };
  if (fn.type === 'lambda') return { start: fn.startIndex + 'lambda'.length, end: fn.startIndex + 'lambda'.length, newText: ` ${text}` };
  return parameters ? { start: parameters.startIndex + 1, end: parameters.startIndex + 1, newText: text } : undefined;
}

export const lateBindingClosure: Rule = {
  code: 'PIN506',
  name: 'late-binding-closure',
  family: 'functions',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: ['B023'],
  scope: 'statement',
  query: `
(lambda) @fn
(function_definition) @fn`,
  check(match, context) {
    const fn = capture(match, 'fn');
    const body = fn?.childForFieldName('body');
    if (!fn || !body) return undefined;
    const loops = enclosingForLoops(fn);
    const comprehension = loops.length === 0 ? storingComprehension(fn) : undefined;
    // Loop variables (of every enclosing loop that rebinds them after this iteration) read inside the body.
    const targets = comprehension ? comprehensionTargets(comprehension) : loops.filter((l) => !leavesEarly(l)).flatMap((l) => loopTargets(l.childForFieldName('left')));
    const scopeNode = comprehension ? targets[0] : loops[0];
    if (!scopeNode) return undefined;
    const names = context.names;
    const loopScope = names.index.scopeOfUse(scopeNode);
    if (loopScope.kind === 'class') return undefined;
    const loopVariables = new Set(targets.map((t) => t.text));
    if (loopVariables.size === 0) return undefined;
    const read: string[] = [];
    for (const id of body.descendantsOfType('identifier')) {
      if (!id || !loopVariables.has(id.text) || read.includes(id.text) || !isNameUse(id)) continue;
      const resolution = names.resolve(id.text, id);
      if (resolution.kind === 'bound' && resolution.scope === loopScope) read.push(id.text);
    }
    if (read.length === 0) return undefined;

    const name = boundName(fn);
    const loop = loops.find((l) => loopTargets(l.childForFieldName('left')).some((t) => read.includes(t.text))) ?? loops[0];
    const kept = !!comprehension || keptBeyondStatement(fn) || (name !== undefined && keptByName(name, loop, names) !== undefined);
    if (!kept) return undefined;

    const kind = fn.type === 'lambda' ? 'lambda' : `function \`${name?.text ?? ''}\``;
    const where = comprehension ? 'is kept in the comprehension\'s result' : 'is kept beyond the loop iteration';
    const list = read.map((n) => `\`${n}\``).join(', ');
    const plural = read.length > 1;
    const edit = bindEdit(fn, read);
    const finding: Finding = {
      at: fn.type === 'lambda' ? fn : (fn.childForFieldName('name') ?? fn),
      message: `This ${kind} ${where} and reads the loop variable${plural ? 's' : ''} ${list} when it is called, not when it is created: the closure shares one cell per variable, which the loop rebinds, so every function created here sees the value from the last iteration. Bind the current value as a default (${read.map((n) => `\`${n}=${n}\``).join(', ')}) or use functools.partial.`,
      fix: edit && { title: `Bind ${list} as default argument${plural ? 's' : ''}`, safety: 'unsafe', edits: [edit] },
    };
    return finding;
  },
  docs: {
    summary: 'A lambda or def created in a loop that reads the loop variable and is stored for later: every copy sees the last value.',
    what:
      'Flags a `lambda` or nested `def` written in the body of a `for` loop (in a function or at module level) that reads the loop variable (or one of them, for `for k, v in …`) and that is certainly kept after the iteration: stored in a subscript or attribute (`handlers[name] = lambda: …`, `self.cb = …`), put in a list/tuple/dict/set that is stored, added with `+=` to a list, or handed to a method that keeps it (`append`, `appendleft`, `add`, `insert`, `setdefault`, `put`, `put_nowait`, `call_soon`, `call_soon_threadsafe`, `call_later`, `call_at`, `add_done_callback`, `connect`, `register`). Also flags a lambda that is the element of a list, set or dict comprehension (alone, in a tuple, or as a dict value) and reads a variable of the comprehension: it is kept in the result, and the comprehension has finished before anyone can call it (generator expressions are lazy, so they are left alone). A def or `f = lambda …` bound to a name is followed to later uses of that name in the loop body. Calls made within the iteration, `key=` functions passed to `sorted`, and loops that can leave early (`break`, `return`, `raise` in the body) are not reported, because there the variable may not be rebound before the function runs.',
    why:
      'A nested function does not copy the variables it reads from the enclosing scope. The compiler turns such a variable into a cell, the loop stores each new value into that one cell, and each function object created in the loop gets a reference to the same cell in its `__closure__`; the body reads the cell when it runs. In 3.11 `dis` output this shows as `MAKE_CELL`, `STORE_DEREF` in the loop and `LOAD_DEREF` in the lambda (older versions create the cell without a separate instruction). So a function called after the loop sees the value the variable had last, not the value it had when the function was created: `[f() for f in fns]` gives `[2, 2, 2]` for `fns.append(lambda: i)` over `range(3)`. Default values, by contrast, are evaluated when the lambda or def is executed, which is why `lambda i=i: i` captures the current value.',
    example: 'callbacks = []\nfor name in ("open", "save", "quit"):\n    callbacks.append(lambda: print("clicked", name))\n\nfor cb in callbacks:\n    cb()  # prints "clicked quit" three times\n',
    useInstead: 'import functools\n\ncallbacks = []\nfor name in ("open", "save", "quit"):\n    callbacks.append(lambda name=name: print("clicked", name))\n    # or: callbacks.append(functools.partial(print, "clicked", name))\n',
    fixSafety:
      'Unsafe: the fix adds `name=name` as the last parameter of the lambda or def, so each function captures the current value. This changes the signature: a caller that passes an extra positional argument now fills the new parameter instead of getting a TypeError, and introspection (`inspect.signature`, Click/Typer-style registries) sees a new parameter. No fix is offered when the function already ends with `**kwargs`.',
    versions: 'All Python 3 versions behave the same way.',
    references: [
      { title: 'Why do lambdas defined in a loop with different values all return the same result? (Programming FAQ)', url: 'https://docs.python.org/3/faq/programming.html#why-do-lambdas-defined-in-a-loop-with-different-values-all-return-the-same-result' },
      { title: 'Naming and binding: resolution of names (Python reference)', url: 'https://docs.python.org/3/reference/executionmodel.html#resolution-of-names' },
      { title: 'flake8-bugbear B023 / Ruff function-uses-loop-variable', url: 'https://docs.astral.sh/ruff/rules/function-uses-loop-variable/' },
    ],
  },
};
