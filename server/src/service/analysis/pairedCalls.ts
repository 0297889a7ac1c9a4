// Helpers for rules about paired calls (disable/enable, acquire/release): finding the partner call inside the
// statements of one scope, and telling whether a `finally` clause already guarantees it. Searches stay local to the
// statements handed in; nested def / class / lambda bodies are other scopes and are skipped.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { record } from './dependencies';

const OTHER_SCOPES = new Set(['function_definition', 'class_definition', 'lambda', 'decorated_definition']);

/** Calls under `node` (itself included) that are not inside a nested def, class or lambda. */
export function callsIn(node: SyntaxNode): SyntaxNode[] {
  if (OTHER_SCOPES.has(node.type)) return [];
  const calls: SyntaxNode[] = [];
  for (const call of node.descendantsOfType('call')) {
    if (!call || call.id === node.id) continue;
    let nested = false;
    for (let p = call.parent; p && p.id !== node.id; p = p.parent) {
      if (OTHER_SCOPES.has(p.type)) {
        nested = true;
        break;
      }
    }
    if (!nested) calls.push(call);
  }
  return node.type === 'call' ? [node, ...calls] : calls;
}

/** The nearest def / lambda around `node`, or the module (whose statements callers then search: the whole file). */
export function scopeOf(node: SyntaxNode): SyntaxNode {
  let p = node.parent;
  while (p && p.type !== 'function_definition' && p.type !== 'lambda' && p.type !== 'module') p = p.parent;
  if (!p || p.type === 'module') record.wholeFile();
  return p ?? node;
}

/** The finally clause of a try statement, if any. */
export function finallyOf(tryStatement: SyntaxNode): SyntaxNode | undefined {
  return tryStatement.namedChildren.find((c) => c?.type === 'finally_clause') ?? undefined;
}

/**
 * True when `statement` is protected by a `finally` containing a matching call: either the statement sits in the
 * body of a try (in the same scope) whose finally has one, or the next statement of its block is such a try.
 */
export function guardedByFinally(statement: SyntaxNode, isPartner: (call: SyntaxNode) => boolean): boolean {
  const has = (tryStatement: SyntaxNode | null | undefined): boolean => {
    const clause = tryStatement?.type === 'try_statement' ? finallyOf(tryStatement) : undefined;
    return !!clause && callsIn(clause).some(isPartner);
  };
  // Directly in a module or class body, the statements after this one are other top-level statements or members.
  const container = statement.parent;
  if (container?.type === 'module' || container?.parent?.type === 'class_definition') record.wholeFile();
  let next = statement.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  if (has(next)) return true;
  for (let p = statement.parent; p && !OTHER_SCOPES.has(p.type) && p.type !== 'module'; p = p.parent) {
    if (p.type === 'block' && p.parent?.type === 'try_statement' && p.parent.childForFieldName('body')?.id === p.id && has(p.parent)) return true;
  }
  return false;
}

/** Whether any statement in the list can leave it early: return, break, continue, yield or await. */
export function hasJumps(statements: readonly SyntaxNode[]): boolean {
  const jumps = ['return_statement', 'break_statement', 'continue_statement', 'yield', 'await'];
  return statements.some((s) => jumps.includes(s.type) || s.descendantsOfType(jumps).length > 0);
}
