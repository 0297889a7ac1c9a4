// PIN202: `global x` + `x += <something with a call>` in a function that this file starts in several threads
// (Thread(target=f) in a loop or comprehension), with no lock in sight. `x += e` is LOAD_GLOBAL, evaluate e,
// BINARY_OP, STORE_GLOBAL: a call inside e lets the interpreter switch threads between the load and the store, so
// updates are lost. Only immutable globals (numbers, strings) lose updates that way; `+=` on a list mutates in place.
// A constant right-hand side (`x += 1`) is left alone: on GIL builds from 3.10 on no switch happens inside it, so
// the loss is not certain there (it is still unsafe, and on free-threaded builds it does race).
import type { SyntaxNode } from '../../parsing/treeSitter';
import { lockKind } from '../analysis/locks';
import { callsIn } from '../analysis/pairedCalls';
import { keywordArgument } from '../analysis/workerCalls';
import { indentationAt, indentLines, indentUnit, lineBreak, lineStartOf } from '../fixes/indent';
import type { OffsetEdit } from '../types';
import { capture, type Finding, type Rule, type RuleContext } from './rule';

const OTHER_SCOPES = ['function_definition', 'class_definition', 'lambda'];
const REPEATS = ['for_statement', 'while_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression'];
const IMMUTABLE_VALUES = new Set(['integer', 'float', 'string', 'concatenated_string', 'unary_operator', 'true', 'false']);

/** Walks up from `node` to the nearest def/class/lambda, calling `test` on each ancestor. */
function someAncestor(node: SyntaxNode, test: (n: SyntaxNode) => boolean): boolean {
  for (let p = node.parent; p && !OTHER_SCOPES.includes(p.type); p = p.parent) if (test(p)) return true;
  return false;
}

/** Every module-level assignment of `name` gives it a number or string literal (so `+=` rebinds, never mutates). */
function immutableGlobal(name: string, context: RuleContext): boolean {
  const bindings = context.names.index.module.bindings.get(name);
  if (!bindings?.some((b) => b.kind === 'assign')) return false;
  // Augmented assignments (through `global`) bind the name too; they rebind it, to a value of the same kind.
  const augmented = (node: SyntaxNode) => node.parent?.type === 'augmented_assignment' && node.parent.childForFieldName('left')?.id === node.id;
  return bindings.every((b) => (b.kind === 'assign' && IMMUTABLE_VALUES.has(b.value.type)) || (b.kind === 'other' && augmented(b.node)));
}

/** The single module-level name bound to threading.Lock() / RLock(), if there is exactly one. */
function moduleLock(context: RuleContext): string | undefined {
  const locks: string[] = [];
  for (const [name, bindings] of context.names.index.module.bindings) {
    if (bindings.length === 1 && bindings[0].kind === 'assign' && bindings[0].value.type === 'call') {
      const factory = context.names.qualifiedName(bindings[0].value.childForFieldName('function')!);
      if (factory?.startsWith('threading.') && lockKind(factory) === 'lock') locks.push(name);
    }
  }
  return locks.length === 1 ? locks[0] : undefined;
}

function lockEdits(statement: SyntaxNode, lock: string, context: RuleContext): OffsetEdit[] | undefined {
  const text = context.text;
  const indent = indentationAt(text, statement.startIndex);
  if (lineStartOf(text, statement.startIndex) + indent.length !== statement.startIndex) return undefined;
  const after = statement.nextSibling;
  if (after && after.type !== 'comment' && after.startPosition.row === statement.endPosition.row) return undefined;
  const root = context.file.tree.rootNode;
  const edits = indentLines(text, root, statement.startIndex, statement.endIndex, indentUnit(text, root));
  if (edits[0]?.start !== lineStartOf(text, statement.startIndex)) return undefined;
  edits[0] = { ...edits[0], newText: `${indent}with ${lock}:${lineBreak(text)}${edits[0].newText}` };
  return edits;
}

