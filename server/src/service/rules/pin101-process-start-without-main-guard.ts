// PIN101: processes started (or the start method chosen) by code that runs on import. Under spawn, and forkserver,
// every child re-imports the main module, so that code runs again in the child, which CPython stops with RuntimeError.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { mayUseProcesses } from '../analysis/concurrency';
import { record } from '../analysis/dependencies';
import { forkChosenFrom, processStartsIn, type ProcessStart, type ProcessStartKind } from '../analysis/processStarts';
import type { PythonVersion } from '../config';
import { runAround, wrapInMainGuard } from '../fixes/mainGuardWrap';
import { capture, type Finding, type Rule, type RuleContext, type RuleFix } from './rule';

const WHAT: Record<ProcessStartKind, (call: string) => string> = {
  pool: (call) => `\`${call}\` starts worker processes`,
  executor: (call) => `\`${call}\` creates a process pool`,
  manager: (call) => `\`${call}\` starts a manager server process`,
  process: (call) => `\`${call}\` starts a process`,
  'start-method': (call) => `\`${call}\` chooses the start method`,
};

const IN_CHILD: Record<ProcessStartKind, string> = {
  pool: 'a process that is still importing its main module cannot start others, so the child fails with RuntimeError',
  executor: 'work submitted from a child that is still importing its main module fails with RuntimeError',
  manager: 'a process that is still importing its main module cannot start others, so the child fails with RuntimeError',
  process: 'a process that is still importing its main module cannot start others, so the child fails with RuntimeError',
  'start-method': 'the start method is already set in the child, so this raises RuntimeError ("context has already been set")',
};

/** From 3.14 Linux defaults to forkserver, which re-imports the main module like spawn; before, to fork, which does not. */
function reimports(version: PythonVersion): { who: string; linux: string } {
  const target = `${version.major}.${version.minor}`;
  if (version.major > 3 || version.minor >= 14) {
    return { who: `Under the spawn and forkserver start methods (the defaults on Windows and macOS, and on Linux from Python 3.14; target ${target})`, linux: '' };
  }
  return {
    who: 'Under the spawn start method (the default on Windows and macOS)',
    linux: ` On Linux the default for target Python ${target} is fork, which does not re-import, but from Python 3.14 it is forkserver, which does.`,
  };
}

function message(start: ProcessStart, version: PythonVersion): string {
  const call = start.call.text.length > 40 ? `${start.call.childForFieldName('function')?.text ?? 'call'}(…)` : start.call.text;
  const { who, linux } = reimports(version);
  return `${WHAT[start.kind](call)} when this module is imported, not only when it is run as a script. ${who} each child process re-imports the main module and would run this line again: ${IN_CHILD[start.kind]}.${linux} Put it under \`if __name__ == "__main__":\`.`;
}

/** The statement's process starts, except those after a module-level `set_start_method("fork")`: forked children re-import nothing. */
function startsIn(context: RuleContext, statement: SyntaxNode): readonly ProcessStart[] {
  const forkFrom = forkChosenFrom(context.names, context.file.tree.rootNode, context.text);
  return processStartsIn(context.names, statement).filter((s) => s.call.startIndex < forkFrom);
}

/** Wraps the run holding `statement`, from its first offending statement to its last statement. */
function wrapFix(context: RuleContext, statement: SyntaxNode): RuleFix | undefined {
  // The run reaches into the neighbouring top-level statements, as far as it goes.
  record.wholeFile();
  const run = runAround(statement);
  const first = run.find((s) => startsIn(context, s).length > 0) ?? statement;
  const edits = wrapInMainGuard(context.text, context.file.tree.rootNode, first, run[run.length - 1]);
  return edits && { title: 'Move the module-level code into `if __name__ == "__main__":`', safety: 'unsafe', edits };
}

/**
 * A package's `__main__.py` (run by `python -m pkg` or `python pkg/`) is the one main module spawned children do not
 * re-import (multiprocessing.spawn skips names ending in `__main__`), so nothing in it runs twice.
 */
