import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ensureBuilt, fixtureCopy, lines, removeCopy, runCli } from './cliHarness';

interface JsonLocation { column: number; row: number }
interface JsonMessage {
  cell: null;
  code: string;
  end_location: JsonLocation;
  filename: string;
  fix: null | { applicability: string; edits: Array<{ content: string; end_location: JsonLocation; location: JsonLocation }>; message: string };
  location: JsonLocation;
  message: string;
  noqa_row: number;
  url: string;
}

describe('pyinsight check: text and JSON output', function () {
  this.timeout(120_000);
  let root: string;
  let project: string;
  before(() => {
    ensureBuilt();
    root = fixtureCopy();
    project = join(root, 'project');
  });
  after(() => removeCopy(root));

  it('prints path:row:col: CODE message in sorted-walk order, skipping excluded folders', () => {
    const run = runCli(['check', '--select', 'PIN501'], project);
    assert.equal(run.code, 1, run.stderr);
    const found = lines(run.stdout).map((l) => l.slice(0, l.indexOf(' PIN501 ') + 7));
    assert.deepEqual(found, [
      'app.py:2:4: PIN501',
      // `build` is not in Ruff's default excludes (it is a common package name), so it is checked.
      'build/generated.py:2:5: PIN501',
      'emoji.py:2:12: PIN501',
      'pkg/stubs.pyi:2:8: PIN501',
    ]);
    assert.match(lines(run.stdout)[0], /^app\.py:2:4: PIN501 "is" with an int literal/);
    assert.equal(run.stderr, 'Found 4 problems in 4 files.\n');
  });

  it('never reports files in .venv, virtualenvs (pyvenv.cfg), node_modules, dist, .tox or __pycache__', () => {
    const out = runCli(['check', '--select', 'PIN501'], project).stdout;
    for (const skipped of ['.venv', 'env-3.12', 'node_modules', 'dist', '.tox', '__pycache__', 'notes.txt']) {
      assert.ok(!out.includes(skipped), `${skipped} should be skipped:\n${out}`);
    }
  });

  it('checks an excluded folder or a file of any extension when it is named explicitly', () => {
    const run = runCli(['check', '--select', 'PIN501', '.venv', 'notes.txt'], project);
    assert.deepEqual(lines(run.stdout).map((l) => l.split(' ')[0]), ['.venv/lib/site.py:2:5:', 'notes.txt:1:1:']);
  });

  it('exits 0 with "All checks passed." on a clean file', () => {
    const run = runCli(['check', 'pkg/clean.py'], project);
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, '', 'All checks passed.\n']);
  });

  it('exits 0 with --exit-zero although there are findings', () => {
    const run = runCli(['check', '--exit-zero', 'app.py'], project);
    assert.equal(run.code, 0);
    assert.equal(lines(run.stdout).length, 1);
  });

  it("emits Ruff's JSON shape with 1-based rows and code-point columns", () => {
    const run = runCli(['check', '--format', 'json', '--select', 'PIN501', 'emoji.py', 'app.py'], project);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '', 'no summary on stderr for machine-readable output');
    const messages = JSON.parse(run.stdout) as JsonMessage[];
    assert.deepEqual(messages.map((m) => Object.keys(m)), messages.map(() => ['cell', 'code', 'end_location', 'filename', 'fix', 'location', 'message', 'noqa_row', 'url']));
    const [emoji, app] = messages;
    // `s = "😀" if x is 1`: the emoji is one code point (two UTF-16 units), so `x` is column 12, not 13.
    assert.deepEqual(
      { ...emoji, message: undefined },
      {
        cell: null,
        code: 'PIN501',
        end_location: { column: 18, row: 2 },
        filename: join(project, 'emoji.py'),
        fix: { applicability: 'safe', edits: [{ content: '==', end_location: { column: 16, row: 2 }, location: { column: 14, row: 2 } }], message: 'Replace with ==' },
        location: { column: 12, row: 2 },
        message: undefined,
        noqa_row: 2,
        url: 'https://github.com/pyinsight/pyinsight/blob/main/docs/rules/PIN501.md',
      },
    );
    assert.match(emoji.message, /"is" with an int literal/);
    assert.equal(app.filename, join(project, 'app.py'));
    assert.deepEqual([app.location, app.end_location, app.noqa_row], [{ column: 4, row: 2 }, { column: 10, row: 2 }, 2]);
  });

  it('prints an empty JSON array when clean', () => {
    const run = runCli(['check', '--format', 'json', 'pkg/clean.py'], project);
    assert.deepEqual([run.code, JSON.parse(run.stdout)], [0, []]);
  });

  it('keeps the summary off stdout and the findings off stderr', () => {
    const run = runCli(['check', '--select', 'PIN501', 'app.py'], project);
    assert.ok(!run.stdout.includes('Found'));
    assert.ok(!run.stderr.includes('PIN501'));
  });
});
