// Screenshots of both views in light and dark themes, from real results, into test/artifacts/ (ignored by git)
// for a person to look at. The assertions only check that each view rendered what the picture is meant to show.
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Theme } from './themes';
import { defaultOptions, fixture, has313, positionOf, python, PYTHON313, stamp } from './data';
import { ARTIFACTS, useHarness } from './harness';

describe('webview screenshots (Chromium)', function () {
  this.timeout(60000);
  before(() => mkdirSync(ARTIFACTS, { recursive: true }));
  const harness = useHarness();
  const text = fixture('sample.py');
  const doc = stamp('sample.py');

  function saved(name: string): string {
    const path = join(ARTIFACTS, name);
    assert.ok(statSync(path).size > 10000, `${name} has content`);
    return path;
  }

  for (const theme of ['light', 'dark'] as Theme[]) {
    it(`AST explorer, ${theme}`, async () => {
      const view = await harness.open('astExplorer', { theme, width: 760, height: 560 });
      await view.send({ type: 'pythonAst', doc, result: await python().pythonAst(text, 'python3') });
      await view.page.getByRole('searchbox').fill('append');
      await view.send({ type: 'cursor', uri: doc.uri, position: positionOf(text, 'times)', 0) });
      await view.page.locator('.row.selected').waitFor();
      await view.page.locator('[role=tree]').focus();
      await view.page.screenshot({ path: join(ARTIFACTS, `ast-explorer-${theme}.png`) });
      saved(`ast-explorer-${theme}.png`);
      assert.deepEqual(view.errors, []);
      await view.close();
    });

    it(`bytecode view, ${theme}`, async () => {
      const view = await harness.open('bytecodeView', { theme, width: 760, height: 560 });
      const result = await python().bytecode(text, 'python3', defaultOptions);
      await view.send({ type: 'interpreters', current: 'python3', others: has313() ? [PYTHON313] : [] });
      await view.send({ type: 'bytecode', doc, result });
      const docs = await python().opcodeDocs('python3');
      await view.send({ type: 'opcodeDocs', result: docs });
      await view.send({ type: 'cursor', uri: doc.uri, position: positionOf(text, 'append(f"', 2) });
      await view.page.locator('.row.mark-cursor').first().waitFor();
      // Scroll to greet (after the module's header, its non-empty lists and its instructions) to show its loop.
      assert.equal(result.kind, 'ok');
      if (result.kind !== 'ok') return;
      const module = result.codeObjects[0];
      const lists = [module.varnames, module.cellvars, module.freevars, module.names, module.consts].filter((l) => l.length > 0).length;
      await view.page.locator('[role=tree]').evaluate((tree, top) => (tree.scrollTop = top), (1 + lists + module.instructions.length) * 22);
      await view.page.locator('[data-key="greet#0"]').waitFor();
      await view.page.locator('[data-key="greet#0"] ~ .row.mark-cursor .c-opname').first().hover();
      await view.page.getByRole('tooltip').waitFor();
      await view.page.screenshot({ path: join(ARTIFACTS, `bytecode-view-${theme}.png`) });
      saved(`bytecode-view-${theme}.png`);
      assert.deepEqual(view.errors, []);
      await view.close();
    });

    it(`bytecode comparison, ${theme}`, async function () {
      if (!has313()) this.skip();
      const view = await harness.open('bytecodeView', { theme, width: 1100, height: 560 });
      const [left, right] = await Promise.all([python().bytecode(text, 'python3', defaultOptions), python().bytecode(text, PYTHON313, defaultOptions)]);
      await view.send({ type: 'interpreters', current: 'python3', others: [PYTHON313], comparing: PYTHON313 });
      await view.send({ type: 'bytecode', doc, result: left, compare: right });
      await view.page.locator('.compare-heads').waitFor();
      await view.send({ type: 'cursor', uri: doc.uri, position: positionOf(text, 'range(times)', 1) });
      await view.page.locator('.row.mark-cursor').first().waitFor();
      await view.page.screenshot({ path: join(ARTIFACTS, `bytecode-compare-${theme}.png`) });
      saved(`bytecode-compare-${theme}.png`);
      assert.deepEqual(view.errors, []);
      await view.close();
    });
  }

  it('the no-interpreter notice, dark', async () => {
    const view = await harness.open('bytecodeView', { theme: 'dark', width: 600, height: 240 });
    await view.send({ type: 'bytecode', doc, result: await python().bytecode(text, 'pyinsight-no-such-python', defaultOptions) });
    await view.page.getByRole('button', { name: 'Open settings' }).waitFor();
    await view.page.screenshot({ path: join(ARTIFACTS, 'bytecode-no-interpreter-dark.png') });
    saved('bytecode-no-interpreter-dark.png');
    await view.close();
  });
});
