// Per open document: the text, its version and its tree-sitter tree, kept in step by incremental edits.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { rowStarts, toTreeEdit } from './parsing/edits';
import { Edit, parseText, type PythonGrammar, type Tree } from './parsing/treeSitter';

/** One consistent snapshot: `tree` is the parse of exactly `document.getText()`. */
export interface ParsedDocument {
  readonly uri: string;
  readonly document: TextDocument;
  readonly tree: Tree;
}

export class DocumentStore {
  private readonly parser;
  private readonly open = new Map<string, ParsedDocument>();

  constructor(grammar: PythonGrammar) {
    this.parser = grammar.createParser();
  }

  get(uri: string): ParsedDocument | undefined {
    return this.open.get(uri);
  }

  all(): IterableIterator<ParsedDocument> {
    return this.open.values();
  }

  openDocument(uri: string, languageId: string, version: number, text: string): ParsedDocument {
    this.close(uri);
    const entry = { uri, document: TextDocument.create(uri, languageId, version, text), tree: parseText(this.parser, text) };
    this.open.set(uri, entry);
    return entry;
  }

  /**
   * Applies one didChange event. Each ranged change is mirrored by a tree.edit against the text as it was just
   * before that change; the tree is reparsed once at the end, reusing the edited old tree, which is then deleted.
   */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): ParsedDocument | undefined {
    const entry = this.open.get(uri);
    if (!entry) return undefined;
    const { document, tree } = entry;
    let reusable = true;
    for (const change of changes) {
      if ('range' in change) {
        const before = document.getText();
        const startIndex = document.offsetAt(change.range.start);
        const oldEndIndex = Math.max(startIndex, document.offsetAt(change.range.end));
        tree.edit(new Edit(toTreeEdit(rowStarts(before), { startIndex, oldEndIndex, newText: change.text })));
      } else {
        reusable = false; // a full replacement shares nothing worth reusing
      }
      TextDocument.update(document, [change], version);
    }
    const next = { uri, document, tree: parseText(this.parser, document.getText(), reusable ? tree : undefined) };
    this.open.set(uri, next);
    tree.delete();
    return next;
  }

  close(uri: string): void {
    this.open.get(uri)?.tree.delete();
    this.open.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.open.keys()]) this.close(uri);
    this.parser.delete();
  }
}
