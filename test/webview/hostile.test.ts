// Text that looks like markup must stay text: a fixture full of `<script>`, `onerror=` and `</div>` strings,
// rendered by both views from real CPython and tree-sitter results (and a file name that is itself markup).
import assert from 'node:assert/strict';
import { defaultOptions, fixture, python, stamp, syntaxTree } from './data';
import { useHarness, type ViewPage } from './harness';

const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</div></span></li>', '<b onmouseover=alert(1)>bold</b>', '<svg onload=alert(1)>'];
const LABEL = '<img src=x onerror=alert(1)>.py';

describe('webviews render hostile text inertly (Chromium)', function () {
  this.timeout(60000);
  const harness = useHarness();
  let view: ViewPage;
  let dialogs: string[];
  const text = fixture('hostile.py');
  const doc = stamp(LABEL);

  async function open(name: 'astExplorer' | 'bytecodeView'): Promise<ViewPage> {
    view = await harness.open(name, { height: 4000 });
    dialogs = [];
    view.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return view;
  }

  /** Nothing but the one bundle script, no elements the strings spell, no inline handlers, no dialog, no CSP report. */
  async function assertInert(): Promise<void> {
    const counts = {
      scripts: await view.page.locator('script').count(),
      markup: await view.page.locator('img, svg, b, iframe, object, embed, li').count(),
      handlers: await view.page.locator('[onerror], [onload], [onmouseover]').count(),
    };
    assert.deepEqual(counts, { scripts: 1, markup: 0, handlers: 0 });
    // Give an injected handler every chance to fire: hover every row that shows markup-like text.
    for (const row of await view.page.locator('[role=treeitem]', { hasText: '<' }).all()) await row.hover();
    assert.deepEqual(dialogs, []);
    assert.deepEqual(view.errors, []);
    assert.deepEqual((await view.record()).violations, []);
    assert.equal(await view.page.locator('.doc-label').textContent(), LABEL);
  }

  async function searchFor(needle: string): Promise<string> {
    await view.page.getByRole('searchbox').fill(needle);
    return view.waitFor(async () => (await view.page.locator('.row.selected').textContent()) ?? '', (t) => t.includes(needle));
  }

  it('AST explorer: CPython constants and the tree-sitter leaves', async () => {
    const result = await python().pythonAst(text, 'python3');
    assert.equal(result.kind, 'ok');
    await open('astExplorer');
    await view.send({ type: 'pythonAst', doc, result });
    await view.page.waitForSelector('[role=treeitem]');
    for (const needle of HOSTILE) assert.ok((await searchFor(needle)).includes(needle));
    assert.ok((await searchFor('</div><script>alert(document.domain)</script>')).includes("'</div><script>alert(document.domain)</script>'"));
    await assertInert();
    const cst = await syntaxTree(text);
    await view.page.getByRole('button', { name: 'tree-sitter' }).click();
    await view.send({ type: 'syntaxTree', doc, result: cst });
    await view.page.getByText(/^[\d,]+ nodes$/).waitFor();
    for (const needle of HOSTILE) assert.ok((await searchFor(needle)).includes(needle));
    await assertInert();
  });

  it('malformed host messages show a message, and the next good one is shown', async () => {
    for (const name of ['astExplorer', 'bytecodeView'] as const) {
      await open(name);
      await view.send('not an object');
      await view.send({ type: 'no-such-message' });
      await view.send({ type: name === 'astExplorer' ? 'pythonAst' : 'bytecode', doc, result: { kind: 'ok', interpreter: { version: '3.11.7' } } });
      await view.page.getByText(/could not show this result/).waitFor();
      const good = name === 'astExplorer' ? await python().pythonAst(text, 'python3') : await python().bytecode(text, 'python3', defaultOptions);
      await view.send({ type: name === 'astExplorer' ? 'pythonAst' : 'bytecode', doc: { ...doc, version: 2 }, result: good });
      await view.page.waitForSelector('[role=treeitem]');
      assert.equal(await view.page.getByText(/could not show this result/).count(), 0);
      assert.deepEqual(view.errors, []);
      await view.close();
    }
  });

  it('bytecode view: argreprs, constants and names', async () => {
    const result = await python().bytecode(text, 'python3', defaultOptions);
    assert.equal(result.kind, 'ok');
    if (result.kind !== 'ok') return;
    await open('bytecodeView');
    await view.send({ type: 'bytecode', doc, result });
    await view.page.waitForSelector('[role=treeitem]');
    await view.page.locator('[data-key="<module>#0:consts"] .twisty').click();
    const all = (await view.rowTexts()).join('\n');
    for (const needle of HOSTILE) assert.ok(all.includes(needle), needle);
    const argreprs = await view.page.locator('.c-argrepr').allTextContents();
    assert.ok(argreprs.includes(`'${HOSTILE[0]}'`), 'LOAD_CONST shows the string as text');
    await assertInert();
  });
});
