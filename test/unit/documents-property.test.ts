// 10,000 random edit sequences through the LSP document path (DocumentStore.change: UTF-16 ranges, several changes per
// event, CRLF, lone CR, astral characters, reversed and out-of-range ranges, full syncs, texts that cross the size
// limit and back, reparses that run out of time): the store never throws, its text is the client's, and its tree is
// a fresh parse of that text whenever it offers one.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../server/src/documents';
import { DEFAULT_PARSE_LIMITS } from '../../server/src/parsing/limits';
import type { Tree } from '../../server/src/parsing/treeSitter';
import { getGrammar } from '../helpers/service';
import { describeNodes, lspPosition } from '../helpers/trees';

/** Small on purpose, so that 10,000 runs stay fast and texts often cross it. */
const MAX_LENGTH = 600;

const SEEDS = [
  '',
  'def f(x=[]):\n    return x is 1\n',
  'class C:\r\n    """é😀"""\r\n    def m(self):\r\n        pass\r\n',
  'if a:\n\tb = "日本"\n\telse_ = [1,\n  2]\n',
  'x = (1 +\r 2)\rprint(x)\r',
  'async def g():\n    await h()  # 😀😀\n    return [y for y in z if y]\n',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('\n', '\r\n', '\r', 'é', '😀', '\ud83d', '日本', ' ', '    ', '\t', ':', '(', ')', '[', ']', '"', "'", '"""', '#', '\\', 'x', 'def', ' is 1', 'pass', 'lambda: ', 'if ', 'else') },
  { weight: 2, arbitrary: fc.constantFrom('def f(x=[]):\n    return x\n', 'if a:\r\n    b = "😀"\r\n', 'class C:\n\tpass\n', 'x = (1,\n     2)\n', 'try:\n    pass\nexcept:\n    raise\n') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) },
  // Rare and large: pushes a text past MAX_LENGTH, so the store must stop parsing and start again.
  { weight: 1, arbitrary: fc.constant('values = [' + '1, 2, 3, 4, 5, 6, 7, 8, 9, '.repeat(12) + ']\n') },
);
const insertion = fc.array(piece, { maxLength: 3 }).map((parts) => parts.join(''));

type Shape = 'normal' | 'reversed' | 'pastEnd';
type Op =
  | { readonly kind: 'insert' | 'delete' | 'replace'; readonly at: number; readonly length: number; readonly text: string; readonly shape: Shape }
  | { readonly kind: 'full'; readonly seed: number; readonly text: string };

const shape = fc.constantFrom<Shape>('normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'reversed', 'pastEnd');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const), at: fc.nat(), length: fc.nat({ max: 40 }), text: insertion, shape }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('full' as const), seed: fc.nat(), text: insertion }) },
);

/** Offsets a client can address: never inside \r\n (surrogate pairs may be split: editors do send lone halves). */
function addressable(text: string, offset: number): number {
  const o = Math.min(offset, text.length);
  return text[o - 1] === '\r' && text[o] === '\n' ? o - 1 : o;
}

/** The change a client would send for `o`, and the text it then holds. */
function concrete(text: string, o: Op): { change: TextDocumentContentChangeEvent; after: string } {
  if (o.kind === 'full') {
    const seed = SEEDS[o.seed % SEEDS.length];
    return { change: { text: seed + o.text }, after: seed + o.text };
  }
  const start = addressable(text, o.at % (text.length + 1));
  const newText = o.kind === 'delete' ? '' : o.text;
  if (o.shape === 'pastEnd') {
    // A range that runs past the last line: positions clamp to the end of the text.
    const change = { range: { start: lspPosition(text, start), end: { line: 1_000_000, character: 7 } }, text: newText };
    return { change, after: text.slice(0, start) + newText };
  }
  const end = o.kind === 'insert' ? start : Math.max(start, addressable(text, start + o.length));
  const [from, to] = o.shape === 'reversed' ? [end, start] : [start, end];
  const change = { range: { start: lspPosition(text, from), end: lspPosition(text, to) }, text: newText };
  return { change, after: text.slice(0, start) + newText + text.slice(end) };
}

