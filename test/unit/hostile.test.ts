// Hostile input through the language service and the document store directly: deep nesting in many shapes, huge and
// slow input, and text-level oddities. Nothing may throw; what cannot be analysed is declined with a reason.
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DocumentStore } from '../../server/src/documents';
import { DEFAULT_PARSE_LIMITS, nestingExceeds } from '../../server/src/parsing/limits';
import { parseText, type SyntaxNode, type Tree } from '../../server/src/parsing/treeSitter';
import { foldConstant } from '../../server/src/service/analysis/constantFolding';
import { isMainGuardTest } from '../../server/src/service/analysis/mainGuard';
import { moduleSymbols } from '../../server/src/service/analysis/symbols';
import { loopTargets } from '../../server/src/service/analysis/loopClosure';
import { mergeSettings } from '../../server/src/service/config';
import type { SourceFile } from '../../server/src/service/types';
import { neverCancelled } from '../../server/src/service/types';
import { classChain, DEEP, deepInputs, largeModule, textInputs } from '../helpers/hostile';
import { getGrammar, getService, sourceFile } from '../helpers/service';

const settings = mergeSettings();

/** Diagnostics, hovers at the start, middle and end, and code actions for every diagnostic (plus fix-all). */
async function exercise(file: SourceFile): Promise<Diagnostic[]> {
  const service = await getService();
  const diagnostics = service.diagnostics(file, settings, neverCancelled);
  const text = file.document.getText();
  for (const offset of [0, text.length >> 1, Math.max(0, text.length - 3), text.length]) {
    const hover = service.hover(file, file.document.positionAt(offset), settings, neverCancelled);
    assert.ok(hover === undefined || typeof hover.contents === 'object');
  }
  const actions = service.codeActions(file, { diagnostics }, settings, neverCancelled);
  assert.ok(Array.isArray(actions));
  assert.ok(Array.isArray(service.codeActions(file, { diagnostics: [], only: ['source.fixAll'] }, settings, neverCancelled)));
  return diagnostics;
}

/** The value of the first statement, an assignment. */
function rightHandSide(tree: Tree): SyntaxNode {
  return tree.rootNode.firstNamedChild!.firstNamedChild!.childForFieldName('right')!;
}

async function parsed(text: string): Promise<{ tree: Tree; dispose(): void }> {
  const file = await sourceFile(text);
  return { tree: file.tree, dispose: file.dispose };
}

