// `if __name__ == "__main__":` and "does this code run when the module is imported?". Both answers follow parent
// links only (a handful of nodes per question), never a walk over the tree.
import type { SyntaxNode } from '../../parsing/treeSitter';

/** `__name__ == "__main__"` in either order, either quote style, or such a test joined with `and` to another. */
export function isMainGuardTest(condition: SyntaxNode): boolean {
  // A worklist rather than recursion: `a and b and …` chains can be longer than the JavaScript stack is deep.
  const pending: SyntaxNode[] = [condition];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'parenthesized_expression') {
      const inner = node.namedChildren.filter((c) => c?.type !== 'comment');
      if (inner.length === 1 && inner[0]) pending.push(inner[0]);
    } else if (node.type === 'boolean_operator') {
      // `A and B` is only true when both are, so a guard on either side still guards the body; `or` does not.
      if (node.childForFieldName('operator')?.type !== 'and') continue;
      const right = node.childForFieldName('right');
      const left = node.childForFieldName('left');
      if (right) pending.push(right);
      if (left) pending.push(left);
    } else if (isGuardComparison(node)) return true;
  }
  return false;
}

function isGuardComparison(condition: SyntaxNode): boolean {
  if (condition.type !== 'comparison_operator' || condition.namedChildCount !== 2) return false;
  if (condition.child(1)?.type !== '==') return false;
  const [a, b] = [condition.namedChild(0), condition.namedChild(1)];
  return !!a && !!b && ((isDunderName(a) && isMainString(b)) || (isMainString(a) && isDunderName(b)));
}

function isDunderName(node: SyntaxNode): boolean {
  return node.type === 'identifier' && node.text === '__name__';
}

function isMainString(node: SyntaxNode): boolean {
  if (node.type !== 'string') return false;
  const prefix = (node.firstChild?.text ?? '').replace(/['"]+$/, '');
  const content = node.namedChildren.filter((c) => c?.type === 'string_content');
  return prefix === '' && content.length === 1 && content[0]?.text === '__main__';
}

/** True for an `if` statement whose own test is a main guard (its `elif`s are not looked at). */
export function isMainGuard(statement: SyntaxNode): boolean {
  const condition = statement.type === 'if_statement' ? statement.childForFieldName('condition') : null;
  return !!condition && isMainGuardTest(condition);
}

/** True when `node` is in the body of an `if`/`elif` branch whose test is a main guard, at any depth. */
export function underMainGuard(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n?.parent; n = n.parent) {
    const parent = n.parent;
    if (n.type !== 'block' || (parent.type !== 'if_statement' && parent.type !== 'elif_clause')) continue;
    const condition = parent.childForFieldName('condition');
    if (condition && isMainGuardTest(condition) && parent.childForFieldName('consequence')?.id === n.id) return true;
  }
  return false;
}

const DEFERRED = new Set(['function_definition', 'class_definition', 'lambda']);

/**
 * True when `node` is executed as part of importing the module: not inside a def, class body or lambda, and not
 * under a main guard. (Class bodies do run on import, but the rules that use this treat them like defs.)
 */
export function runsOnImport(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) if (DEFERRED.has(n.type)) return false;
  return !underMainGuard(node);
}

/** The statement directly under `module` that contains `node`. */
export function topLevelStatement(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = node;
  while (n?.parent && n.parent.type !== 'module') n = n.parent;
  return n?.parent ? n : undefined;
}
