// What a user does in the workbench, as Playwright steps: open a file, run a command from the palette, hover, read
// the editor. Selectors are VS Code 1.139's; every wait has a deadline and none is a fixed sleep.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';

/** Screenshots of the UI scenarios (gitignored); emptied at the start of each run, so none is stale. */
export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'e2e');

/** The editor of the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user would, and waits until its text is rendered. */
export async function openFile(page: Page, name: string, firstText: string): Promise<Locator> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await activeEditor(page).locator('.view-lines', { hasText: firstText }).waitFor({ timeout: 60000 });
  return editorShowing(page, firstText);
}

/** The text editor showing `text`, wherever it is: stays pointed at it when a view takes the focus. */
export function editorShowing(page: Page, text: string): Locator {
  return page.locator('.editor-instance .monaco-editor').filter({ has: page.locator('.view-lines', { hasText: text }) }).first();
}

/** Runs a command by its palette label (`category: title`). */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The rendered lines of the editor (those in view), as the user reads them: VS Code renders spaces as U+00A0. */
export async function visibleLines(editor: Locator): Promise<string[]> {
  const lines = await editor.locator('.view-line').evaluateAll((elements) =>
    elements.map((e) => ({ top: parseFloat(e.style.top), text: e.textContent ?? '' })));
  // DOM order is not line order once the editor has scrolled: sort by position.
  return lines.sort((a, b) => a.top - b.top).map((line) => line.text.replace(/\u00a0/g, ' '));
}

/**
 * Clicks in the editor on the first occurrence of `text` in the line containing `lineHas`, where a user would:
 * the point is measured on the rendered characters, whatever spans the tokenizer split the line into.
 */
export async function clickText(editor: Locator, lineHas: string, text: string): Promise<void> {
  const line = editor.locator('.view-line').filter({ hasText: lineHas }).first();
  await line.waitFor();
  // Runs in the page. No named helpers inside (tsx's keepNames would wrap them in a __name() call the page does not
  // define), and no DOM type names (this project compiles without the DOM library): the element is typed by Playwright.
  const point = await line.evaluate((element, wanted) => {
    const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
    let full = '';
    const all = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
    for (let node = all.nextNode(); node; node = all.nextNode()) full += (node.textContent ?? '').replace(/\u00a0/g, ' ');
    const start = full.indexOf(wanted);
    if (start < 0) return undefined;
    const middle = start + Math.floor(wanted.length / 2);
    let offset = 0;
    const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (middle < offset + length) {
        const range = element.ownerDocument.createRange();
        range.setStart(node, middle - offset);
        range.setEnd(node, middle - offset + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      offset += length;
    }
    return undefined;
  }, text);
  if (!point) throw new Error(`"${text}" is not on the editor line with "${lineHas}"`);
  await editor.page().mouse.click(point.x, point.y);
}

/**
 * The lines (1-based) on which an editor draws selected text, read from what it renders: each selection overlay
 * sits at the same height as its line number in the margin. Works for editors without focus, whose selection the
 * status bar does not show.
 */
export function selectedLines(editor: Locator): Promise<number[]> {
  // Runs in the page: no named helpers (see clickText).
  return editor.evaluate((element) => {
    const numbers = new Map<string, number>();
    for (const margin of element.querySelectorAll('.margin-view-overlays > div')) {
      const text = margin.querySelector('.line-numbers')?.textContent?.trim();
      if (text) numbers.set(margin.style.top, Number(text));
    }
    const lines = [...element.querySelectorAll('.view-overlays > div')]
      .filter((overlay) => overlay.querySelector('.selected-text'))
      .map((overlay) => numbers.get(overlay.style.top))
      .filter((line): line is number => line !== undefined);
    return [...new Set(lines)].sort((a, b) => a - b);
  });
}

/**
 * The document of the webview that contains `selector`. VS Code nests each webview in two iframes and lays them
 * over the workbench (not inside the view's DOM), so the frame is found by what it shows.
 */
export async function webviewWith(page: Page, selector: string, timeoutMs = 60000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows ${selector}`);
    await page.waitForTimeout(200); // polling interval between looks at the frame tree, not a wait for a result
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
