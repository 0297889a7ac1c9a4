// PIN102: a lambda, nested def or local-class object handed to other processes. Pools always pickle the function to
// send it to their workers; Process(target=…) pickles it under spawn and forkserver. Either way pickle needs a name.
import { choosesFork, mayUseProcesses } from '../analysis/concurrency';
import { outerUse, type OuterUse } from '../analysis/closure';
import { enclosingFunctionName, qualifiedName, unpicklableCallable, type Unpicklable } from '../analysis/picklability';
import { poolWorker, processTarget, workerArgument, type WorkerCall } from '../analysis/workerCalls';
import type { PythonVersion } from '../config';
import { lambdaToPartial } from '../fixes/lambdaToPartial';
import { liftLambda, liftNestedDef } from '../fixes/liftToModule';
import { capture, type Finding, type Rule, type RuleContext, type RuleFix } from './rule';

function describe(u: Unpicklable): string {
  const owner = u.definition ? enclosingFunctionName(u.definition) ?? 'a function' : '';
  const className = u.definition?.childForFieldName('name')?.text ?? 'a class';
  switch (u.kind) {
    case 'lambda':
      return 'A lambda cannot be pickled: pickle stores a function as a reference to its module-level name, and a lambda has none (its name is `<lambda>`).';
    case 'named-lambda':
      return `\`${u.node.text}\` is a lambda, which cannot be pickled: pickle looks functions up by \`__qualname__\`, and a lambda's is \`<lambda>\`.`;
    case 'nested-def':
      return `\`${u.node.text}\` is defined inside \`${owner}\`, so it cannot be pickled: pickle stores functions by module-level name, and \`${qualifiedName(u.definition!)}\` cannot be looked up.`;
    case 'local-class':
    case 'local-instance':
    case 'local-method':
      return `\`${u.node.text}\` needs the class \`${className}\`, which is defined inside \`${owner}\`, so it cannot be pickled: pickle refers to classes by module-level name, and \`${qualifiedName(u.definition!)}\` cannot be looked up.`;
  }
}

function consequence(call: WorkerCall, version: PythonVersion): string {
  if (call.via !== 'process') return `\`${call.api}\` always pickles the function to send it to the worker processes, whatever the start method, so this fails when work is sent.`;
  const target = `${version.major}.${version.minor}`;
  const spawned = `\`${call.api}\` pickles the target when the child is a fresh interpreter: under spawn (the default on macOS and Windows) and forkserver (the default on Linux from Python 3.14`;
  return version.major > 3 || version.minor >= 14
    ? `${spawned}, so for target ${target} too), this fails unless the fork start method is chosen explicitly.`
    : `${spawned}), this fails. Under fork, the Linux default for target Python ${target}, the child gets a copy of the parent's memory and nothing is pickled.`;
}

function whyNoFix(use: OuterUse): string {
  switch (use.kind) {
    case 'closure':
      return ` No automatic fix: it uses \`${use.name}\` from an enclosing function; pass such values as arguments (for example with functools.partial on a module-level function).`;
    case 'main-only':
      return ` No automatic fix: it uses \`${use.name}\`, which is only set under \`if __name__ == "__main__":\`, so a child started by spawn would not have it.`;
    case 'mangled':
      return ` No automatic fix: inside class \`${use.className}\` the compiler turns \`${use.name}\` into \`${use.mangled}\`, so moved out of the class it would name something else.`;
  }
}

function fixFor(context: RuleContext, u: Unpicklable): { fix?: RuleFix; note: string } {
  const code = u.kind === 'lambda' ? u.node : u.kind === 'nested-def' ? u.definition?.parent?.type === 'decorated_definition' ? u.definition.parent : u.definition : undefined;
  if (!code) return { note: '' };
  if (u.kind === 'lambda') {
    const partial = lambdaToPartial(context, u.node);
    if (partial) return { fix: partial, note: '' };
  }
  const use = outerUse(context.names, code, u.kind === 'nested-def' ? u.node.text : undefined);
  if (use) return { note: whyNoFix(use) };
  const fix = u.kind === 'lambda' ? liftLambda(context, u.node) : liftNestedDef(context, u.definition!);
  return { fix, note: '' };
}

function findingFor(context: RuleContext, call: WorkerCall): Finding | undefined {
  const u = unpicklableCallable(context.names, call.worker);
  if (!u) return undefined;
  const { fix, note } = fixFor(context, u);
  return {
    at: u.node,
    message: `${describe(u)} ${consequence(call, context.settings.targetVersion)}${note}`,
    severity: call.via === 'process' ? 'warning' : 'error',
    fix,
  };
}

