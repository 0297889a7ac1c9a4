// Where a node runs relative to an `async def`: code in the coroutine's own body runs on the event loop's thread when
// the coroutine is driven. Nested `def`s and lambdas run whenever they are called, and generator expressions whenever
// they are consumed, so anything under them is not "directly inside" the async def.
import type { SyntaxNode } from '../../parsing/treeSitter';

export interface AsyncPlacement {
  /** The async function_definition whose body holds the node. */
  readonly fn: SyntaxNode;
  /** False when a class body lies in between: the code still runs in the coroutine, but `await` is a SyntaxError there. */
  readonly awaitAllowed: boolean;
}

export function isAsyncDef(node: SyntaxNode): boolean {
  return node.type === 'function_definition' && node.child(0)?.type === 'async';
}

/** The async def that runs `node` directly, or undefined (module level, a nested sync def, a lambda, a genexp, …). */
export function enclosingAsyncDef(node: SyntaxNode): AsyncPlacement | undefined {
  let awaitAllowed = true;
  let previous = node;
  for (let p = node.parent; p; previous = p, p = p.parent) {
    switch (p.type) {
      case 'function_definition':
        // Parameters, annotations and the return type are left alone: their evaluation depends on the future import.
        if (p.childForFieldName('body')?.id !== previous.id) return undefined;
        return isAsyncDef(p) ? { fn: p, awaitAllowed } : undefined;
      case 'lambda':
      case 'generator_expression':
      case 'module':
        return undefined;
      case 'class_definition':
        awaitAllowed = false;
        break;
      default:
        break;
    }
  }
  return undefined;
}
