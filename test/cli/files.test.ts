import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ensureBuilt, fixtureCopy, lines, removeCopy, runCli } from './cliHarness';

describe('pyinsight check: files that cannot be checked', function () {
  this.timeout(120_000);
  let root: string;
  let folder: string;
  before(() => {
    ensureBuilt();
    root = fixtureCopy();
    folder = join(root, 'badfiles');
  });
  after(() => removeCopy(root));

  it('reports binary and non-UTF-8 files per file, still checks the rest, and exits 2', () => {
    const run = runCli(['check'], folder);
    assert.equal(run.code, 2);
    assert.deepEqual(lines(run.stdout).map((l) => l.split(' ')[0]), ['bom.py:2:5:', 'crlf.py:3:5:', 'declared.py:3:15:', 'good.py:2:5:']);
    const errors = lines(run.stderr).filter((l) => l.includes(': error: '));
    assert.deepEqual(errors.map((e) => e.slice(0, e.indexOf(': error: '))), ['binary.py', 'latin1.py']);
    assert.match(run.stderr, /^binary\.py: error: binary file \(contains NUL bytes\)/m);
    assert.match(run.stderr, /^latin1\.py: error: not valid UTF-8 \(byte 0xe9 on line 2\)/m);
    assert.match(run.stderr, /Found 4 problems in 4 files\.\n2 files could not be checked\.\n$/);
  });

  it('decodes a PEP 263 coding declaration and counts columns in the decoded text', () => {
    const run = runCli(['check', '--format', 'json', 'declared.py'], folder);
    const [message] = JSON.parse(run.stdout) as Array<{ location: { row: number; column: number } }>;
    assert.deepEqual(message.location, { row: 3, column: 15 });
    assert.equal(run.code, 1);
  });

  it('strips a UTF-8 byte order mark before counting columns', () => {
    const run = runCli(['check', 'bom.py'], folder);
    assert.match(run.stdout, /^bom\.py:2:5: PIN501/);
  });

  it('exits 2 for a bad file even with --exit-zero, and still prints valid JSON', () => {
    const run = runCli(['check', '--exit-zero', '--format', 'json', 'binary.py', 'good.py'], folder);
    assert.equal(run.code, 2);
    assert.equal((JSON.parse(run.stdout) as unknown[]).length, 1);
    assert.match(run.stderr, /^binary\.py: error:/m);
  });

  it('reports a missing path and checks the others', () => {
    const run = runCli(['check', 'missing.py', 'good.py'], folder);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^missing\.py: error: No such file or directory$/m);
    assert.equal(lines(run.stdout).length, 1);
  });
});
