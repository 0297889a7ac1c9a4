// Per open document: the text, its version and its tree-sitter tree, kept in step by incremental edits.
import { TextDocument, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { rowStarts, toTreeEdit, treeEditWith } from './parsing/edits';
import { DEFAULT_PARSE_LIMITS, nestingExceeds, timedOutReason, tooDeepReason, tooLongReason, type ParseLimits } from './parsing/limits';
import { Edit, parseWithin, type PythonGrammar, type Tree } from './parsing/treeSitter';
import { combine, MAX_CHAIN, widen, type EditSpan } from './service/analysis/changes';
import type { DocumentChange } from './service/types';

/** One consistent snapshot: `tree` is the parse of exactly `document.getText()`. */
export interface ParsedDocument {
  readonly uri: string;
  readonly document: TextDocument;
  readonly tree: Tree;
  /** What changed since the previous snapshot, when this one came from an incremental reparse (see DocumentChange). */
  readonly change?: DocumentChange;
}

/** An open document, analysable or not: the text is always kept in step with the client's. */
export interface OpenDocumentState {
  readonly document: TextDocument;
  /** Why the document is not analysed (too large, too slow to parse, nested too deeply); undefined when it is. */
  readonly skipped?: string;
}

interface Entry extends OpenDocumentState {
  /**
   * The parse of exactly the text when there is one (kept for a too-deep document, so the next edit reuses it); after
   * a reparse ran out of time, the older tree with every edit since applied, the base for the next reparse.
   */
  readonly tree?: Tree;
  /** Set exactly when the document is analysable. */
  readonly parsed?: ParsedDocument;
  /** After a parse ran out of time: parse again only once the text is shorter than this. */
  readonly retryBelow?: number;
}

/**
 * Open documents and their trees. Input the analysis cannot afford (see parsing/limits.ts) is still tracked: its
 * text follows every edit, nothing is lost, but `get` has no snapshot for it, so requests answer empty.
 */
export class DocumentStore {
  private readonly parser;
  private readonly entries = new Map<string, Entry>();

  constructor(
    grammar: PythonGrammar,
    private readonly limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  ) {
    this.parser = grammar.createParser();
  }

  /** The analysable snapshot of `uri`; undefined when it is not open or not analysed (see `state`). */
  get(uri: string): ParsedDocument | undefined {
    return this.entries.get(uri)?.parsed;
  }

  /** Text, version and analysability of an open document; undefined when `uri` is not open. */
  state(uri: string): OpenDocumentState | undefined {
    return this.entries.get(uri);
  }

  /** The analysable open documents. */
  *all(): IterableIterator<ParsedDocument> {
    for (const entry of this.entries.values()) if (entry.parsed) yield entry.parsed;
  }

  /** Opens (or reopens) a document; returns its snapshot, or undefined when it is not analysed. */
  open(uri: string, languageId: string, version: number, text: string): ParsedDocument | undefined {
    this.close(uri);
    const entry = this.parse(uri, TextDocument.create(uri, languageId, version, text), this.limits.fullParseMs);
    this.entries.set(uri, entry);
    return entry.parsed;
  }

  /** `open` for callers that need the tree of ordinary text (tests, benchmarks): throws when it is not analysed. */
  openDocument(uri: string, languageId: string, version: number, text: string): ParsedDocument {
    const parsed = this.open(uri, languageId, version, text);
    if (!parsed) throw new Error(`${uri} ${this.entries.get(uri)?.skipped ?? 'was not parsed'}`);
    return parsed;
  }

  /**
   * Applies one didChange event. Each ranged change is mirrored by a tree.edit against the text as it was just
   * before that change; the tree is reparsed once at the end, reusing the edited old tree, which is then deleted.
   * Returns the new snapshot; undefined when the document is not open or not analysable after the change.
   */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): ParsedDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    const { document, tree } = entry;
    let reusable = tree !== undefined;
    let span: EditSpan | undefined;
    for (const change of changes) {
      if (!('range' in change)) {
        reusable = false; // a full replacement shares nothing worth reusing
      } else if (tree) {
        const step = editTree(tree, document, change.range, change.text);
        span = span ? combine(span, step) : step;
      }
      TextDocument.update(document, [change], version);
    }
    const budget = reusable ? this.limits.editParseMs : this.limits.fullParseMs;
    const parsed = this.parse(uri, document, budget, reusable ? tree : undefined, entry.retryBelow);
    const previous = entry.parsed;
    // The analysis may reuse results of the previous snapshot outside the span (widened by tree-sitter's changed ranges,
    // which must be asked of the old tree before it is deleted).
    const next = reusable && span && tree && previous && parsed.parsed
      ? { ...parsed, parsed: { ...parsed.parsed, change: changeSince(previous, tree, parsed.parsed.tree, span) } }
      : parsed;
    this.entries.set(uri, next);
    if (tree && next.tree !== tree) tree.delete();
    return next.parsed;
  }

  close(uri: string): void {
    this.entries.get(uri)?.tree?.delete();
    this.entries.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.entries.keys()]) this.close(uri);
    this.parser.delete();
  }

  /** Parses the document's text within the limits; an entry says why when it is not analysable. */
  private parse(uri: string, document: TextDocument, budgetMs: number, oldTree?: Tree, retryBelow?: number): Entry {
    const text = document.getText();
    const tooLong = tooLongReason(text.length, this.limits);
    if (tooLong) return { document, skipped: tooLong };
    if (retryBelow !== undefined && text.length >= retryBelow) return { document, skipped: timedOutReason(this.limits.fullParseMs, false), retryBelow };
    const tree = parseWithin(this.parser, text, budgetMs, oldTree);
    // An edit's reparse ran out of time: keep the edited old tree, which stays a valid base for the next edits (they
    // are applied to it too), so a later reparse has only their difference to do, as when a string is closed again.
    if (!tree && oldTree) return { document, tree: oldTree, skipped: timedOutReason(budgetMs, true) };
    // A parse from scratch ran out of time: retry only on half the text, or every keystroke would cost the budget.
    if (!tree) return { document, skipped: timedOutReason(budgetMs, false), retryBelow: Math.floor(text.length / 2) };
    if (nestingExceeds(tree, this.limits.maxNesting)) return { document, tree, skipped: tooDeepReason(this.limits) };
    return { document, tree, parsed: { uri, document, tree } };
  }
}

