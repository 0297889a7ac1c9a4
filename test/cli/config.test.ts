import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ensureBuilt, fixtureCopy, lines, removeCopy, runCli } from './cliHarness';

describe('pyinsight check: rule selection and pyproject.toml', function () {
  this.timeout(120_000);
  let root: string;
  before(() => {
    ensureBuilt();
    root = fixtureCopy();
  });
  after(() => removeCopy(root));

  const codes = (stdout: string) => lines(stdout).map((l) => l.split(' ')[0] + l.split(' ')[1]);

  it('--select takes prefixes, comma-separated and repeated', () => {
    const project = join(root, 'project');
    assert.deepEqual(codes(runCli(['check', '--select', 'PIN5', 'app.py'], project).stdout), ['app.py:2:4:PIN501']);
    assert.deepEqual(codes(runCli(['check', '--select', 'PIN1,PIN501', 'app.py'], project).stdout), ['app.py:2:4:PIN501']);
    assert.deepEqual(codes(runCli(['check', '--select', 'PIN1', '--select', 'PIN501', 'app.py'], project).stdout), ['app.py:2:4:PIN501']);
    const none = runCli(['check', '--select', 'PIN1', 'app.py'], project);
    assert.deepEqual([none.code, none.stdout], [0, '']);
  });

  it('--ignore removes rules, by prefix too', () => {
    const project = join(root, 'project');
    for (const ignore of ['PIN501', 'PIN5', 'ALL']) {
      const run = runCli(['check', '--ignore', ignore, 'app.py'], project);
      assert.deepEqual([run.code, run.stdout], [0, ''], ignore);
    }
  });

  it("honours the nearest pyproject.toml's [tool.pyinsight], passing over one without the table", () => {
    const run = runCli(['check'], join(root, 'configured'));
    // a.py and sub/b.py follow configured/pyproject.toml (ignore PIN501); selected/ has its own table.
    assert.deepEqual(codes(run.stdout), ['selected/c.py:2:5:PIN501']);
    assert.equal(run.code, 1);
  });

  it('lets --select override the file (its ignore list goes with it, as in Ruff)', () => {
    const run = runCli(['check', '--select', 'PIN5'], join(root, 'configured'));
    assert.deepEqual(codes(run.stdout), ['a.py:2:5:PIN501', 'selected/c.py:2:5:PIN501', 'sub/b.py:2:5:PIN501']);
  });

  it('lets --ignore remove a rule the file selected', () => {
    const run = runCli(['check', '--ignore', 'PIN5'], join(root, 'configured', 'selected'));
    assert.deepEqual([run.code, run.stdout], [0, '']);
  });

  it('warns once, naming the file, about invalid settings and keeps the defaults', () => {
    const folder = join(root, 'invalid');
    const run = runCli(['check', '.', 'a.py'], folder);
    assert.deepEqual(codes(run.stdout), ['a.py:2:5:PIN501']);
    const warnings = lines(run.stderr).filter((l) => l.startsWith('warning:'));
    assert.equal(warnings.length, 2, run.stderr);
    assert.ok(warnings.every((w) => w.includes(join(folder, 'pyproject.toml'))), run.stderr);
    assert.match(run.stderr, /'select' must be a list/);
    assert.match(run.stderr, /unknown setting 'colour'/);
    assert.equal(run.code, 1, 'a config warning is not an error');
  });

  it('warns about a pyproject.toml that is not valid TOML and keeps the defaults', () => {
    const folder = join(root, 'broken-toml');
    const run = runCli(['check'], folder);
    assert.deepEqual(codes(run.stdout), ['a.py:2:5:PIN501']);
    assert.match(run.stderr, new RegExp(`^warning: ${join(folder, 'pyproject.toml').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid TOML`, 'm'));
  });

  it('rejects malformed codes as a usage error (exit 2)', () => {
    const run = runCli(['check', '--select', 'E501'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--select takes a list of rule codes.*"E501"/);
  });

  it('warns about a well-formed code that matches no rule', () => {
    const run = runCli(['check', '--select', 'PIN999', 'project/app.py'], root);
    assert.match(run.stderr, /warning: 'PIN999' matches no pyinsight rule/);
    assert.equal(run.code, 0);
  });
});
