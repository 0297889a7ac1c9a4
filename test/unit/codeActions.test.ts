// Code actions and hovers through the service: quick-fixes from Diagnostic.data, recomputed fixes for stale
// diagnostics, # noqa suppression edits, fix-all (safe fixes only), and the rule explanation on hover.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { mergeSettings } from '../../server/src/service/config';
import { neverCancelled } from '../../server/src/service/types';
import { getService, py, sourceFile } from '../helpers/service';

const settings = mergeSettings();

async function actionsFor(text: string, only?: string[], pick: (d: Diagnostic[]) => Diagnostic[] = (d) => d) {
  const service = await getService();
  const file = await sourceFile(text);
  const diagnostics = service.diagnostics(file, settings, neverCancelled);
  const actions = service.codeActions(file, { diagnostics: pick(diagnostics), only }, settings, neverCancelled);
  return { file, diagnostics, actions, service };
}

function apply(text: string, action: CodeAction): string {
  const edits = Object.values(action.edit?.changes ?? {})[0] as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create('file:///a.py', 'python', 1, text), edits);
}

describe('code actions', () => {
  it('offers the rule fix (preferred when safe) and a noqa suppression per diagnostic', async () => {
    const text = 'ok = value is 1\n';
    const { actions } = await actionsFor(text);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
      ['Replace with ==', 'quickfix', true],
      ['Suppress PIN501 with # noqa', 'quickfix', false],
    ]);
    assert.equal(apply(text, actions[0]), 'ok = value == 1\n');
    assert.equal(apply(text, actions[1]), 'ok = value is 1  # noqa: PIN501\n');
  });

  it('adds the code to an existing noqa list instead of a second comment', async () => {
    const text = 'ok = value is 1  # noqa: E501\n';
    const { actions } = await actionsFor(text);
    assert.equal(apply(text, actions.find((a) => a.title.startsWith('Suppress'))!), 'ok = value is 1  # noqa: E501, PIN501\n');
  });

  it('recomputes the fix when the diagnostic comes from an older version of the document', async () => {
    const text = 'ok = value is not "x"\n';
    const service = await getService();
    const file = await sourceFile(text);
    const [diagnostic] = service.diagnostics(file, settings, neverCancelled);
    const stale = { ...diagnostic, data: { version: -1 } };
    const [fix] = service.codeActions(file, { diagnostics: [stale] }, settings, neverCancelled);
    assert.equal(apply(text, fix), 'ok = value != "x"\n');
  });

  it('fix-all applies every safe fix and no unsafe one', async () => {
    const text = py`
      def reads(xs=[]):
          return len(xs) if xs is not 0 else 0

      def grows(xs=[]):
          xs.append(1)
          return xs
    `;
    const { actions } = await actionsFor(text, ['source.fixAll'], () => []);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.pyinsight');
    assert.equal(apply(text, actions[0]), py`
      def reads(xs=None):
          if xs is None:
              xs = []
          return len(xs) if xs != 0 else 0

      def grows(xs=[]):
          xs.append(1)
          return xs
    `);
  });

  it('offers no fix-all when nothing is safely fixable, and no quick fixes when only fix-all is asked for', async () => {
    const { actions } = await actionsFor('def grows(xs=[]):\n    xs.append(1)\n', ['source.fixAll']);
    assert.deepEqual(actions, []);
  });
});

describe('hover on a diagnostic', () => {
  it("shows the rule's explanation over its range and nothing elsewhere", async () => {
    const service = await getService();
    const file = await sourceFile('a = 1\nb = a is 1\n');
    const hover = service.hover(file, { line: 1, character: 6 }, settings, neverCancelled);
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /^\*\*PIN501\*\* `is-literal`/);
    assert.match(value, /\*\*Why:\*\* .*-5 to 256/s);
    assert.match(value, /```python\n/);
    assert.deepEqual(hover?.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 10 } });
    assert.equal(service.hover(file, { line: 0, character: 2 }, settings, neverCancelled), undefined);
  });
});