/** A '\r' that is a line break of its own for LSP (and none for tree-sitter). */
const LONE_CR = /\r(?!\n)/;

/**
 * Mirrors the replacement of `range` of the document's text (before the change) by `newText` on `tree`, and returns
 * it as a step of the snapshots' edit span. tree-sitter rows break at '\n' only and LSP lines also at a lone '\r':
 * without a lone '\r' they agree (CRLF included: an LSP offset is never between the two), and the document's own
 * line index gives the points instead of a count of the rows of the whole text per keystroke.
 */
function editTree(tree: Tree, document: TextDocument, range: Range, newText: string): EditSpan {
  const before = document.getText();
  // TextDocument.update swaps a reversed range; the tree edit must describe the same replacement.
  const [a, b] = [document.offsetAt(range.start), document.offsetAt(range.end)];
  const span = { startIndex: Math.min(a, b), oldEndIndex: Math.max(a, b), newText };
  const point = (offset: number) => {
    const { line, character } = document.positionAt(offset);
    return { row: line, column: character };
  };
  const edit = LONE_CR.test(before) ? toTreeEdit(rowStarts(before), span) : treeEditWith(point, span);
  tree.edit(new Edit(edit));
  // Rows are counted in '\n' on both sides, as rowDelta wants.
  return { start: edit.startIndex, oldEnd: edit.oldEndIndex, newEnd: edit.newEndIndex, rowDelta: edit.newEndPosition.row - edit.oldEndPosition.row };
}

/** The step from `previous` (whose tree, already edited, is `oldTree`) to `newTree`, chained to earlier steps. */
function changeSince(previous: ParsedDocument, oldTree: Tree, newTree: Tree, span: EditSpan): DocumentChange {
  const widened = widen(span, oldTree.getChangedRanges(newTree));
  let chain = previous.change;
  let length = 0;
  for (let c = chain; c; c = c.previous) length++;
  // Keep the chain bounded: a consumer that far behind analyses from scratch anyway.
  if (length >= MAX_CHAIN) chain = undefined;
  return { previousTree: oldTree, ...widened, previous: chain };
}
