// The AST explorer's page in headless Chromium, fed real CPython ast results (PythonService on python3).
import assert from 'node:assert/strict';
import type { PythonAstOk } from '../../server/src/protocol';
import { allNodes, constantField, fixture, formatRange, nodePaths, ok, positionOf, python, stamp, syntaxTree, typingSource } from './data';
import { useHarness, type ViewPage } from './harness';

describe('AST explorer webview (Chromium)', function () {
  this.timeout(60000);
  let sampleText: string;
  let sample: PythonAstOk;
  let paths: Map<number, string>;
  const doc = stamp('sample.py');
  let view: ViewPage;
  const harness = useHarness(() => view);

  before(async () => {
    sampleText = fixture('sample.py');
    sample = ok(await python().pythonAst(sampleText, 'python3'));
    paths = nodePaths(sample.root);
  });

  async function openWithSample(state?: unknown): Promise<ViewPage> {
    view = await harness.open('astExplorer', { state });
    await view.send({ type: 'pythonAst', doc, result: sample });
    await view.page.waitForSelector('[role=treeitem]');
    return view;
  }

  function node(type: string, name?: string, nameField = 'name') {
    const found = allNodes(sample.root).find(({ node }) => node.type === type && (name === undefined || constantField(node, nameField) === `'${name}'`));
    assert.ok(found, `${type} ${name ?? ''} in the fixture`);
    return found.node;
  }

  const selectedText = () => view.page.locator('.row.selected').textContent();
  const selectRanges = async () => (await view.posted()).filter((m) => m.type === 'selectRange');

  it('renders a real CPython ast: node types, field names, values, positions and the interpreter', async () => {
    await openWithSample();
    const greet = node('FunctionDef', 'greet');
    const header = await view.page.locator('.header').textContent();
    assert.match(header ?? '', new RegExp(`CPython ${sample.interpreter.version.replace(/\./g, '\\.')}`));
    assert.match(header ?? '', new RegExp(`${sample.nodeCount} nodes`));
    const rows = await view.rowTexts();
    assert.equal(rows[0], 'Module');
    assert.ok(rows.includes(`body: list[${(sample.root.fields[0].value as { items: readonly unknown[] }).items.length}]`), rows.slice(0, 5).join('\n'));
    assert.ok(rows.includes(`[2] FunctionDef ${formatRange(greet.range!)}`), 'greet with its exact range');
    assert.ok(rows.includes("name: 'greet'"), 'a constant field with its repr');
    assert.equal(await view.page.getAttribute('[role=tree]', 'aria-label'), 'Syntax tree');
    assert.ok((await view.page.locator(`[data-key="${paths.get(greet.id)}"]`).getAttribute('aria-expanded')) === 'true');
  });

  it("clicking a node posts selectRange with exactly that node's range", async () => {
    await openWithSample();
    const counter = node('ClassDef', 'Counter');
    // The sample opens fully, so Counter is below the fold: bring it into view with the editor's cursor first.
    await view.send({ type: 'cursor', uri: doc.uri, position: counter.range!.start });
    await view.page.locator(`[data-key="${paths.get(counter.id)}"]`).click();
    const [message] = await view.waitFor(selectRanges, (list) => list.length > 0);
    assert.deepEqual(message, { type: 'selectRange', uri: doc.uri, range: counter.range });
    assert.match((await selectedText()) ?? '', /ClassDef/);
  });

  it('a cursor message selects and reveals the innermost node, without echoing selectRange', async () => {
    await openWithSample();
    // `range` in `for i in range(times):`: the innermost node is the Name `range`, the Call's func.
    const position = positionOf(sampleText, 'range(times)', 2);
    const name = node('Name', 'range', 'id');
    await view.send({ type: 'cursor', uri: doc.uri, position });
    await view.waitFor(selectedText, (text) => text === `func: Name ${formatRange(name.range!)}`);
    assert.equal(await view.page.locator('.row.selected').getAttribute('data-key'), paths.get(name.id));
    // Inside the f-string's non-ASCII text: the Constant part of the JoinedStr (columns are UTF-16 units).
    const constant = allNodes(sample.root).find(({ node }) => node.type === 'Constant' && constantField(node, 'value') === "'héllo '")!.node;
    await view.send({ type: 'cursor', uri: doc.uri, position: positionOf(sampleText, 'llo {name}') });
    await view.waitFor(() => view.page.locator('.row.selected').getAttribute('data-key'), (key) => key === paths.get(constant.id));
    // A cursor for another document is ignored.
    await view.send({ type: 'cursor', uri: 'file:///other.py', position: { line: 0, character: 0 } });
    await view.send({ type: 'cursor', uri: doc.uri, position: { line: 0, character: 3 } });
    await view.waitFor(selectedText, (text) => /^\[0\] Import /.test(text ?? ''));
    assert.deepEqual(await selectRanges(), []);
  });

  it('search finds nodes by type or text and steps through the matches', async () => {
    await openWithSample();
    const search = view.page.getByRole('searchbox');
    await search.fill('await');
    await view.waitFor(selectedText, (text) => /Await/.test(text ?? ''));
    assert.equal(await view.page.locator('.search-count').textContent(), '1 of 1');
    await search.fill('Name');
    const names = allNodes(sample.root).filter(({ node }) => node.type.includes('Name') || node.fields.some((f) => f.value.kind === 'constant' && f.value.repr.toLowerCase().includes('name')));
    const total = Number(/of (\d+)/.exec((await view.page.locator('.search-count').textContent()) ?? '')?.[1]);
    assert.ok(total >= names.length, `${total} matches for Name`);
    await search.press('Enter');
    assert.equal(await view.page.locator('.search-count').textContent(), `2 of ${total}`);
    await search.press('Shift+Enter');
    await search.press('Shift+Enter');
    assert.equal(await view.page.locator('.search-count').textContent(), `${total} of ${total}`);
    assert.ok((await view.page.locator('.row.mark-match').count()) > 0, 'matches are highlighted');
    await search.fill('no-such-thing');
    assert.equal(await view.page.locator('.search-count').textContent(), 'No results');
  });

  it('filters hide ctx, empty fields and positions', async () => {
    view = await harness.open('astExplorer');
    const result = ok(await python().pythonAst('total = price * 2\n', 'python3'));
    await view.send({ type: 'pythonAst', doc: stamp('small.py'), result });
    await view.page.waitForSelector('[role=treeitem]');
    const texts = async () => (await view.rowTexts()).join('\n');
    // A small tree opens fully: every row is rendered.
    assert.match(await texts(), /ctx: Store/);
    assert.match(await texts(), /ctx: Load/);
    assert.match(await texts(), /kind: None/);
    assert.match(await texts(), /\[1:0–1:17\]/);
    await view.page.getByLabel('Hide ctx').check();
    await view.waitFor(texts, (t) => !/ctx: /.test(t));
    await view.page.getByLabel('Hide empty').check();
    await view.waitFor(texts, (t) => !/: None$/m.test(t) && /value: 2/.test(t));
    await view.page.getByLabel('Hide positions').check();
    await view.waitFor(texts, (t) => !/\[\d+:\d+–\d+:\d+\]/.test(t));
    assert.equal(await view.page.locator('.pos').count(), 0);
    assert.deepEqual(await view.rowTexts(), ['Module', 'body: list[1]', '[0] Assign', 'targets: list[1]', '[0] Name', "id: 'total'", 'value: BinOp', 'left: Name', "id: 'price'", 'op: Mult', 'right: Constant', 'value: 2']);
    await view.page.getByLabel('Hide ctx').uncheck();
    await view.waitFor(texts, (t) => /ctx: Store/.test(t));
  });

  it('keyboard: arrows move, left/right collapse and expand, Enter selects, * expands all below', async () => {
    await openWithSample();
    await view.page.locator('[role=tree]').focus();
    await view.page.keyboard.press('Home');
    await view.waitFor(selectedText, (t) => t === 'Module');
    await view.page.keyboard.press('ArrowDown'); // body
    await view.page.keyboard.press('ArrowDown'); // [0] Import
    await view.waitFor(selectedText, (t) => /^\[0\] Import/.test(t ?? ''));
    await view.page.keyboard.press('ArrowLeft');
    assert.equal(await view.page.locator('.row.selected').getAttribute('aria-expanded'), 'false');
    await view.page.keyboard.press('ArrowRight');
    assert.equal(await view.page.locator('.row.selected').getAttribute('aria-expanded'), 'true');
    assert.equal(await view.page.locator('[role=tree]').getAttribute('aria-activedescendant'), await view.page.locator('.row.selected').getAttribute('id'));
    assert.deepEqual(await selectRanges(), [], 'moving does not select in the editor');
    await view.page.keyboard.press('Enter');
    const importNode = node('Import');
    await view.waitFor(selectRanges, (list) => list.length === 1 && JSON.stringify(list[0].range) === JSON.stringify(importNode.range));
    // The sample is small enough to open fully; collapse the module, then `*` opens everything again.
    const full = await view.page.locator('[role=tree]').evaluate((tree) => tree.scrollHeight);
    await view.page.keyboard.press('Home');
    await view.page.keyboard.press('ArrowLeft');
    await view.waitFor(() => view.page.locator('[role=treeitem]').count(), (n) => n === 1);
    await view.page.keyboard.press('*');
    await view.waitFor(() => view.page.locator('[role=tree]').evaluate((tree) => tree.scrollHeight), (height) => height === full);
    await view.page.keyboard.press('End');
    const last = await view.page.locator('.row.selected').getAttribute('data-index');
    const indexes = await view.page.$$eval('[role=treeitem]', (rows) => rows.map((r) => Number(r.getAttribute('data-index'))));
    assert.equal(Number(last), Math.max(...indexes));
    assert.equal(Number(last) + 1, full / 22, 'End selects the last row');
  });

  it('copies the node path and asks for ast.dump, from the toolbar and the context menu', async () => {
    await openWithSample();
    const greet = node('FunctionDef', 'greet');
    const row = view.page.locator(`[data-key="${paths.get(greet.id)}"]`);
    await row.click();
    await view.page.getByRole('button', { name: 'Copy path' }).click();
    await view.page.getByRole('button', { name: 'Copy ast.dump' }).click();
    await view.waitFor(() => view.posted(), (list) => list.some((m) => m.type === 'copyText') && list.some((m) => m.type === 'copyAstDump'));
    const posted = await view.posted();
    assert.deepEqual(posted.find((m) => m.type === 'copyText'), { type: 'copyText', text: 'Module.body[2]' });
    assert.deepEqual(posted.find((m) => m.type === 'copyAstDump'), { type: 'copyAstDump', uri: doc.uri, version: doc.version, nodeId: greet.id });
    // The context menu, opened from the keyboard, copies a deeper path.
    const returns = allNodes(greet).find(({ node }) => node.type === 'Name' && constantField(node, 'id') === "'str'")!.node;
    await view.send({ type: 'cursor', uri: doc.uri, position: { line: returns.range!.start.line, character: returns.range!.start.character } });
    await view.waitFor(() => view.page.locator('.row.selected').getAttribute('data-key'), (key) => key === paths.get(returns.id));
    await view.clearPosted();
    await view.page.locator('[role=tree]').focus();
    await view.page.keyboard.press('Shift+F10');
    await view.page.getByRole('menuitem', { name: 'Copy node path' }).focus();
    await view.page.keyboard.press('Enter');
    const [copied] = await view.waitFor(async () => (await view.posted()).filter((m) => m.type === 'copyText'), (list) => list.length > 0);
    assert.equal(copied.text, paths.get(returns.id));
    assert.match(String(copied.text), /^Module\.body\[2\]\.args\.args\[0\]\.annotation$/);
  });

  it('keeps source, filters, expansion and scroll across hide/show through getState/setState', async () => {
    await openWithSample();
    await view.page.getByLabel('Hide ctx').check();
    const counter = node('ClassDef', 'Counter');
    await view.send({ type: 'cursor', uri: doc.uri, position: counter.range!.start });
    await view.page.locator(`[data-key="${paths.get(counter.id)}"] .twisty`).click();
    await view.waitFor(() => view.page.locator(`[data-key="${paths.get(counter.id)}"]`).getAttribute('aria-expanded'), (v) => v === 'false');
    await view.page.locator('[role=tree]').evaluate((tree) => (tree.scrollTop = 66));
    const saved = await view.waitFor(async () => (await view.record()).state as { trees?: { python?: { scrollTop?: number; collapsed?: string[] } }; filters?: { hideCtx?: boolean } } | undefined,
      (s) => s?.filters?.hideCtx === true && s.trees?.python?.scrollTop === 66 && (s.trees.python.collapsed ?? []).includes(paths.get(counter.id)!));
    await view.close();
    view = await harness.open('astExplorer', { state: saved });
    await view.send({ type: 'pythonAst', doc, result: sample });
    await view.page.waitForSelector('[role=treeitem]');
    assert.equal(await view.page.getByLabel('Hide ctx').isChecked(), true);
    assert.ok(!(await view.rowTexts()).some((t) => t.startsWith('ctx:')));
    assert.equal(await view.page.locator('[role=tree]').evaluate((tree) => tree.scrollTop), 66);
    await view.send({ type: 'cursor', uri: doc.uri, position: counter.range!.start });
    assert.equal(await view.page.locator(`[data-key="${paths.get(counter.id)}"]`).getAttribute('aria-expanded'), 'false');
  });

  it('renders the tree-sitter CST: switching source asks the host and shows field names, types and leaf text', async () => {
    await openWithSample();
    const cst = await syntaxTree(sampleText);
    assert.equal(cst.kind, 'ok');
    if (cst.kind !== 'ok') return;
    await view.page.getByRole('button', { name: 'tree-sitter' }).click();
    await view.waitForPosted((m) => m.type === 'setSource' && m.source === 'treeSitter');
    assert.equal(await view.page.getByRole('button', { name: 'tree-sitter' }).getAttribute('aria-pressed'), 'true');
    await view.send({ type: 'syntaxTree', doc, result: cst });
    await view.page.getByText(`${cst.nodeCount.toLocaleString('en-US')} nodes`).waitFor();
    const greet = cst.root.children.find((n) => n.type === 'function_definition')!;
    const nameNode = greet.children.find((n) => n.field === 'name')!;
    await view.send({ type: 'cursor', uri: doc.uri, position: nameNode.range.start });
    await view.waitFor(selectedText, (t) => t === `name: identifier greet ${formatRange(nameNode.range)}`);
    assert.equal(await view.page.locator('.row.selected').getAttribute('data-key'), 'module[2].name');
    assert.equal(await view.page.getByLabel('Hide ctx').isDisabled(), true, 'ctx is a CPython ast notion');
    // Back to CPython's tree: the view still has it and shows it at once.
    await view.page.getByRole('button', { name: 'CPython ast' }).click();
    await view.waitForPosted((m) => m.type === 'setSource' && m.source === 'python');
    await view.page.getByText(`${sample.nodeCount} nodes`).waitFor();
    // The source survives a reload: the view asks for it after ready.
    await view.page.getByRole('button', { name: 'tree-sitter' }).click();
    const saved = await view.waitFor(async () => (await view.record()).state as { source?: string }, (s) => s?.source === 'treeSitter');
    await view.close();
    view = await harness.open('astExplorer', { state: saved });
    await view.waitForPosted((m) => m.type === 'setSource' && m.source === 'treeSitter');
  });

  it('follows the source the host sends when the page did not ask for another', async () => {
    view = await harness.open('astExplorer');
    const cst = await syntaxTree(sampleText);
    await view.send({ type: 'loading', doc, source: 'treeSitter' });
    await view.send({ type: 'syntaxTree', doc, result: cst });
    await view.page.locator('[data-key="module"]').waitFor();
    assert.equal(await view.page.getByRole('button', { name: 'tree-sitter' }).getAttribute('aria-pressed'), 'true');
    assert.ok(!(await view.posted()).some((m) => m.type === 'setSource'), 'following is not asking');
    // Asked for CPython's tree, a late tree-sitter answer does not switch the page back.
    await view.page.getByRole('button', { name: 'CPython ast' }).click();
    await view.send({ type: 'syntaxTree', doc: { ...doc, version: 2 }, result: cst });
    await view.send({ type: 'pythonAst', doc: { ...doc, version: 2 }, result: sample });
    await view.page.locator('[data-key="Module"]').waitFor();
    assert.equal(await view.page.getByRole('button', { name: 'CPython ast' }).getAttribute('aria-pressed'), 'true');
  });

  it("renders typing.py's AST with a bounded number of DOM rows and scrolls through it", async () => {
    const text = typingSource();
    const big = ok(await python().pythonAst(text, 'python3'));
    assert.ok(big.nodeCount > 10000, `typing.py has ${big.nodeCount} nodes`);
    view = await harness.open('astExplorer');
    await view.send({ type: 'pythonAst', doc: stamp('typing.py'), result: big });
    await view.page.getByText(`${big.nodeCount.toLocaleString('en-US')} nodes`).waitFor();
    await view.page.locator('[role=tree]').focus();
    await view.page.keyboard.press('Home');
    await view.page.keyboard.press('*');
    const height = await view.waitFor(() => view.page.locator('[role=tree]').evaluate((tree) => tree.scrollHeight), (h) => h > big.nodeCount * 22);
    const rowCount = () => view.page.locator('[role=treeitem]').count();
    assert.ok((await rowCount()) < 120, `${await rowCount()} rows in the DOM`);
    await view.page.locator('[role=tree]').evaluate((tree, top) => (tree.scrollTop = top), Math.floor(height / 2));
    const middle = Math.floor(height / 2 / 22);
    await view.waitFor(
      () => view.page.$$eval('[role=treeitem]', (rows) => rows.map((r) => Number(r.getAttribute('data-index')))),
      (indexes) => indexes.length > 0 && Math.min(...indexes) <= middle && Math.max(...indexes) >= middle,
    );
    assert.ok((await rowCount()) < 120);
    // A cursor deep in the file reveals its node.
    const last = allNodes(big.root).filter(({ node }) => node.type === 'Name' && node.range).pop()!.node;
    await view.send({ type: 'cursor', uri: stamp('typing.py').uri, position: last.range!.start });
    await view.waitFor(selectedText, (t) => (t ?? '').includes(`Name ${formatRange(last.range!)}`));
    const cst = await syntaxTree(text);
    assert.equal(cst.kind, 'ok');
    await view.page.getByRole('button', { name: 'tree-sitter' }).click();
    await view.send({ type: 'syntaxTree', doc: stamp('typing.py'), result: cst });
    await view.page.getByText(/^[\d,]+ nodes$/).waitFor();
    assert.ok((await rowCount()) < 120);
  });

  it('shows CPython syntax errors with their position and goes to them', async () => {
    view = await harness.open('astExplorer');
    const result = await python().pythonAst(fixture('syntax_error.py'), 'python3');
    assert.equal(result.kind, 'syntaxError');
    if (result.kind !== 'syntaxError') return;
    await view.send({ type: 'pythonAst', doc: stamp('syntax_error.py'), result });
    const notice = view.page.locator('.notice-error');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    assert.ok(text.includes(`${result.type}: ${result.message}`), text);
    assert.ok(text.includes(`line ${result.range.start.line + 1}, column ${result.range.start.character + 1}`), text);
    await view.page.getByRole('button', { name: 'Go to error' }).click();
    await view.waitFor(selectRanges, (list) => list.length === 1 && JSON.stringify(list[0].range) === JSON.stringify(result.range));
    await view.page.getByRole('button', { name: 'Show the tree-sitter tree' }).click();
    await view.waitForPosted((m) => m.type === 'setSource' && m.source === 'treeSitter');
  });

  it('says plainly when there is no interpreter and offers the setting', async () => {
    view = await harness.open('astExplorer');
    const result = await python().pythonAst('x = 1\n', 'pyinsight-no-such-python');
    assert.equal(result.kind, 'unavailable');
    if (result.kind !== 'unavailable') return;
    await view.send({ type: 'pythonAst', doc: stamp('x.py'), result });
    const notice = view.page.locator('.notice');
    await notice.waitFor();
    assert.ok(((await notice.textContent()) ?? '').includes(result.message));
    await view.page.getByRole('button', { name: 'Open settings' }).click();
    await view.waitForPosted((m) => m.type === 'openSettings');
    assert.equal(await view.page.locator('[role=treeitem]').count(), 0);
  });

  it('drops an answer older than the one shown and says when no editor is open', async () => {
    await openWithSample();
    const older = ok(await python().pythonAst('old = 1\n', 'python3'));
    await view.send({ type: 'pythonAst', doc: { ...doc, version: 0 }, result: older });
    await view.send({ type: 'cursor', uri: doc.uri, position: { line: 0, character: 1 } });
    await view.waitFor(selectedText, (t) => /Import/.test(t ?? ''));
    assert.ok(!(await view.rowTexts()).some((t) => t.includes("'old'")));
    await view.send({ type: 'noEditor' });
    await view.page.getByText('Open a Python file to see its syntax tree.').waitFor();
    assert.equal(await view.page.locator('[role=treeitem]').count(), 0);
  });
});