describe('hostile input: the language service', function () {
  this.timeout(120_000);

  for (const [shape, text] of Object.entries(deepInputs())) {
    it(`declines ${DEEP.toLocaleString('en-US')}-deep ${shape} without throwing`, async () => {
      const file = await sourceFile(text);
      try {
        assert.equal(nestingExceeds(file.tree), true, 'the tree really is deeper than the limit');
        assert.deepEqual(await exercise(file), []);
      } finally {
        (await getService()).forget(file.uri);
        file.dispose();
      }
    });
  }

  it('still analyses legitimately deep code under the limit (a chained assignment like test_exceptions.py has)', async () => {
    const chain = Array.from({ length: 300 }, (_, i) => `a${i}`).join(' = ');
    const file = await sourceFile(`${chain} = None\nflag = ${'('.repeat(150)}x is 1${')'.repeat(150)}\n`);
    try {
      assert.equal(nestingExceeds(file.tree), false);
      assert.deepEqual((await exercise(file)).map((d) => d.code), ['PIN501']);
    } finally {
      file.dispose();
    }
  });

  it('walks 100,000-deep expressions in the recursive analyses without growing the JavaScript stack', async () => {
    const { negations, additions, mainGuardChain, lambdas } = deepInputs();
    const folded = await parsed(negations);
    try {
      // -(-(…(1)…)) with an even count of minus signs folds back to 1, as CPython would.
      assert.deepEqual(foldConstant(rightHandSide(folded.tree)), { kind: 'folded', value: { type: 'int', value: 1n } });
    } finally {
      folded.dispose();
    }
    const sum = await parsed(`x = ${Array.from({ length: DEEP }, () => '1').join('+')}\n`);
    try {
      assert.deepEqual(foldConstant(rightHandSide(sum.tree)), { kind: 'folded', value: { type: 'int', value: BigInt(DEEP) } });
    } finally {
      sum.dispose();
    }
    const guard = await parsed(mainGuardChain);
    try {
      assert.equal(isMainGuardTest(guard.tree.rootNode.firstNamedChild!.childForFieldName('condition')!), true);
    } finally {
      guard.dispose();
    }
    const nested = await parsed(lambdas);
    try {
      let depth = 0;
      for (let block = moduleSymbols(nested.tree.rootNode); block.children.length > 0; block = block.children[0] as typeof block) depth++;
      assert.equal(depth, DEEP, 'one symbol-table block per lambda');
    } finally {
      nested.dispose();
    }
    const pattern = await parsed(`for ${'('.repeat(DEEP)}a, b${',)'.repeat(DEEP)} in c:\n    pass\n`);
    try {
      const targets = loopTargets(pattern.tree.rootNode.firstNamedChild!.childForFieldName('left'));
      assert.deepEqual(targets.map((t) => t.text), ['a', 'b']);
    } finally {
      pattern.dispose();
    }
    assert.ok(additions.length > DEEP);
  });

  it('follows a chain of 20,000 classes on hover (MRO, metaclass) without recursing through it', async () => {
    const text = classChain();
    const file = await sourceFile(text);
    try {
      await exercise(file);
      const service = await getService();
      const last = text.lastIndexOf('class C') + 6;
      const hover = service.hover(file, file.document.positionAt(last), settings, neverCancelled);
      const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      assert.match(markdown, /C20000/);
    } finally {
      (await getService()).forget(file.uri);
      file.dispose();
    }
  });

  for (const [name, text] of Object.entries(textInputs())) {
    it(`answers on ${name}`, async () => {
      const file = await sourceFile(text);
      try {
        const diagnostics = await exercise(file);
        // Ranges select the `x is 1` the client holds (in binary garbage, error recovery may widen the comparison).
        for (const d of diagnostics) {
          const selected = text.slice(file.document.offsetAt(d.range.start), file.document.offsetAt(d.range.end));
          if (name === 'nulAndBinary') assert.ok(selected.endsWith('x is 1'), JSON.stringify(selected));
          else assert.equal(selected, 'x is 1');
        }
        if (!['nulAndBinary', 'onlyWhitespace', 'empty'].includes(name)) assert.deepEqual(diagnostics.map((d) => d.code), ['PIN501']);
      } finally {
        (await getService()).forget(file.uri);
        file.dispose();
      }
    });
  }
});