/** Type, named-ness and span of every node, in order: equal shapes mean equal trees. */
function nodes(tree: Tree): string {
  return describeNodes(tree, (cursor) => `${cursor.nodeType}${cursor.nodeIsNamed ? '' : '!'}@${cursor.startIndex}-${cursor.endIndex}:${cursor.startPosition.row},${cursor.startPosition.column}-${cursor.endPosition.row},${cursor.endPosition.column}`).join(' ');
}

describe('DocumentStore under random edits', () => {
  it('never throws, follows the client text, and keeps the tree equal to a fresh parse over 10,000 sequences', async function () {
    this.timeout(120_000);
    const grammar = await getGrammar();
    const limits = { ...DEFAULT_PARSE_LIMITS, maxLength: MAX_LENGTH };
    const store = new DocumentStore(grammar, limits);
    const fresh = grammar.createParser();
    const seen = { ranged: 0, full: 0, multiChange: 0, reversed: 0, pastEnd: 0, crlf: 0, loneCr: 0, astral: 0, loneSurrogate: 0, skipped: 0, timedOut: 0, reparsedAfterSkip: 0 };
    // `starved`: the reparse of that event gets no time at all, so it is given up whenever tree-sitter asks for progress.
    const event = fc.record({ ops: fc.array(op, { minLength: 1, maxLength: 3 }), starved: fc.nat({ max: 5 }).map((n) => n === 0) });
    const events = fc.array(event, { minLength: 1, maxLength: 4 });
    try {
      fc.assert(
        fc.property(fc.nat(), events, (seedIndex, sequence) => {
          const uri = 'file:///property.py';
          let expected = SEEDS[seedIndex % SEEDS.length];
          store.open(uri, 'python', 1, expected);
          let version = 1;
          let wasSkipped = false;
          for (const { ops, starved } of sequence) {
            const changes: TextDocumentContentChangeEvent[] = [];
            for (const o of ops) {
              const { change, after } = concrete(expected, o);
              changes.push(change);
              if ('range' in change) seen.ranged++;
              else seen.full++;
              if (o.kind !== 'full' && o.shape !== 'normal') seen[o.shape]++;
              seen.crlf += change.text.includes('\r\n') ? 1 : 0;
              seen.loneCr += /\r(?!\n)/.test(change.text) ? 1 : 0;
              seen.astral += /[\ud800-\udbff][\udc00-\udfff]/.test(change.text) ? 1 : 0;
              seen.loneSurrogate += /[\ud800-\udbff](?![\udc00-\udfff])/.test(change.text) ? 1 : 0;
              expected = after;
            }
            seen.multiChange += ops.length > 1 ? 1 : 0;
            limits.editParseMs = starved ? 0 : DEFAULT_PARSE_LIMITS.editParseMs;
            const entry = store.change(uri, ++version, changes);
            const state = store.state(uri)!;
            assert.equal(state.document.getText(), expected);
            assert.equal(state.document.version, version);
            if (expected.length > MAX_LENGTH) {
              assert.equal(entry, undefined);
              assert.match(state.skipped ?? '', /too large to analyse/);
              seen.skipped++;
              wasSkipped = true;
              continue;
            }
            if (!entry && starved && /reparse after an edit/.test(state.skipped ?? '')) {
              seen.timedOut++;
              wasSkipped = true;
              continue;
            }
            assert.ok(entry, state.skipped);
            seen.reparsedAfterSkip += wasSkipped ? 1 : 0;
            wasSkipped = false;
            const reference = fresh.parse(expected)!;
            try {
              assert.equal(entry.tree.rootNode.toString(), reference.rootNode.toString());
              assert.equal(nodes(entry.tree), nodes(reference));
            } finally {
              reference.delete();
            }
          }
          store.close(uri);
        }),
        { seed: 7, numRuns: 10_000, endOnFailure: true },
      );
      // What the generator covered, so one that drifts into trivial edits fails loudly.
      for (const [kind, count] of Object.entries(seen)) assert.ok(count >= (kind === 'reparsedAfterSkip' || kind === 'timedOut' ? 50 : 200), `only ${count} of ${kind}`);
    } finally {
      fresh.delete();
      store.dispose();
    }
  });
});