export const unpicklableWorker: Rule = {
  code: 'PIN102',
  name: 'unpicklable-worker',
  family: 'multiprocessing',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  equivalentCodes: [],
  scope: 'statement',
  // choosesFork() and the fix's fresh name scan the whole text.
  textDependencies: [/set_start_method/, /\bworker/],
  appliesTo: mayUseProcesses,
  query: `
(call function: (attribute object: (_) @pin102.receiver attribute: (identifier) @pin102.method
    (#any-of? @pin102.method "map" "imap" "imap_unordered" "starmap" "apply" "apply_async" "map_async" "starmap_async" "submit"))
  arguments: (argument_list) @pin102.args)
(call function: (_) @pin102.callee
  arguments: (argument_list (keyword_argument name: (identifier) @pin102.keyword (#eq? @pin102.keyword "target"))) @pin102.args)`,
  check(match, context) {
    const args = capture(match, 'pin102.args');
    const receiver = capture(match, 'pin102.receiver');
    const method = capture(match, 'pin102.method');
    const callee = capture(match, 'pin102.callee');
    if (!args) return undefined;
    if (receiver && method) {
      const worker = workerArgument(args);
      // Classifying the argument is cheaper and fails more often than resolving the receiver: do it first.
      if (!worker || !unpicklableCallable(context.names, worker.node)) return undefined;
      const call = poolWorker(context.names, receiver, method.text, worker);
      return call && findingFor(context, call);
    }
    if (!callee || choosesFork(context.text)) return undefined;
    const call = processTarget(context.names, callee, args);
    return call && findingFor(context, call);
  },
  docs: {
    summary: 'A lambda, nested function or object of a local class is given to a process pool or Process, which must pickle it.',
    what: 'Flags the function passed to a multiprocessing Pool (`map`, `imap`, `imap_unordered`, `starmap`, `apply`, `apply_async`, `map_async`, `starmap_async`), to a `ProcessPoolExecutor` (`submit`, `map`) or as `Process(target=…)`, when it is a lambda, a function defined inside another function, an instance or bound method of a class defined inside a function, or `functools.partial` of one of those. Thread pools, threads and the builtin `map` are not flagged: they call the function in the same process.',
    why: 'Worker processes receive the function as a pickle. pickle does not serialise a function\'s code: it writes the module and `__qualname__`, and the receiver imports the module and looks the name up. A lambda is named `<lambda>`, and a function or class defined inside a function is named `outer.<locals>.inner`; neither lookup can succeed, so pickling fails with PicklingError or AttributeError. Pools pickle every task, whatever the start method. `Process(target=…)` pickles the target only when the child is a new interpreter (spawn, the default on macOS and Windows, and forkserver, the default on Linux from Python 3.14); with fork the child inherits a copy of the parent\'s memory, which is why such code can work on Linux with older Pythons and break elsewhere.',
    example: 'from multiprocessing import Pool\n\ndef scale_all(values, factor):\n    with Pool() as pool:\n        return pool.map(lambda v: v * factor, values)\n',
    useInstead: 'from functools import partial\nfrom multiprocessing import Pool\n\ndef scale(v, factor):\n    return v * factor\n\ndef scale_all(values, factor):\n    with Pool() as pool:\n        return pool.map(partial(scale, factor=factor), values)\n',
    fixSafety: '`lambda x: f(x)` becomes `f` (safe). `lambda x: f(x, k)` becomes `functools.partial(f, k=k)` when `f` is a module-level function whose parameter names are known (unsafe: partial evaluates `k` once, when it is created, while the lambda looked it up on every call). A lambda that uses no variables of enclosing functions moves to a new module-level def (safe, unless it has default values, which are then evaluated once at import). A nested def that uses none moves to module level (unsafe: its decorators, defaults and annotations are evaluated once at import instead of on each call of the enclosing function). Closures get no fix, and neither does code inside a class that uses a private `__name`, which the compiler rewrites to `_Class__name` there and would not outside.',
    versions: 'All Python 3 versions. Pools and ProcessPoolExecutor fail on every platform. For Process(target=…) it depends on the start method: spawn on Windows and on macOS (since 3.8); on Linux fork up to 3.13 (works) and forkserver from 3.14 (fails). The message names the default for the configured target version.',
    references: [
      { title: 'pickle: what can be pickled and unpickled', url: 'https://docs.python.org/3/library/pickle.html#what-can-be-pickled-and-unpickled' },
      { title: 'multiprocessing: contexts and start methods', url: 'https://docs.python.org/3/library/multiprocessing.html#contexts-and-start-methods' },
      { title: 'concurrent.futures: ProcessPoolExecutor', url: 'https://docs.python.org/3/library/concurrent.futures.html#processpoolexecutor' },
    ],
  },
};
