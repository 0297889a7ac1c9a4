// PIN201: a function of this file that is pure Python computation (loops over range(), arithmetic, a few builtins
// and math functions) run in several threads: Thread(target=f) in a loop or comprehension, or a thread pool's
// map(f, …) / submit(f, …) (submit in a loop). On a GIL build only one thread runs Python bytecode at a time, so the
// threads take turns instead of running in parallel. Information only: the code is correct, just not faster.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { THREAD_POOLS } from '../analysis/concurrency';
import { isPureComputation } from '../analysis/pureComputation';
import { keywordArgument, workerArgument } from '../analysis/workerCalls';
import { capture, type Rule } from './rule';

const REPEATS = ['for_statement', 'while_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression'];
/** Libraries whose operators and functions release the GIL: with them around, "arithmetic" may be parallel C code. */
const NATIVE_NUMERICS = /^\s*(?:import|from)\s+(?:numpy|scipy|pandas|torch|numba|cupy|jax|tensorflow|numexpr|cython)\b/m;

function repeated(node: SyntaxNode): boolean {
  for (let p = node.parent; p && p.type !== 'function_definition' && p.type !== 'class_definition' && p.type !== 'lambda'; p = p.parent) {
    if (REPEATS.includes(p.type)) return true;
  }
  return false;
}

export const cpuBoundThreads: Rule = {
  code: 'PIN201',
  name: 'cpu-bound-threads',
  family: 'threads',
  defaultSeverity: 'information',
  fixSafety: 'none',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bThread/) && !file.has(NATIVE_NUMERICS),
  query: `
(call function: [(attribute attribute: (identifier) @_cls) (identifier) @_cls] (#eq? @_cls "Thread") arguments: (argument_list)) @thread
(call function: (attribute object: (_) @pool attribute: (identifier) @_method (#any-of? @_method "map" "submit")) arguments: (argument_list)) @poolCall`,
  check(match, context) {
    const thread = capture(match, 'thread');
    const poolCall = capture(match, 'poolCall');
    const pool = capture(match, 'pool');
    const call = thread ?? poolCall;
    const args = call?.childForFieldName('arguments');
    if (!call || !args) return undefined;
    let worker: SyntaxNode | undefined;
    let api: string;
    if (thread) {
      if (context.names.qualifiedName(thread.childForFieldName('function')!) !== 'threading.Thread' || !repeated(thread)) return undefined;
      worker = keywordArgument(args, 'target');
      api = 'threading.Thread';
    } else {
      const factory = pool && context.names.producedBy(pool);
      const method = call.childForFieldName('function')?.childForFieldName('attribute')?.text;
      if (!factory || !THREAD_POOLS.has(factory) || (method === 'submit' && !repeated(call))) return undefined;
      worker = workerArgument(args)?.node;
      api = `${factory.split('.').pop() ?? factory}.${method ?? ''}`;
    }
    const definition = worker?.type === 'identifier' ? context.names.definitionOf(worker)?.node : undefined;
    if (!worker || definition?.type !== 'function_definition' || !isPureComputation(definition, context.names)) return undefined;

    const { major, minor } = context.settings.targetVersion;
    const freeThreading =
      major > 3 || (major === 3 && minor >= 13)
        ? ` (A free-threaded build of ${major}.${minor}, such as python${major}.${minor}t, has no GIL and does run them in parallel; the standard build still has one.)`
        : '';
    return {
      at: worker,
      message: `\`${worker.text}\` is pure Python computation (loops and arithmetic, no I/O or sleep), and ${api} runs it in several threads. Only the thread holding the GIL executes Python bytecode, so these threads take turns on one core: no faster than running the calls one after another, often a little slower. For CPU-bound work use processes: concurrent.futures.ProcessPoolExecutor or multiprocessing.Pool.${freeThreading}`,
    };
  },
  docs: {
    summary: 'Pure-Python CPU-bound work spread over threads, which the GIL runs one at a time.',
    what:
      'Reports, as information, a function defined in this file that is handed to several threads — `threading.Thread(target=f)` inside a loop or comprehension, a thread pool\'s `map(f, …)`, or `submit(f, …)` inside a loop (`concurrent.futures.ThreadPoolExecutor`, `multiprocessing.pool.ThreadPool`, `multiprocessing.dummy.Pool`) — when its body is pure computation: it has a loop, every `for` runs over `range()`, and it calls nothing but simple builtins (`len`, `sum`, `min`, `abs`, `int`, …), `math` functions and `list.append`. Any other call, `with`, `try`, `await`, `yield` or import makes the rule stay quiet, because the function might wait for I/O, a lock or a C extension that releases the GIL; so does a file that imports NumPy, pandas, PyTorch or similar libraries, whose operators release the GIL.',
    why:
      'CPython (the standard build) has a global interpreter lock: a thread must hold it to execute Python bytecode, and the interpreter makes the running thread hand it over periodically (every 5 ms by default, see `sys.getswitchinterval()`). Threads that wait on I/O or `time.sleep` release it, which is why threads speed up I/O-bound programs. Threads that only compute never wait, so they just alternate on one core, and the switching adds overhead. Separate processes each have their own interpreter and GIL and do run in parallel.',
    example:
      'import threading\n\ndef count_primes(limit):\n    found = 0\n    for n in range(2, limit):\n        if all(n % d for d in range(2, int(n ** 0.5) + 1)):\n            found += 1\n    return found\n\nthreads = [threading.Thread(target=count_primes, args=(50_000,)) for _ in range(4)]\n',
    useInstead:
      'from concurrent.futures import ProcessPoolExecutor\n\ndef count_primes(limit):\n    found = 0\n    for n in range(2, limit):\n        if all(n % d for d in range(2, int(n ** 0.5) + 1)):\n            found += 1\n    return found\n\nif __name__ == "__main__":\n    with ProcessPoolExecutor() as pool:\n        results = list(pool.map(count_primes, [50_000] * 4))\n',
    fixSafety: 'No fix: moving work to processes changes how arguments and results travel (they are pickled) and needs a `__main__` guard with the spawn and forkserver start methods, so it is a design change.',
    versions:
      'All CPython versions with the GIL. Python 3.13 added an optional free-threaded build (PEP 703, `python3.13t`) without a GIL, where such threads do run in parallel; when the target version is 3.13 or later the message says so. The standard build still has the GIL.',
    references: [
      { title: 'Global interpreter lock (glossary)', url: 'https://docs.python.org/3/glossary.html#term-global-interpreter-lock' },
      { title: 'threading: CPython implementation detail on the GIL', url: 'https://docs.python.org/3/library/threading.html' },
      { title: 'ProcessPoolExecutor (concurrent.futures)', url: 'https://docs.python.org/3/library/concurrent.futures.html#processpoolexecutor' },
      { title: 'Python support for free threading (HOWTO)', url: 'https://docs.python.org/3/howto/free-threading-python.html' },
    ],
  },
};
