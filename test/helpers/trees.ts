// References for the document-store tests, computed independently of the code under test: LSP positions by hand,
// and every node of a tree by a cursor walk (fine in a test, too slow for the hot path).
import type { Position } from 'vscode-languageserver-textdocument';
import type { Tree } from '../../server/src/parsing/treeSitter';

/** The LSP position of a UTF-16 offset: lines end at \r\n, \n or a lone \r; characters count UTF-16 units. */
export function lspPosition(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export type TreeCursor = ReturnType<Tree['walk']>;

/** `describe` applied at every node of `tree`, in pre-order (the cursor stands on the node). */
export function describeNodes(tree: Tree, describe: (cursor: TreeCursor) => string): string[] {
  const out: string[] = [];
  const cursor = tree.walk();
  for (;;) {
    out.push(describe(cursor));
    if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
    let done = true;
    while (cursor.gotoParent()) {
      if (cursor.gotoNextSibling()) {
        done = false;
        break;
      }
    }
    if (done) break;
  }
  cursor.delete();
  return out;
}
