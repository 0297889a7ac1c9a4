// What a user sees in the editor: the squiggle, the explanation in the hover widget, and the quick fix applied from
// the lightbulb. Each step saves a screenshot to test/artifacts/.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { uiSession } from './session';
import { clickText, openFile, screenshot, visibleLines } from './workbench';

// objects_family.py: PIN502 on line 4 (`seen=[]`), PIN501 on line 10 (`state is "ready"`, an error through the
// workspace's pyproject.toml severity).
const FILE = 'objects_family.py';

describe('editor', function () {
  let page: Page;
  let editor: Locator;

  before(async () => {
    ({ page } = await uiSession());
    editor = await openFile(page, FILE, 'def remember');
  });

  it('shows squiggles under the findings', async () => {
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 60000 });
    await editor.locator('.squiggly-warning, .squiggly-info').first().waitFor();
    await screenshot(page, 'squiggles');
  });

  it('explains the finding in the hover widget', async () => {
    const squiggle = editor.locator('.squiggly-error').first();
    const hover = page.locator('.monaco-hover:visible', { hasText: 'PIN501' }).first();
    // Hovering needs the mouse to move onto the decoration; retried because the first move can land mid-layout.
    for (let attempt = 0; attempt < 5 && !(await hover.isVisible()); attempt++) {
      const box = await squiggle.boundingBox();
      assert.ok(box, 'the squiggle has no box');
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await hover.waitFor({ timeout: 5000 }).catch(() => page.mouse.move(0, 0));
    }
    const text = await hover.innerText();
    assert.match(text, /is-literal/);
    assert.match(text, /Why:/);
    assert.match(text, /Use instead:/);
    await screenshot(page, 'hover');
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
  });

  it('applies the quick fix from the lightbulb', async () => {
    assert.ok((await visibleLines(editor)).includes('    return state is "ready"'));
    await clickText(editor, 'state is', '"ready"');
    const lightbulb = page.locator('.lightBulbWidget').first();
    await lightbulb.waitFor({ state: 'visible', timeout: 30000 });
    await lightbulb.click();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace with ==' }).first();
    await fix.waitFor();
    assert.ok(await page.locator('.action-widget .monaco-list-row', { hasText: 'Suppress PIN501 with # noqa' }).count());
    await screenshot(page, 'quickfix-menu');
    await fix.click();
    await editor.locator('.view-line', { hasText: 'state == "ready"' }).waitFor();
    assert.ok((await visibleLines(editor)).includes('    return state == "ready"'));
    // The error squiggle goes once the server has re-checked the edited text; the PIN502 warning stays.
    await editor.locator('.squiggly-error').waitFor({ state: 'detached', timeout: 30000 });
    assert.ok(await editor.locator('.squiggly-warning, .squiggly-info').count());
    await screenshot(page, 'quickfix-applied');
  });
});