export const unlockedGlobalUpdateInThread: Rule = {
  code: 'PIN202',
  name: 'unlocked-global-update-in-thread',
  family: 'threads',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bThread\b/) && file.has(/\bglobal\b/),
  query: `(call function: [(attribute attribute: (identifier) @_cls) (identifier) @_cls] (#eq? @_cls "Thread") arguments: (argument_list)) @call`,
  check(match, context) {
    const call = capture(match, 'call');
    const args = call?.childForFieldName('arguments');
    const target = args && keywordArgument(args, 'target');
    if (!call || target?.type !== 'identifier' || context.names.qualifiedName(call.childForFieldName('function')!) !== 'threading.Thread') return undefined;
    if (!someAncestor(call, (p) => REPEATS.includes(p.type))) return undefined;
    const fn = context.names.definitionOf(target)?.node;
    const body = fn?.type === 'function_definition' ? fn.childForFieldName('body') : undefined;
    if (!fn || !body) return undefined;

    const globals = new Set(body.descendantsOfType('global_statement').filter((g) => !!g && inScope(g, fn)).flatMap((g) => g!.namedChildren.map((n) => n?.text ?? '')));
    if (globals.size === 0) return undefined;
    // Any manual locking in the function: the author is synchronizing somehow, so stay quiet.
    if (body.descendantsOfType('with_statement').some((w) => !!w && inScope(w, fn))) return undefined;
    if (callsIn(body).some((c) => c.childForFieldName('function')?.childForFieldName('attribute')?.text === 'acquire')) return undefined;

    const lock = moduleLock(context);
    const findings: Finding[] = [];
    for (const update of body.descendantsOfType('augmented_assignment')) {
      const left = update?.childForFieldName('left');
      const right = update?.childForFieldName('right');
      if (!update || left?.type !== 'identifier' || !right || !globals.has(left.text) || !inScope(update, fn)) continue;
      if (callsIn(right).length === 0 || !immutableGlobal(left.text, context)) continue;
      const statement = update.parent?.type === 'expression_statement' && update.parent.namedChildCount === 1 ? update.parent : undefined;
      const edits = lock && statement ? lockEdits(statement, lock, context) : undefined;
      findings.push({
        at: update,
        message: `\`${target.text}\` runs in several threads started on line ${call.startPosition.row + 1}, and \`${left.text} ${update.childForFieldName('operator')?.text ?? '+='} …\` is a read-modify-write of a global: the old value is loaded, the right-hand side is computed (a call there lets other threads run), and the result is stored, overwriting updates other threads made meanwhile. The GIL does not make this atomic; guard it with a \`threading.Lock\` (\`with lock:\`).`,
        fix: edits && { title: `Guard the update with \`with ${lock}:\``, safety: 'unsafe', edits },
      });
    }
    return findings;
  },
  docs: {
    summary: 'A thread target updates a global with `x += f(...)` without a lock, so concurrent updates are lost.',
    what:
      'Flags `x op= <expression containing a call>` on a name declared `global x` in a function of this file that is started in several threads: `threading.Thread(target=f)` inside a loop or comprehension. Only globals that the module binds to numbers or strings are considered, since `+=` on those builds a new object and stores it back; on a list it extends the shared list in place instead. It is quiet when the function uses any `with` statement or calls an `acquire()` method (some synchronization is going on), and for a constant right-hand side such as `x += 1` (see Versions).',
    why:
      '`x += f()` compiles to four steps: LOAD_GLOBAL x, the call, BINARY_OP, STORE_GLOBAL x (see `dis`). The GIL only guarantees that one bytecode instruction runs at a time, not that a statement does; the interpreter may switch to another thread at a call. When two threads load the same old value, each adds its own part and stores, and one of the stores overwrites the other: that update is lost. A small test with four threads each adding `i % 3 + len(str(i)) * 0` 200,000 times lost a large share of the updates on CPython 3.11 (the result differs from run to run).',
    example: 'import threading\n\ntotal = 0\n\ndef work(items):\n    global total\n    for item in items:\n        total += len(item)\n\nthreads = [threading.Thread(target=work, args=(chunk,)) for chunk in (["a"], ["bb"])]\n',
    useInstead: 'import threading\n\ntotal = 0\ntotal_lock = threading.Lock()\n\ndef work(items):\n    global total\n    for item in items:\n        size = len(item)\n        with total_lock:\n            total += size\n\nthreads = [threading.Thread(target=work, args=(chunk,)) for chunk in (["a"], ["bb"])]\n',
    fixSafety:
      'When the module binds exactly one name to `threading.Lock()` or `threading.RLock()`, the fix wraps the update in `with <that lock>:`. It is always unsafe: the lock is assumed to be meant for this global, the right-hand side now runs while the lock is held (a plain Lock deadlocks if that call takes the same lock again), and moving the call out of the locked region, as in the example, is often better. No fix is offered when there is no such lock or more than one.',
    versions:
      'All Python 3 versions. On GIL builds since 3.10 the interpreter switches threads only at certain instructions (calls, backward jumps), which is why `x += 1` alone rarely loses updates there; it is still not atomic by any guarantee, and on free-threaded builds (3.13t and later) it races too. PIN202 reports only the shapes with a call in between, where the loss happens on every version.',
    references: [
      { title: 'threading: Lock objects', url: 'https://docs.python.org/3/library/threading.html#lock-objects' },
      { title: 'What kinds of global value mutation are thread-safe? (Library FAQ)', url: 'https://docs.python.org/3/faq/library.html#what-kinds-of-global-value-mutation-are-thread-safe' },
      { title: 'Augmented assignment statements (Python reference)', url: 'https://docs.python.org/3/reference/simple_stmts.html#augmented-assignment-statements' },
    ],
  },
};

/** `node` belongs to `fn` itself, not to a def, class or lambda nested in it. */
function inScope(node: SyntaxNode, fn: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.id === fn.id) return true;
    if (OTHER_SCOPES.includes(p.type)) return false;
  }
  return false;
}
