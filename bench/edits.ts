// Seeded single-character edits, as a user types: a character typed (or deleted) at a random place, then undone by
// the next edit (the typo fixed, the character typed back). The document therefore returns to the original text
// after every pair and never drifts into noise, while half of the states measured are freshly broken code.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { loadPythonGrammar } from '../server/src/parsing/treeSitter';
import { prng } from './common';

export interface BenchEdit {
  readonly change: TextDocumentContentChangeEvent;
  readonly kind: 'insert' | 'delete';
  /** Where the edit is: on a line inside a function body, or elsewhere (module or class level, decorators, …). */
  readonly inFunctionBody: boolean;
  /** 0-based line of the edit. */
  readonly line: number;
}

/** Mostly identifier characters, as in real typing, plus the punctuation that changes the tree's shape. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz_etaoinsr0123456789     ().,:=[]"\'#+\n';

/** Lines (0-based) inside a function body of `text`, found with the real parser (one query, no JS walk). */
export async function functionBodyLines(text: string): Promise<ReadonlySet<number>> {
  const grammar = await loadPythonGrammar();
  const parser = grammar.createParser();
  const tree = parser.parse(text);
  const query = grammar.query('(function_definition body: (block) @body)');
  const lines = new Set<number>();
  try {
    for (const match of tree ? query.matches(tree.rootNode) : []) {
      const body = match.captures[0].node;
      for (let line = body.startPosition.row; line <= body.endPosition.row; line++) lines.add(line);
    }
  } finally {
    query.delete();
    tree?.delete();
    parser.delete();
  }
  return lines;
}

export class EditSequence {
  private readonly random: () => number;
  private readonly lines: string[];
  /** The edit that undoes the last one, when the last one was a mutation. */
  private pendingUndo: BenchEdit | undefined;

  constructor(original: string, seed: number, private readonly bodyLines: ReadonlySet<number>) {
    this.random = prng(seed);
    this.lines = original.split('\n');
  }

  next(): BenchEdit {
    if (this.pendingUndo) {
      const undo = this.pendingUndo;
      this.pendingUndo = undefined;
      return undo;
    }
    const pick = (n: number) => Math.floor(this.random() * n);
    const line = pick(this.lines.length);
    const length = this.lines[line].replace(/\r$/, '').length;
    const character = pick(length + 1);
    const inFunctionBody = this.bodyLines.has(line);
    const at = { line, character };
    if (character < length && this.random() < 0.4) {
      const removed = this.lines[line][character];
      this.pendingUndo = { change: { range: { start: at, end: at }, text: removed }, kind: 'insert', inFunctionBody, line };
      return { change: { range: { start: at, end: { line, character: character + 1 } }, text: '' }, kind: 'delete', inFunctionBody, line };
    }
    const typed = ALPHABET[pick(ALPHABET.length)];
    // Undoing a typed newline joins the two lines again: the range runs to the start of the next line.
    const end = typed === '\n' ? { line: line + 1, character: 0 } : { line, character: character + 1 };
    this.pendingUndo = { change: { range: { start: at, end }, text: '' }, kind: 'delete', inFunctionBody, line };
    return { change: { range: { start: at, end: at }, text: typed }, kind: 'insert', inFunctionBody, line };
  }
}
