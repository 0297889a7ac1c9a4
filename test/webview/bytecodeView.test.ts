// The bytecode view's page in headless Chromium, fed real `dis` results (PythonService on python3, and 3.13 for
// the comparison when it is installed).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BytecodeOk, CodeObject, Instruction, Position } from '../../server/src/protocol';
import { defaultOptions, fixture, FIXTURES, has313, ok, positionOf, python, PYTHON313, stamp, typingSource } from './data';
import { useHarness, type PageWindow, type ViewPage } from './harness';

/** The labels dis 3.13 prints: every jump target and exception-table boundary, numbered in offset order. */
function labels(code: CodeObject): Map<number, string> {
  const offsets = new Set<number>();
  code.instructions.forEach((i) => {
    if (i.jumpTarget !== undefined) offsets.add(i.jumpTarget);
    if (i.isJumpTarget) offsets.add(i.offset);
  });
  code.exceptionTable.forEach((e) => [e.start, e.end, e.target].forEach((o) => offsets.add(o)));
  return new Map([...offsets].sort((a, b) => a - b).map((o, i) => [o, `L${i + 1}`]));
}

function covers(instr: Instruction, p: Position): boolean {
  const r = instr.range;
  if (!r) return false;
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

describe('bytecode view webview (Chromium)', function () {
  this.timeout(60000);
  let text: string;
  let sample: BytecodeOk;
  let view: ViewPage;
  const doc = stamp('sample.py');
  const harness = useHarness(() => view);

  before(async () => {
    text = fixture('sample.py');
    sample = ok(await python().bytecode(text, 'python3', defaultOptions));
  });

  /** A page tall enough that every row of the sample is in the DOM, unless `height` says otherwise. */
  async function openWithSample(options: { height?: number; state?: unknown } = {}): Promise<ViewPage> {
    view = await harness.open('bytecodeView', { height: options.height ?? 8000, state: options.state });
    await view.send({ type: 'bytecode', doc, result: sample });
    await view.page.waitForSelector('[role=treeitem]');
    return view;
  }

  const code = (qualname: string) => sample.codeObjects.find((c) => c.qualname === qualname)!;
  const row = (key: string) => view.page.locator(`[data-key="${key}"]`);
  const selectedKey = () => view.page.locator('.row.selected').getAttribute('data-key');

  it('renders every code object in nesting order with flags, its instructions and its exception table', async () => {
    await openWithSample();
    const header = (await view.page.locator('.header').textContent()) ?? '';
    assert.ok(header.includes(`CPython ${sample.interpreter.version}`), header);
    assert.ok(header.includes(`${sample.codeObjects.length} code objects`), header);
    const keys = await view.page.$$eval('[role=treeitem][aria-level="1"]', (rows) => rows.map((r) => r.getAttribute('data-key')));
    assert.deepEqual(keys, sample.codeObjects.map((c) => `${c.qualname}#0`), 'pre-order: each code object after its parent');
    for (const c of sample.codeObjects) {
      const badges = await row(`${c.qualname}#0`).locator('.badge').allTextContents();
      assert.deepEqual(badges, c.flags.map((f) => f.toLowerCase()));
    }
    assert.ok((await row('numbers#0').textContent())?.includes('generator'));
    assert.ok((await row('fetch#0').textContent())?.includes('coroutine'));
    const nested = await row('Counter.bump#0').locator('.bc-code').evaluate((e) => parseFloat((globalThis as unknown as PageWindow).getComputedStyle(e).marginLeft));
    assert.ok(nested > 0, 'a nested code object is indented');
    const greet = code('greet');
    for (const [index, instr] of greet.instructions.entries()) {
      const cells = row(`greet#0@${index}`);
      assert.equal(await cells.locator('.c-offset').textContent(), String(instr.offset));
      assert.equal(await cells.locator('.c-opname').textContent(), instr.opname);
      assert.equal(await cells.locator('.c-arg').textContent(), instr.arg === null ? '' : String(instr.arg));
      if (instr.jumpTarget === undefined) assert.equal(await cells.locator('.c-argrepr').textContent(), instr.argrepr);
    }
    // Lists are there, collapsed: names of greet.
    await row('greet#0:varnames').locator('.twisty').click();
    assert.equal(await row(`greet#0:varnames:${greet.varnames.length - 1}`).textContent(), `${String(greet.varnames.length - 1).padStart(4)}  ${greet.varnames.at(-1)}`);
    const fetch = code('fetch');
    assert.ok(fetch.exceptionTable.length > 0, 'fetch has a try/except');
    assert.equal(await row('fetch#0:exc').textContent(), `Exception table (${fetch.exceptionTable.length})`);
    const fetchLabels = labels(fetch);
    for (const [i, entry] of fetch.exceptionTable.entries()) {
      assert.equal(await row(`fetch#0:exc:${i}`).textContent(), `${fetchLabels.get(entry.start)} to ${fetchLabels.get(entry.end)}→ ${fetchLabels.get(entry.target)} [${entry.depth}]${entry.lasti ? ' lasti' : ''}`);
    }
  });

  it('labels jump targets and follows a jump link to its target', async () => {
    await openWithSample();
    const greet = code('greet');
    const greetLabels = labels(greet);
    const index = greet.instructions.findIndex((i) => i.opname.startsWith('JUMP_BACKWARD'));
    const jump = greet.instructions[index];
    const targetIndex = greet.instructions.findIndex((i) => i.offset === jump.jumpTarget);
    await row(`greet#0@${index}`).locator('.jump').click();
    await view.waitFor(selectedKey, (key) => key === `greet#0@${targetIndex}`);
    assert.equal(await row(`greet#0@${index}`).locator('.jump').textContent(), `→ ${greetLabels.get(jump.jumpTarget!)}`);
    assert.equal(await row(`greet#0@${targetIndex}`).locator('.c-label').textContent(), `${greetLabels.get(jump.jumpTarget!)}:`);
    assert.match((await row(`greet#0@${targetIndex}`).getAttribute('class')) ?? '', /mark-flash/);
    // `g` follows the selected jump from the keyboard: the FOR_ITER's exit.
    const forIter = greet.instructions.findIndex((i) => i.opname === 'FOR_ITER');
    assert.equal(forIter, targetIndex, 'the loop jumps back to its FOR_ITER');
    await view.page.locator('[role=tree]').focus();
    await view.page.keyboard.press('g');
    const exit = greet.instructions.findIndex((i) => i.offset === greet.instructions[forIter].jumpTarget);
    await view.waitFor(selectedKey, (key) => key === `greet#0@${exit}`);
  });

  it('highlights every instruction whose positions cover the cursor, and scrolls to the first', async () => {
    await openWithSample();
    const position = positionOf(text, 'append(f"', 2);
    const expected = sample.codeObjects.flatMap((c) => c.instructions.map((instr, i) => ({ key: `${c.qualname}#0@${i}`, instr }))).filter(({ instr }) => covers(instr, position)).map(({ key }) => key);
    assert.ok(expected.length >= 2, `${expected.length} instructions cover the cursor`);
    await view.send({ type: 'cursor', uri: doc.uri, position });
    const marked = await view.waitFor(() => view.page.$$eval('.row.mark-cursor', (rows) => rows.map((r) => r.getAttribute('data-key'))), (keys) => keys.length > 0);
    assert.deepEqual(marked, expected);
    // In a short page the first covering instruction is scrolled into view.
    await view.close();
    view = await harness.open('bytecodeView', { height: 400 });
    await view.send({ type: 'bytecode', doc, result: sample });
    await view.page.waitForSelector('[role=treeitem]');
    // `v * v` is covered by the lambda's own instructions and by the module's `square = …` ones; the module's
    // come first in the listing, far below the fold.
    const lambdaBody = positionOf(text, 'v * v', 0);
    const module = sample.codeObjects[0];
    const firstIndex = module.instructions.findIndex((i) => covers(i, lambdaBody));
    assert.ok(firstIndex * 22 > 400, 'the first covering instruction starts off screen');
    const firstKey = `<module>#0@${firstIndex}`;
    await view.send({ type: 'cursor', uri: doc.uri, position: lambdaBody });
    await view.waitFor(async () => (await row(firstKey).count()) > 0 && (await row(firstKey).isVisible()));
    const box = await row(firstKey).boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 400, 'scrolled into the viewport');
    assert.match((await row(firstKey).getAttribute('class')) ?? '', /mark-cursor/);
  });

  it('clicking an instruction posts selectRange with its exact source range', async () => {
    await openWithSample();
    const greet = code('greet');
    const index = greet.instructions.findIndex((i) => i.opname === 'LOAD_ATTR' || i.opname === 'LOAD_METHOD');
    assert.ok(index >= 0 && greet.instructions[index].range);
    await row(`greet#0@${index}`).locator('.c-opname').click();
    const message = await view.waitForPosted((m) => m.type === 'selectRange');
    assert.deepEqual(message, { type: 'selectRange', uri: doc.uri, range: greet.instructions[index].range });
    // Enter on a code object's header selects its definition.
    await view.clearPosted();
    await view.page.locator('[role=tree]').focus();
    await row('greet#0').click();
    const def = await view.waitForPosted((m) => m.type === 'selectRange');
    assert.deepEqual(def.range, greet.range);
  });

  it("shows the interpreter's opcode documentation on hover and in the footer", async () => {
    await openWithSample();
    const docs = await python().opcodeDocs('python3');
    assert.equal(docs.kind, 'ok');
    if (docs.kind !== 'ok') return;
    await view.send({ type: 'opcodeDocs', result: docs });
    const greet = code('greet');
    const index = greet.instructions.findIndex((i) => i.opname === 'LOAD_FAST');
    const doc = docs.opcodes.find((o) => o.opname === 'LOAD_FAST')!;
    await row(`greet#0@${index}`).locator('.c-opname').hover();
    const tooltip = view.page.getByRole('tooltip');
    await tooltip.waitFor();
    const tip = (await tooltip.textContent()) ?? '';
    assert.ok(tip.startsWith(`LOAD_FAST (opcode ${doc.opcode})`), tip);
    assert.ok(tip.includes(doc.summary!.replace(/`/g, '')), tip);
    assert.ok(tip.includes(`Argument: ${doc.argumentKind}`), tip);
    for (const s of doc.specialisations ?? []) assert.ok(tip.includes(s), `${s} in ${tip}`);
    assert.ok(tip.includes(`CPython ${docs.interpreter.version}`), tip);
    await view.page.locator('.header').hover();
    await tooltip.waitFor({ state: 'hidden' });
    await row(`greet#0@${index}`).click();
    assert.equal(await view.page.locator('.footer').textContent(), `LOAD_FAST — ${doc.summary}`);
  });

  it('sends option changes, comparisons and the text exports to the host', async () => {
    await openWithSample({ height: 600 });
    await view.send({ type: 'interpreters', current: 'python3', others: [PYTHON313, 'python3.12'] });
    await view.page.getByLabel('Optimisation level').selectOption('1');
    await view.waitForPosted((m) => m.type === 'setOptions' && JSON.stringify(m.options) === JSON.stringify({ optimize: 1, showCaches: false, adaptive: false }));
    await view.page.getByLabel('Show caches').check();
    await view.waitForPosted((m) => m.type === 'setOptions' && JSON.stringify(m.options) === JSON.stringify({ optimize: 1, showCaches: true, adaptive: false }));
    await view.page.getByLabel('Compare with interpreter').selectOption(PYTHON313);
    await view.waitForPosted((m) => m.type === 'compareWith' && m.python === PYTHON313);
    await view.page.getByLabel('Compare with interpreter').selectOption('');
    await view.waitForPosted((m) => m.type === 'compareWith' && !('python' in m && m.python !== undefined));
    await view.page.getByRole('button', { name: 'Copy as text' }).click();
    await view.page.getByRole('button', { name: 'Open as text' }).click();
    await view.waitForPosted((m) => m.type === 'copyText');
    await view.waitForPosted((m) => m.type === 'openAsText');
    // The host answers with the new options: the toolbar shows them, and the CACHE entries appear.
    const withCaches = ok(await python().bytecode(text, 'python3', { optimize: 1, showCaches: true, adaptive: false }));
    await view.send({ type: 'bytecode', doc: { ...doc, version: 2 }, result: withCaches });
    await view.page.locator('.opname.cache').first().waitFor();
    assert.equal(await view.page.getByLabel('Optimisation level').inputValue(), '1');
    assert.equal(await view.page.getByLabel('Show caches').isChecked(), true);
  });

  it('compares two interpreters side by side, matching code objects by qualname', async function () {
    if (!has313()) this.skip();
    const other = ok(await python().bytecode(text, PYTHON313, defaultOptions));
    await openWithSample();
    await view.send({ type: 'bytecode', doc: { ...doc, version: 2 }, result: sample, compare: other });
    await view.page.locator('.compare-heads').waitFor();
    const heads = await view.page.locator('.compare-heads > div').allTextContents();
    assert.equal(heads.length, 2);
    assert.ok(heads[0].includes(`CPython ${sample.interpreter.version}`) && heads[1].includes(`CPython ${other.interpreter.version}`), heads.join(' | '));
    const greetSides = await row('greet#0').locator('.side').allTextContents();
    assert.equal(greetSides.length, 2);
    assert.ok(greetSides.every((s) => s.startsWith('greet')));
    const left = code('greet');
    const right = other.codeObjects.find((c) => c.qualname === 'greet')!;
    for (let i = 0; i < Math.max(left.instructions.length, right.instructions.length); i++) {
      const opnames = await row(`greet#0@${i}`).locator('.c-opname').allTextContents();
      assert.deepEqual(opnames, [left.instructions[i]?.opname, right.instructions[i]?.opname].filter((o) => o !== undefined));
    }
    // 3.12 inlined comprehensions (PEP 709): the list comprehension's code object exists only on the left.
    const listcomp = sample.codeObjects.find((c) => c.qualname.endsWith('<listcomp>'));
    if (listcomp) assert.equal((await row(`${listcomp.qualname}#0`).locator('.side').allTextContents())[1], 'not in this version');
    // 3.13's dis.dis prints labels itself: ours must name the same offsets the same way, in every code object.
    const printed = JSON.parse(execFileSync(PYTHON313, [join(FIXTURES, 'dis_labels.py')], { input: text, encoding: 'utf8' })) as { qualname: string; labels: Record<string, string> }[];
    assert.deepEqual(printed.map((p) => p.qualname), other.codeObjects.map((c) => c.qualname));
    let compared = 0;
    for (const [i, c] of other.codeObjects.entries()) {
      const key = `${c.qualname}#${other.codeObjects.slice(0, i).filter((o) => o.qualname === c.qualname).length}`;
      for (const [index, instr] of c.instructions.entries()) {
        const shown = await row(`${key}@${index}`).locator('.side[data-side="1"] .c-label').textContent();
        assert.equal(shown, printed[i].labels[instr.offset] ? `${printed[i].labels[instr.offset]}:` : '', `${key} offset ${instr.offset}`);
        if (shown) compared++;
      }
    }
    assert.ok(compared > 10, `${compared} labels compared with dis`);
    assert.equal(await view.page.locator('.side[data-side="1"] .c-argrepr .muted').count(), 0, 'no `(to Lk)` beside our labels on 3.13');
  });

  it('keeps expansion and scroll across hide/show through getState/setState', async () => {
    await openWithSample({ height: 500 });
    await row('<module>#0').locator('.twisty').click();
    await view.waitFor(() => row('<module>#0').getAttribute('aria-expanded'), (v) => v === 'false');
    await view.page.locator('[role=tree]').evaluate((tree) => (tree.scrollTop = 88));
    const saved = await view.waitFor(async () => (await view.record()).state as { tree?: { scrollTop?: number; collapsed?: string[] } },
      (s) => s?.tree?.scrollTop === 88 && (s.tree.collapsed ?? []).includes('<module>#0'));
    await view.close();
    view = await harness.open('bytecodeView', { height: 500, state: saved });
    await view.send({ type: 'bytecode', doc, result: sample });
    await view.page.waitForSelector('[role=treeitem]');
    assert.equal(await view.page.locator('[role=tree]').evaluate((tree) => tree.scrollTop), 88);
    assert.equal(await row('<module>#0').getAttribute('aria-expanded'), 'false');
  });

  it("renders typing.py's bytecode with a bounded number of DOM rows", async () => {
    const big = ok(await python().bytecode(typingSource(), 'python3', defaultOptions));
    const instructions = big.codeObjects.reduce((n, c) => n + c.instructions.length, 0);
    assert.ok(instructions > 5000, `${instructions} instructions`);
    view = await harness.open('bytecodeView');
    await view.send({ type: 'bytecode', doc: stamp('typing.py'), result: big });
    await view.page.getByText(`${instructions.toLocaleString('en-US')} instructions`).waitFor();
    const height = await view.page.locator('[role=tree]').evaluate((tree) => tree.scrollHeight);
    assert.ok(height >= instructions * 22);
    assert.ok((await view.page.locator('[role=treeitem]').count()) < 120);
    await view.page.locator('[role=tree]').evaluate((tree, top) => (tree.scrollTop = top), Math.floor(height * 0.75));
    const target = Math.floor((height * 0.75) / 22);
    await view.waitFor(() => view.page.$$eval('[role=treeitem]', (rows) => rows.map((r) => Number(r.getAttribute('data-index')))), (ix) => ix.length > 0 && Math.min(...ix) <= target && Math.max(...ix) >= target);
    assert.ok((await view.page.locator('[role=treeitem]').count()) < 120);
  });

  it('shows syntax errors and a missing interpreter plainly', async () => {
    view = await harness.open('bytecodeView');
    const error = await python().bytecode(fixture('syntax_error.py'), 'python3', defaultOptions);
    assert.equal(error.kind, 'syntaxError');
    if (error.kind !== 'syntaxError') return;
    await view.send({ type: 'bytecode', doc: stamp('syntax_error.py'), result: error });
    const notice = view.page.locator('.notice-error');
    await notice.waitFor();
    assert.ok(((await notice.textContent()) ?? '').includes(`${error.type}: ${error.message}`));
    await view.page.getByRole('button', { name: 'Go to error' }).click();
    await view.waitForPosted((m) => m.type === 'selectRange' && JSON.stringify(m.range) === JSON.stringify(error.range));
    const missing = await python().bytecode('x = 1\n', 'pyinsight-no-such-python', defaultOptions);
    assert.equal(missing.kind, 'unavailable');
    if (missing.kind !== 'unavailable') return;
    await view.send({ type: 'bytecode', doc: stamp('x.py'), result: missing });
    await view.page.getByText(missing.message).waitFor();
    await view.page.getByRole('button', { name: 'Open settings' }).click();
    await view.waitForPosted((m) => m.type === 'openSettings');
    await view.send({ type: 'noEditor' });
    await view.page.getByText('Open a Python file to see its bytecode.').waitFor();
  });
});
