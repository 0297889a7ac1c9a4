// Diagnostics reach VS Code for each rule family, through the real language client and server, as a user sees them.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openEditor, sortedCodes, waitForDiagnostics, workspaceFile } from './helpers';

// One fixture per family (test/e2e/workspace); the codes each must show, no more and no fewer.
const FAMILIES: readonly (readonly [file: string, codes: readonly string[]])[] = [
  ['multiprocessing_family.py', ['PIN101', 'PIN102']],
  ['threads_family.py', ['PIN203']],
  ['async_family.py', ['PIN301']],
  ['iteration_family.py', ['PIN402']],
  ['objects_family.py', ['PIN501', 'PIN502']],
  ['ast_family.py', ['PIN601']],
];

describe('diagnostics', () => {
  for (const [file, codes] of FAMILIES) {
    it(`${file} shows ${codes.join(', ')}`, async () => {
      const uri = workspaceFile(file);
      await openEditor(file);
      await waitForDiagnostics(uri, `${codes.join(', ')} on ${file}`, (d) => sortedCodes(d).join() === codes.join());
    });
  }

  it('carries the rule code, a link to its documentation and the exact range', async () => {
    const uri = workspaceFile('async_family.py');
    await openEditor('async_family.py');
    const [diagnostic] = await waitForDiagnostics(uri, 'PIN301', (d) => d.length === 1);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'PIN301');
    assert.match(code.target.toString(), /docs\/rules\/PIN301\.md$/);
    // `time.sleep(1)` on line 7 (0-based 6), columns 4..17.
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
      [6, 4, 6, 17],
    );
    assert.match(diagnostic.message, /blocks the event loop/);
  });
});