describe('hostile input: the document store', function () {
  this.timeout(120_000);

  it('keeps a 10 MB document unparsed, says why, and keeps its text in step with edits', async () => {
    const store = new DocumentStore(await getGrammar());
    try {
      const uri = 'file:///huge.py';
      const line = 'value = compute(1, 2, 3)  # padding to make the line longer\n';
      let text = line.repeat(Math.ceil(10_000_000 / line.length));
      assert.equal(store.open(uri, 'python', 1, text), undefined);
      assert.match(store.state(uri)!.skipped!, /too large to analyse \(10\.0 MB; the limit is 5\.0 MB\)/);
      assert.equal(store.get(uri), undefined);
      assert.deepEqual([...store.all()], []);
      const edit = { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } }, text: 'VALUE' };
      assert.equal(store.change(uri, 2, [edit]), undefined);
      text = text.slice(0, 3 * line.length) + 'VALUE' + text.slice(3 * line.length + 5);
      assert.equal(store.state(uri)!.document.getText(), text);
      assert.equal(store.state(uri)!.document.version, 2);
      // Shrunk below the limit, it is parsed again: the tree is that of exactly the new text.
      const small = store.change(uri, 3, [{ text: 'x = y is 1\n' }]);
      assert.ok(small);
      assert.equal(small.tree.rootNode.text, 'x = y is 1\n');
      assert.equal(store.state(uri)!.skipped, undefined);
    } finally {
      store.dispose();
    }
  });

  it('gives up a parse that runs out of time, does not retry on every keystroke, and retries once the text shrinks', async () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, fullParseMs: 0 };
    const store = new DocumentStore(await getGrammar(), limits);
    try {
      const uri = 'file:///slow.py';
      const text = largeModule(2000);
      assert.equal(store.open(uri, 'python', 1, text), undefined, 'a zero budget cancels any parse that asks for progress');
      assert.match(store.state(uri)!.skipped!, /took longer than 0 ms to parse/);
      limits.fullParseMs = 60_000;
      // Deleting a tenth: still more than half the text that timed out, so no new attempt (it would cost the budget).
      const cut = text.length / 10;
      const end = store.state(uri)!.document.positionAt(cut);
      assert.equal(store.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end }, text: '' }]), undefined);
      assert.match(store.state(uri)!.skipped!, /took longer than/);
      // Down to a fifth of the text: parsed again, and the tree is exactly that of the text the client holds.
      const kept = store.state(uri)!.document.getText().slice(-Math.floor(text.length / 5));
      const reparsed = store.change(uri, 3, [{ text: kept }]);
      assert.ok(reparsed);
      const fresh = parseText((await getGrammar()).createParser(), kept);
      try {
        assert.equal(reparsed.tree.rootNode.toString(), fresh.rootNode.toString());
      } finally {
        fresh.delete();
      }
    } finally {
      store.dispose();
    }
  });

  it('keeps the edited tree when a reparse after an edit runs out of time, and recovers on a later edit', async () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, editParseMs: 0 };
    const store = new DocumentStore(await getGrammar(), limits);
    const fresh = (await getGrammar()).createParser();
    try {
      const uri = 'file:///string.py';
      const text = largeModule(2000);
      assert.ok(store.open(uri, 'python', 1, text));
      // Opening a triple-quoted string at the top turns the whole module into its content: a reparse of everything.
      const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      assert.equal(store.change(uri, 2, [{ range: top, text: '"""\n' }]), undefined);
      assert.match(store.state(uri)!.skipped!, /took longer than 0 ms to reparse after an edit/);
      limits.editParseMs = 60_000;
      // Closing it again: only the difference from the last good tree is reparsed, and the result is exact.
      const entry = store.change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '"""\n' }]);
      assert.ok(entry);
      const expected = `"""\n"""\n${text}`;
      assert.equal(entry.document.getText(), expected);
      const reference = fresh.parse(expected)!;
      try {
        assert.equal(entry.tree.rootNode.toString(), reference.rootNode.toString());
      } finally {
        reference.delete();
      }
    } finally {
      fresh.delete();
      store.dispose();
    }
  });

  it('keeps a too-deep tree for incremental reuse but offers no snapshot, and analyses again once the nesting is removed', async () => {
    const store = new DocumentStore(await getGrammar());
    try {
      const uri = 'file:///deep.py';
      const depth = 5000;
      const text = `x = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`;
      assert.equal(store.open(uri, 'python', 1, text), undefined);
      assert.match(store.state(uri)!.skipped!, /nested too deeply to analyse \(more than 1,000 levels/);
      // Delete all but two parentheses on each side: one ranged edit per side, the later one first.
      const closing = { start: { line: 0, character: 4 + depth + 1 }, end: { line: 0, character: 4 + 2 * depth - 1 } };
      const opening = { start: { line: 0, character: 4 }, end: { line: 0, character: 4 + depth - 2 } };
      const entry = store.change(uri, 2, [{ range: closing, text: '' }, { range: opening, text: '' }]);
      assert.ok(entry);
      assert.equal(entry.document.getText(), 'x = ((1))\n');
      assert.equal(entry.tree.rootNode.toString(), '(module (expression_statement (assignment left: (identifier) right: (parenthesized_expression (parenthesized_expression (integer))))))');
    } finally {
      store.dispose();
    }
  });
});
