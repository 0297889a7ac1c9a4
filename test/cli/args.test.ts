import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ROOT, runCli } from './cliHarness';

describe('pyinsight: arguments', function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  it('--help prints usage and the options, exit 0', () => {
    for (const args of [['--help'], ['check', '--help'], ['-h']]) {
      const run = runCli(args, ROOT);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /Usage:\n {2}pyinsight check \[PATHS\.\.\.\]/);
      for (const option of ['--format', '--select', '--ignore', '--exit-zero', '--version']) assert.ok(run.stdout.includes(option), option);
    }
  });

  it('--version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = runCli(['--version'], ROOT);
    assert.deepEqual([run.code, run.stdout], [0, `pyinsight ${version}\n`]);
  });

  it('exits 2 with a message on usage errors', () => {
    for (const [args, pattern] of [
      [[], /missing command/],
      [['lint'], /unknown command 'lint'/],
      [['check', '--format', 'xml'], /--format must be one of text, json, sarif/],
      [['check', '--colour'], /Unknown option '--colour'/],
    ] as const) {
      const run = runCli(args, ROOT);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, pattern);
      assert.equal(run.stdout, '');
    }
  });
});
