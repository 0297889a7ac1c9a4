// `pyinsight explain FILE:LINE:COL` prints the hover for a position, as editors show it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './cliHarness';

describe('pyinsight explain', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'pyinsight-explain-'));
    writeFileSync(join(dir, 'app.py'), 'import threading\nlabel = "😀"; ok = label is "x"\nworker = threading.Thread(target=print)\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explains a finding at a 1-based line and code-point column, as check reports it', () => {
    const check = runCli(['check', 'app.py'], dir);
    const [, row, column] = /app\.py:(\d+):(\d+): PIN501/.exec(check.stdout) ?? [];
    assert.deepEqual([row, column], ['2', '19'], 'the emoji counts as one column');
    const run = runCli(['explain', `app.py:${row}:${column}`], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\*\*PIN501\*\* `is-literal`/);
    assert.match(run.stdout, /\*\*Why:\*\*/);
  });

  it('exits 1 with a message where there is nothing to explain, 2 on errors', () => {
    const nothing = runCli(['explain', 'app.py:2:3'], dir);
    assert.equal(nothing.code, 1);
    assert.match(nothing.stderr, /nothing to explain at app\.py:2:3/);
    assert.equal(runCli(['explain', 'app.py:99:1'], dir).code, 2);
    assert.equal(runCli(['explain', 'missing.py:1:1'], dir).code, 2);
    const usage = runCli(['explain', 'app.py'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /explain takes one FILE:LINE:COL/);
  });
});