function isPackageMain(uri: string): boolean {
  return /[/\\]__main__\.py$/.test(uri);
}

export const processStartWithoutMainGuard: Rule = {
  code: 'PIN101',
  name: 'process-start-without-main-guard',
  family: 'multiprocessing',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  // forkChosenFrom() scans the whole text for the start method being set.
  textDependencies: [/set_start_method/],
  appliesTo: mayUseProcesses,
  // Only statements directly under `module` (depth 1: the query cursor need not descend further to find where matches
  // start) that can hold module-level calls; defs, classes and imports never match.
  maxStartDepth: 1,
  query: `[(expression_statement) (if_statement) (for_statement) (while_statement) (try_statement) (with_statement) (match_statement)] @pin101.statement`,
  check(match, context) {
    const statement = capture(match, 'pin101.statement');
    if (!statement || isPackageMain(context.file.uri)) return undefined;
    const starts = startsIn(context, statement);
    if (starts.length === 0) return undefined;
    const fix = wrapFix(context, statement);
    return starts.map((start): Finding => ({ at: start.call, message: message(start, context.settings.targetVersion), fix }));
  },
  docs: {
    summary: 'Processes are started, or the start method is set, by code that also runs when the module is imported.',
    what: 'Flags module-level code, outside any def, class or `if __name__ == "__main__":` block, that creates a `multiprocessing` Pool, a `ProcessPoolExecutor` or a `Manager()`, calls `.start()` on a `Process`, or calls `set_start_method()`. Every import form is recognised (`import multiprocessing as mp`, `from concurrent.futures import ProcessPoolExecutor as PPE`, `mp.get_context("spawn").Pool()`, …). Thread pools and threads are not flagged: they do not re-import anything. Neither are starts whose children are forked (through `get_context("fork")`, or after a module-level `set_start_method("fork")`), `set_start_method(…, force=True)` (harmless when repeated), nor a package\'s `__main__.py`, which children never re-import.',
    why: 'With the spawn start method the child is a fresh interpreter: to find the worker function it imports the parent\'s main script again, under the name `__mp_main__`, so every statement at module level runs again in the child. Children started by forkserver re-import it the same way. Code under `if __name__ == "__main__":` is skipped on that import, because `__name__` is not `"__main__"` there. A pool or process created at module level is therefore created again in each child; CPython detects a process being started while its main module is still being imported and raises RuntimeError instead of recursing forever. spawn is the default on Windows and macOS; Linux used fork (which copies the parent and imports nothing) up to Python 3.13, and uses forkserver from Python 3.14. So code that works on Linux today can break on another OS or a newer Python.',
    example: 'import multiprocessing as mp\n\ndef square(x):\n    return x * x\n\nwith mp.Pool(4) as pool:\n    print(pool.map(square, range(10)))\n',
    useInstead: 'import multiprocessing as mp\n\ndef square(x):\n    return x * x\n\nif __name__ == "__main__":\n    with mp.Pool(4) as pool:\n        print(pool.map(square, range(10)))\n',
    fixSafety: 'Unsafe: the fix moves the statements from the first offending one to the end of their run (up to the next def, class, import or main guard, or the end of the file) under a new `if __name__ == "__main__":`. Those statements no longer run when the module is imported, so names they define are missing for importers and for the child processes; check that nothing outside the block relies on them.',
    versions: 'All Python 3 versions. The risk depends on the start method: spawn is the default on Windows and on macOS (since 3.8); on Linux the default was fork up to 3.13 and is forkserver from 3.14, which also re-imports the main module. The target version setting changes the wording of the message, not whether the rule fires.',
    references: [
      { title: 'multiprocessing: safe importing of main module', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing-safe-main-import' },
      { title: 'multiprocessing: contexts and start methods', url: 'https://docs.python.org/3/library/multiprocessing.html#contexts-and-start-methods' },
      { title: 'What’s New in Python 3.14: multiprocessing default start method', url: 'https://docs.python.org/3/whatsnew/3.14.html#multiprocessing' },
    ],
  },
};
