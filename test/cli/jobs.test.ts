// `pyinsight check --jobs N`: worker threads share one queue of files, and the output must not depend on N.
// The corpus is every fixture of the repository (rule fixtures, undecodable and binary files, broken and nested
// pyproject.toml files), copied where no pyproject.toml above it can interfere.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultJobs, FILES_PER_WORKER } from '../../server/src/cli/pool';
import { TIMINGS_PREFIX } from '../../server/src/cli/timings';
import { ensureBuilt, removeCopy, ROOT, runCli, type CliRun } from './cliHarness';

describe('pyinsight check --jobs', function () {
  this.timeout(180_000);
  let root: string;
  before(() => {
    ensureBuilt();
    root = mkdtempSync(join(tmpdir(), 'pyinsight-jobs-'));
    cpSync(join(ROOT, 'test', 'fixtures'), join(root, 'fixtures'), { recursive: true });
  });
  after(() => removeCopy(root));

  const check = (format: string, jobs: number, extra: readonly string[] = []): CliRun =>
    runCli(['check', 'fixtures', '--format', format, '--jobs', String(jobs), ...extra], root);

  for (const format of ['text', 'json', 'sarif']) {
    it(`prints byte-identical ${format} output, stderr and exit code with 1, 2 and 3 jobs`, () => {
      const single = check(format, 1);
      // The corpus has findings, unreadable files (exit 2) and pyproject.toml warnings: all three must survive.
      assert.equal(single.code, 2, single.stderr);
      assert.ok(single.stdout.length > 1000, 'the fixtures have findings');
      assert.match(single.stderr, /binary\.py: error: binary file/);
      assert.match(single.stderr, /warning: .*pyproject\.toml/);
      for (const jobs of [2, 3]) {
        const parallel = check(format, jobs);
        assert.equal(parallel.code, single.code, `exit code with --jobs ${jobs}`);
        assert.equal(parallel.stdout, single.stdout, `stdout with --jobs ${jobs}`);
        assert.equal(parallel.stderr, single.stderr, `stderr with --jobs ${jobs}`);
      }
    });
  }

  it('really runs on worker threads when asked, and reports per-phase timings on stderr', () => {
    const run = check('json', 2, ['--timings']);
    const line = run.stderr.split('\n').find((l) => l.startsWith(TIMINGS_PREFIX));
    assert.ok(line, run.stderr);
    const timings = JSON.parse(line.slice(TIMINGS_PREFIX.length)) as { jobs: number; files: number; phasesMs: Record<string, number> };
    assert.equal(timings.jobs, 2);
    assert.ok(timings.files > 50);
    for (const phase of ['init', 'read', 'parse', 'analyse', 'report']) assert.ok(timings.phasesMs[phase] >= 0, phase);
    assert.ok(timings.phasesMs.parse > 0 && timings.phasesMs.analyse > 0);
    // Without --timings nothing extra is printed.
    assert.ok(!check('json', 2).stderr.includes(TIMINGS_PREFIX));
  });

  it('uses no more threads than there are files', () => {
    const run = runCli(['check', 'fixtures/pin501.py', '--jobs', '4', '--timings', '--exit-zero'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /"jobs":1,"files":1,/);
  });

  it('rejects a --jobs that is not a whole number from 1 up', () => {
    for (const value of ['0', '-1', '1.5', 'two', '']) {
      const run = runCli(['check', 'fixtures', `--jobs=${value}`], root);
      assert.equal(run.code, 2, value);
      assert.match(run.stderr, /--jobs takes a whole number/);
    }
  });

  it('chooses one thread per core by default, but only when there are enough files to pay for a worker', () => {
    assert.equal(defaultJobs(1, 8), 1);
    assert.equal(defaultJobs(2 * FILES_PER_WORKER - 1, 8), 1);
    assert.equal(defaultJobs(2 * FILES_PER_WORKER, 8), 2);
    assert.equal(defaultJobs(100 * FILES_PER_WORKER, 2), 2);
    assert.equal(defaultJobs(100 * FILES_PER_WORKER, 1), 1);
  });
});
