// PIN104: `v.value += …` on a multiprocessing.Value without holding its lock. Reading and writing `.value` each take
// the Value's lock on their own, so the update is a read followed by a separate write, and concurrent updates from
// other processes are lost in between.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { isSharedValueName, sharedValueParameter } from '../analysis/sharedValues';
import { indentationAt, indentUnit, lineBreak, lineStartOf } from '../fixes/indent';
import { capture, type Finding, type Rule, type RuleContext, type RuleFix } from './rule';

const VALUE_ATTRIBUTE = '(attribute object: (identifier) @value attribute: (identifier) @attr (#eq? @attr "value"))';

/** Inside `with v.get_lock():` or `with v:` (a Synchronized object is its own lock), up to the enclosing function. */
function holdsLock(statement: SyntaxNode, name: string): boolean {
  for (let n = statement.parent; n && n.type !== 'function_definition' && n.type !== 'class_definition'; n = n.parent) {
    if (n.type !== 'with_statement') continue;
    for (const item of n.namedChildren) {
      if (item?.type !== 'with_clause') continue;
      for (const withItem of item.namedChildren) {
        const value = withItem?.childForFieldName('value');
        if (value?.type === 'identifier' && value.text === name) return true;
        const fn = value?.type === 'call' ? value.childForFieldName('function') : null;
        if (fn?.type === 'attribute' && fn.childForFieldName('object')?.text === name && fn.childForFieldName('attribute')?.text === 'get_lock') return true;
      }
    }
  }
  return false;
}

/** The function (or module) around the statement, where explicit `acquire()` calls would mean a lock is managed by hand. */
function enclosingCode(statement: SyntaxNode): SyntaxNode {
  let n: SyntaxNode = statement;
  while (n.parent && n.type !== 'function_definition') n = n.parent;
  return n;
}

/** `with v.get_lock():` around a statement that has its line to itself. */
function wrapInLock(context: RuleContext, statement: SyntaxNode, name: string): RuleFix | undefined {
  const { text } = context;
  const lineStart = lineStartOf(text, statement.startIndex);
  const rest = /^[ \t]*(#[^\r\n]*)?(\r\n|\n|\r|$)/.exec(text.slice(statement.endIndex));
  const parent = statement.parent;
  if (text.slice(lineStart, statement.startIndex).trim() !== '' || !rest || (parent?.type !== 'block' && parent?.type !== 'module')) return undefined;
  const indent = indentationAt(text, statement.startIndex);
  const unit = indentUnit(text, context.file.tree.rootNode);
  return {
    title: `Wrap in \`with ${name}.get_lock():\``,
    safety: 'safe',
    edits: [{ start: lineStart, end: statement.startIndex, newText: `${indent}with ${name}.get_lock():${lineBreak(text)}${indent}${unit}` }],
  };
}

export const sharedValueRace: Rule = {
  code: 'PIN104',
  name: 'shared-value-race',
  family: 'multiprocessing',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  equivalentCodes: [],
  scope: 'statement',
  // sharedValueParameter() looks for `target=f` anywhere; a module-level update reads the whole module for `.acquire(`.
  textDependencies: [/\btarget\b/, /\bacquire\b/],
  appliesTo: (file) => file.has(/\bValue\b/),
  query: `
(augmented_assignment left: ${VALUE_ATTRIBUTE} operator: ["+=" "-="]) @update
(assignment left: ${VALUE_ATTRIBUTE} right: (binary_operator left: (attribute object: (identifier) @read attribute: (identifier) @readattr (#eq? @readattr "value")) operator: ["+" "-"])) @update`,
  check(match, context) {
    const update = capture(match, 'update');
    const value = capture(match, 'value');
    const read = capture(match, 'read');
    const statement = update?.parent;
    if (!update || !value || statement?.type !== 'expression_statement' || (read && read.text !== value.text)) return undefined;
    if (holdsLock(statement, value.text) || /\.acquire\s*\(/.test(enclosingCode(statement).text)) return undefined;
    const direct = isSharedValueName(context.names, value);
    const process = direct ? undefined : sharedValueParameter(context.names, value, context.text, context.file.tree.rootNode);
    if (!direct && !process) return undefined;
    const name = value.text;
    const origin = direct
      ? `\`${name}\` is a multiprocessing.Value`
      : `\`${name}\` receives a multiprocessing.Value from the Process started on line ${process!.startPosition.row + 1}`;
    const finding: Finding = {
      at: update,
      message: `${origin}, and this update is a read of \`${name}.value\` followed by a separate write: each access takes the Value's lock on its own, so another process can change the value in between and one of the updates is lost. Hold the lock for the whole update: \`with ${name}.get_lock():\`.`,
      fix: wrapInLock(context, statement, name),
    };
    return finding;
  },
  docs: {
    summary: 'A read-modify-write of a `multiprocessing.Value` (`v.value += 1`) without holding its lock.',
    what: "Flags `v.value += …`, `v.value -= …` and `v.value = v.value ± …` when `v` is bound in this file to `multiprocessing.Value(…)` (or `multiprocessing.sharedctypes.Value`, or a context's `Value`) with its default lock, or is a parameter of a function this file starts with `Process(target=f, args=(…))` passing such a Value in that position. Updates inside `with v.get_lock():` or `with v:` are fine. Values created with `lock=False` (no lock to take) or with a lock of your own (`lock=some_lock`), and functions that call `acquire()` themselves, are left alone.",
    why: "`Value` returns a synchronized wrapper whose `value` property takes the wrapper's lock (an `RLock` by default) for each get and each set separately. `v.value += 1` is therefore two locked steps, a read and then a write, with the lock released in between; when several processes do it at once, two of them can read the same old number and both write old + 1, and an increment disappears. Taking `v.get_lock()` around the statement makes the read and the write one step.",
    example: 'from multiprocessing import Process, Value\n\ndef count(total):\n    for _ in range(10_000):\n        total.value += 1  # increments from other processes get lost\n\nif __name__ == "__main__":\n    total = Value("i", 0)\n    workers = [Process(target=count, args=(total,)) for _ in range(4)]\n',
    useInstead: 'def count(total):\n    for _ in range(10_000):\n        with total.get_lock():\n            total.value += 1\n',
    fixSafety: 'Safe: the fix puts the statement in `with v.get_lock():`, using the file\'s indentation and line breaks. The default lock is re-entrant, so code that already holds it elsewhere keeps working. It is offered only when the statement has its line to itself.',
    versions: 'All Python 3 versions.',
    references: [
      { title: 'multiprocessing.Value (get_lock and the race in +=)', url: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Value' },
      { title: 'Sharing state between processes', url: 'https://docs.python.org/3/library/multiprocessing.html#sharing-state-between-processes' },
    ],
  },
};
