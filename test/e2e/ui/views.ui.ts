// The AST explorer and the bytecode view as a user meets them: opened from the command palette, showing CPython's
// answer for the active file, and selection following in both directions (a click in the view selects the source;
// moving the editor's cursor marks the view). Skipped while the installed extension does not contribute them.
import assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import { uiSession, type UiSession } from './session';
import { clickText, openFile, runCommand, screenshot, selectedLines, webviewWith } from './workbench';

// topics.py:
//   1 class Account:
//   2     def __init__(self):
//   3         self.__balance = 0
//   6 def numbers():
//   7     yield 1
//   10 total = sum(numbers())
const FILE = 'topics.py';

function contributes(session: UiSession, command: string): string | undefined {
  const entry = session.manifest.contributes?.commands?.find((c) => c.command === command);
  return entry ? `${entry.category ? `${entry.category}: ` : ''}${entry.title}` : undefined;
}

/** Waits until the editor draws its selection on exactly `lines`. */
async function waitForLines(editor: Locator, lines: readonly number[]): Promise<void> {
  const deadline = Date.now() + 30000;
  let seen: number[] = [];
  while (Date.now() < deadline) {
    seen = await selectedLines(editor);
    if (seen.join() === lines.join()) return;
    await editor.page().waitForTimeout(100); // polling interval
  }
  assert.fail(`the editor's selection is on lines [${seen.join(', ')}], expected [${lines.join(', ')}]`);
}

describe('views', function () {
  let session: UiSession;
  let page: Page;
  let editor: Locator;

  before(async () => {
    session = await uiSession();
    page = session.page;
  });

  beforeEach(async () => {
    editor = await openFile(page, FILE, 'class Account');
  });

  it('AST explorer: shows CPython\'s tree and follows the selection both ways', async function () {
    const label = contributes(session, 'pyinsight.showAstExplorer');
    if (!label) this.skip();
    await runCommand(page, label);
    const view: Frame = await webviewWith(page, '.ast-explorer [role="treeitem"]');
    const rows = view.locator('[role="treeitem"]');
    await rows.filter({ hasText: 'ClassDef' }).first().waitFor();
    assert.ok(await rows.filter({ hasText: /^\s*Module/ }).count(), 'no Module root');

    // View → editor: clicking the ClassDef row selects the class's source, lines 1 to 3. (The list is virtual:
    // only rows near the top exist before anything scrolls it.)
    await rows.filter({ hasText: 'ClassDef' }).filter({ hasText: '[1:0' }).first().locator('.type').click();
    await waitForLines(editor, [1, 2, 3]);

    // Editor → view: a click on `numbers` (line 6) selects the innermost node there, revealing it: the FunctionDef.
    await clickText(editor, 'def numbers', 'numbers');
    const selected = view.locator('[role="treeitem"][aria-selected="true"]');
    await selected.filter({ hasText: 'FunctionDef' }).waitFor({ timeout: 30000 });
    assert.match(await selected.innerText(), /\[6:0/);
    await screenshot(page, 'ast-explorer');
  });

  it('bytecode view: shows dis per code object and follows the selection both ways', async function () {
    const label = contributes(session, 'pyinsight.showBytecode');
    if (!label) this.skip();
    await editor.click(); // the palette entry shows only while a Python editor is active
    await runCommand(page, label);
    const view: Frame = await webviewWith(page, '.bytecode-view [data-opname]');
    const rows = view.locator('[role="treeitem"]');
    const row = (opname: string, text: string) => rows.filter({ has: view.locator(`[data-opname="${opname}"]`) }).filter({ hasText: text }).first();

    // View → editor: one click on the module's `STORE_NAME numbers` (near the top of the list; it is virtual, so
    // rows further down do not exist yet) selects that instruction and its source, `def numbers` on lines 6-7.
    await row('STORE_NAME', 'numbers').locator('[data-opname]').click();
    assert.deepEqual(await view.locator('.row.selected').allInnerTexts(), [await row('STORE_NAME', 'numbers').innerText()],
      'the click did not select the instruction under the pointer');
    await waitForLines(editor, [6, 7]);

    // Editor → view: the cursor on `sum` (line 10) marks the instructions compiled from that point, and only those.
    await clickText(editor, 'total = sum', 'sum');
    await view.locator('.row.mark-cursor', { has: view.locator('[data-opname="LOAD_NAME"]') }).filter({ hasText: 'sum' }).first().waitFor({ timeout: 30000 });
    assert.doesNotMatch(await row('STORE_NAME', 'numbers').getAttribute('class') ?? '', /mark-cursor/);
    await screenshot(page, 'bytecode-view');
  });
});
