// pyinsight/syntaxTree: the tree-sitter CST the server already holds, as plain data for the AST view. Walked with
// one TreeCursor and no recursion (a file can nest 100,000 levels deep), capped in size and depth so the answer
// can always be serialised and shown.
import type { SyntaxNode, SyntaxTreeParams, SyntaxTreeResult } from '../protocol';
import type { CancellationToken, SourceFile } from './types';

export interface SyntaxTreeLimits {
  /** Nodes in the answer; past it the walk stops and the result says `truncated`. */
  readonly maxNodes: number;
  /** Levels below the root; deeper nodes are left out (JSON-RPC and the view serialise recursively). */
  readonly maxDepth: number;
  /** Characters of leaf text kept. */
  readonly maxText: number;
}

export const defaultSyntaxTreeLimits: SyntaxTreeLimits = { maxNodes: 200000, maxDepth: 500, maxText: 80 };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type BuildNode = Mutable<Omit<SyntaxNode, 'children'>> & { children: BuildNode[] };

const CHECK_CANCEL_EVERY = 4096;

export function syntaxTree(
  file: SourceFile,
  params: Pick<SyntaxTreeParams, 'includeAnonymous'>,
  token: CancellationToken,
  limits: SyntaxTreeLimits = defaultSyntaxTreeLimits,
): SyntaxTreeResult {
  const text = file.document.getText();
  const cursor = file.tree.walk();
  try {
    // containers[d]: where a node at cursor depth d is attached (the children of its nearest included ancestor).
    const top: BuildNode[] = [];
    const containers: BuildNode[][] = [top];
    let depth = 0;
    let count = 0;
    let truncated = false;
    for (;;) {
      if (count % CHECK_CANCEL_EVERY === 0 && token.isCancellationRequested) return { kind: 'unavailable', message: 'Cancelled.' };
      const container = containers[depth];
      let node: BuildNode | undefined;
      if (depth === 0 || params.includeAnonymous || cursor.nodeIsNamed) {
        const start = cursor.startPosition;
        const end = cursor.endPosition;
        const type = cursor.nodeType;
        const field = cursor.currentFieldName;
        node = {
          id: count++,
          type,
          ...(field ? { field } : {}),
          named: cursor.nodeIsNamed,
          range: { start: { line: start.row, character: start.column }, end: { line: end.row, character: end.column } },
          isError: type === 'ERROR',
          isMissing: cursor.nodeIsMissing,
          children: [],
        };
        container.push(node);
      }
      const full = count >= limits.maxNodes;
      if (depth < limits.maxDepth && !full && cursor.gotoFirstChild()) {
        containers[++depth] = node ? node.children : container;
        continue;
      }
      const startIndex = cursor.startIndex;
      const endIndex = cursor.endIndex;
      if (cursor.gotoFirstChild()) {
        cursor.gotoParent();
        truncated = true; // children left out because of a limit
      } else if (node) {
        node.text = text.slice(startIndex, Math.min(endIndex, startIndex + limits.maxText));
      }
      if (full) {
        truncated = truncated || hasMore(cursor);
        break;
      }
      let done = false;
      while (!cursor.gotoNextSibling()) {
        if (depth === 0 || !cursor.gotoParent()) {
          done = true;
          break;
        }
        depth--;
      }
      if (done) break;
    }
    const root = top[0];
    if (!root) return { kind: 'unavailable', message: 'The document has no syntax tree.' };
    return { kind: 'ok', root, nodeCount: count, truncated };
  } finally {
    cursor.delete();
  }
}

/** Whether any node follows the cursor's node in pre-order (after its own subtree). */
function hasMore(cursor: { gotoNextSibling(): boolean; gotoParent(): boolean }): boolean {
  for (;;) {
    if (cursor.gotoNextSibling()) return true;
    if (!cursor.gotoParent()) return false;
  }
}
