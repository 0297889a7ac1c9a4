import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../server/src/documents';
import { rowStarts, toTreeEdit } from '../../server/src/parsing/edits';
import type { Point, SyntaxNode, Tree } from '../../server/src/parsing/treeSitter';
import { mergeSettings } from '../../server/src/service/config';
import { neverCancelled } from '../../server/src/service/types';
import { getGrammar, getService } from '../helpers/service';
import { describeNodes, lspPosition } from '../helpers/trees';

const UNICODE_CRLF = readFileSync(join(__dirname, '..', 'fixtures', 'documents_unicode_crlf.py'), 'utf8');

/** Real-world Python: a few stdlib modules of the local CPython, cut to keep 2,000 runs fast. */
function corpus(): string[] {
  const texts = [UNICODE_CRLF];
  let stdlib: string | undefined;
  try {
    stdlib = execFileSync('python3', ['-c', "import sysconfig;print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
  } catch {
    stdlib = undefined; // no interpreter: the unicode fixture alone still exercises every kind of edit
  }
  for (const [file, from] of [['textwrap.py', 0], ['contextlib.py', 60], ['json/decoder.py', 0], ['dataclasses.py', 200], ['string.py', 0]] as const) {
    if (!stdlib) break;
    const lines = readFileSync(join(stdlib, file), 'utf8').split('\n');
    texts.push(lines.slice(from, from + 150).join('\n'));
  }
  return texts;
}

/** tree-sitter's point for an offset: rows end at '\n' only (a lone '\r' is not a row break), columns in UTF-16 units. */
function treePoint(text: string, offset: number): Point {
  const before = text.slice(0, offset);
  const rows = before.split('\n');
  return { row: rows.length - 1, column: rows[rows.length - 1].length };
}

/** Offsets an editor can address: never between the halves of \r\n or of a surrogate pair. */
function addressable(text: string, offset: number): number {
  const o = Math.min(offset, text.length);
  const code = (i: number) => text.charCodeAt(i);
  if (text[o - 1] === '\r' && text[o] === '\n') return o - 1;
  if (code(o - 1) >= 0xd800 && code(o - 1) <= 0xdbff && code(o) >= 0xdc00 && code(o) <= 0xdfff) return o - 1;
  return o;
}

type Op =
  | { readonly kind: 'insert' | 'delete' | 'replace'; readonly at: number; readonly length: number; readonly text: string }
  | { readonly kind: 'full'; readonly source: number; readonly text: string };

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r', 'é', '😀', '日本', ' ', '    ', '\t', ':', '(', ')', '[', ']', '"', "'", '"""', '#', '\\', 'x', 'def', ' is 1', 'pass') },
  { weight: 2, arbitrary: fc.constantFrom('def f(x=[]):\n    return x\n', 'if a:\r\n    b = "😀"\r\n', 'class C:\n\tpass\n', 'lambda y: y', 'async def g():\n    await h()\n', 'x = (1,\n     2)\n') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const insertion = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const), at: fc.nat(), length: fc.nat({ max: 60 }), text: insertion }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('full' as const), source: fc.nat(), text: insertion }) },
);

/** Turns an abstract op into an LSP change against `text`, and returns the text after it. */
function concrete(text: string, o: Op, sources: readonly string[]): { change: TextDocumentContentChangeEvent; after: string } {
  if (o.kind === 'full') {
    const base = sources[o.source % sources.length];
    const after = base.slice(0, base.length >> 1) + o.text + base.slice(base.length >> 1);
    return { change: { text: after }, after };
  }
  const start = addressable(text, o.at % (text.length + 1));
  const end = o.kind === 'insert' ? start : Math.max(start, addressable(text, start + o.length));
  const newText = o.kind === 'delete' ? '' : o.text;
  const change = { range: { start: lspPosition(text, start), end: lspPosition(text, end) }, text: newText };
  const after = text.slice(0, start) + newText + text.slice(end);
  // The tree edit the store derives must carry the same points as this independent computation. (tree-sitter
  // re-lexes the edited region, so a wrong point does not always show in the reparsed tree; it is checked here.)
  assert.deepEqual(toTreeEdit(rowStarts(text), { startIndex: start, oldEndIndex: end, newText }), {
    startIndex: start,
    oldEndIndex: end,
    newEndIndex: start + newText.length,
    startPosition: treePoint(text, start),
    oldEndPosition: treePoint(text, end),
    newEndPosition: treePoint(after, start + newText.length),
  });
  return { change, after };
}

/** Type and exact span of every node, in pre-order. */
function shape(tree: Tree): string {
  return describeNodes(tree, ({ currentNode: n }) => `${n.type}@${n.startIndex}-${n.endIndex}:${n.startPosition.row},${n.startPosition.column}-${n.endPosition.row},${n.endPosition.column}`).join('\n');
}

describe('DocumentStore', () => {
  let store: DocumentStore;
  before(async () => {
    store = new DocumentStore(await getGrammar());
  });
  after(() => store.dispose());

  it('keeps text and incremental tree equal to a fresh parse over 2,000 random edit sequences', async function () {
    this.timeout(60_000);
    const grammar = await getGrammar();
    const fresh = grammar.createParser();
    const sources = corpus();
    const events = fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });
    // What the generated sequences covered, so a generator that drifts into trivial edits fails loudly.
    const seen = { full: 0, multiChange: 0, crlf: 0, loneCr: 0, astral: 0, deletion: 0 };
    try {
      fc.assert(
        fc.property(fc.nat(), events, (fileIndex, sequence) => {
          const uri = 'file:///random.py';
          let expected = sources[fileIndex % sources.length];
          store.openDocument(uri, 'python', 1, expected);
          let version = 1;
          for (const event of sequence) {
            const changes: TextDocumentContentChangeEvent[] = [];
            for (const o of event) {
              const { change, after } = concrete(expected, o, sources);
              changes.push(change);
              seen.full += 'range' in change ? 0 : 1;
              seen.crlf += change.text.includes('\r\n') ? 1 : 0;
              seen.loneCr += /\r(?!\n)/.test(change.text) ? 1 : 0;
              seen.astral += /[\ud800-\udbff]/.test(change.text) ? 1 : 0;
              seen.deletion += after.length < expected.length ? 1 : 0;
              expected = after;
            }
            seen.multiChange += event.length > 1 ? 1 : 0;
            const entry = store.change(uri, ++version, changes);
            assert.ok(entry);
            assert.equal(entry.document.getText(), expected);
            assert.equal(entry.document.version, version);
          }
          const entry = store.get(uri)!;
          const reference = fresh.parse(expected)!;
          try {
            assert.equal(entry.tree.rootNode.toString(), reference.rootNode.toString());
            assert.equal(entry.tree.rootNode.endIndex, expected.length);
            // Spans too (toString has none): a wrong row/column in tree.edit shows up only here. 
            assert.equal(shape(entry.tree), shape(reference));
          } finally {
            reference.delete();
          }
          store.close(uri);
        }),
        { seed: 502, numRuns: 2000, endOnFailure: true },
      );
      for (const [kind, count] of Object.entries(seen)) assert.ok(count >= 100, `only ${count} edits of kind ${kind}`);
    } finally {
      fresh.delete();
    }
  });

  it('applies the changes of one event in order, each against the text left by the previous one', async () => {
    const entry = store.openDocument('file:///order.py', 'python', 1, 'a = 1\nb = 2\n');
    const next = store.change('file:///order.py', 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x = 0\n' },
      // Line 1 is now "a = 1": replace its "1" (it was on line 0 before the first change).
      { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, text: '"é😀"' },
      { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 5 } }, text: '[\r\n]' },
    ]);
    assert.equal(next?.document.getText(), 'x = 0\na = "é😀"\nb = [\r\n]\n');
    assert.notEqual(next?.tree, entry.tree);
    assert.equal(next?.tree.rootNode.toString(), '(module (expression_statement (assignment left: (identifier) right: (integer))) (expression_statement (assignment left: (identifier) right: (string (string_start) (string_content) (string_end)))) (expression_statement (assignment left: (identifier) right: (list))))');
    store.close('file:///order.py');
  });

  it('deletes replaced and closed trees, and ignores changes to unknown documents', async () => {
    const first = store.openDocument('file:///life.py', 'python', 1, 'x = 1\n');
    const second = store.change('file:///life.py', 2, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, text: '2' }]);
    assert.ok(second);
    assert.throws(() => first.tree.rootNode.toString(), 'the pre-change tree was deleted');
    assert.equal(second.tree.rootNode.text, 'x = 2\n');
    const reopened = store.openDocument('file:///life.py', 'python', 1, 'y = 3\n');
    assert.throws(() => second.tree.rootNode.toString(), 'reopening deletes the previous tree');
    store.close('file:///life.py');
    assert.equal(store.get('file:///life.py'), undefined);
    assert.throws(() => reopened.tree.rootNode.toString(), 'closing deletes the tree');
    assert.equal(store.change('file:///life.py', 3, [{ text: 'z = 4\n' }]), undefined);
    assert.equal(store.change('file:///never-opened.py', 1, [{ text: '' }]), undefined);
    assert.deepEqual([...store.all()].map((d) => d.uri).filter((u) => u.includes('life')), []);
  });
});

describe('UTF-16 positions on lines with é and 😀', () => {
  const line = 's = "é😀"; ok = x is 1';
  // UTF-16: `s = "` 5 + é 1 + 😀 2 + `"; ok = ` 8 → the comparison starts at 16 and ends at 22.
  const start = 16;

  it('agrees with CPython on where the comparison is (which counts UTF-8 bytes instead)', () => {
    const script = 'import ast,sys;n=ast.parse(sys.argv[1]).body[1].value;print(n.col_offset,n.end_col_offset)';
    assert.equal(execFileSync('python3', ['-c', script, line], { encoding: 'utf8' }).trim(), '19 25');
    assert.equal(line.slice(start, start + 6), 'x is 1');
  });

  it('puts tree-sitter nodes and service diagnostics on UTF-16 columns, before and after an edit', async () => {
    const store = new DocumentStore(await getGrammar());
    const service = await getService();
    const settings = mergeSettings({ select: ['PIN501'] });
    try {
      const uri = 'file:///positions.py';
      const opened = store.openDocument(uri, 'python', 1, `# é😀\r\n${line}\r\n`);
      const comparison = (tree: Tree): SyntaxNode => {
        const at = opened.document.getText().indexOf('x is');
        const node = tree.rootNode.descendantForIndex(at, at + 6);
        assert.ok(node);
        return node;
      };
      assert.equal(comparison(opened.tree).type, 'comparison_operator');
      assert.deepEqual(comparison(opened.tree).startPosition, { row: 1, column: start });
      assert.deepEqual(comparison(opened.tree).endPosition, { row: 1, column: start + 6 });
      const [before] = service.diagnostics(opened, settings, neverCancelled);
      assert.deepEqual(before.range, { start: { line: 1, character: start }, end: { line: 1, character: start + 6 } });

      // Insert another astral character before the comparison on the same line: everything after moves by 2 units.
      const edited = store.change(uri, 2, [{ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, text: '🎉' }])!;
      const moved = edited.tree.rootNode.descendantForIndex(edited.document.getText().indexOf('x is'));
      assert.equal(moved?.parent?.type, 'comparison_operator');
      assert.deepEqual(moved?.parent?.startPosition, { row: 1, column: start + 2 });
      const [after] = service.diagnostics(edited, settings, neverCancelled);
      assert.deepEqual(after.range, { start: { line: 1, character: start + 2 }, end: { line: 1, character: start + 8 } });
      assert.equal(edited.document.getText().split('\r\n')[1].slice(after.range.start.character, after.range.end.character), 'x is 1');
      service.forget(uri);
    } finally {
      store.dispose();
    }
  });
});
