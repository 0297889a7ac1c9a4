// The whole CPython standard library of this machine (tests, Python 2 files in lib2to3, deliberately broken files):
// the CLI must get through every file, and refuse only files that CPython itself cannot decode.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { CLI, ensureBuilt } from './cliHarness';

interface JsonFinding {
  readonly filename: string;
  readonly code: string;
  readonly location: { readonly row: number; readonly column: number };
}

describe('pyinsight check on the CPython standard library', function () {
  this.timeout(300_000);

  it('checks every file without crashing; only files CPython cannot decode are reported as errors', () => {
    ensureBuilt();
    const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
    const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', stdlib], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 280_000 });
    assert.ok(run.status === 1 || run.status === 2, `exit ${run.status}: ${run.stderr.slice(0, 2000)}`);
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    assert.ok(findings.length > 50, 'the stdlib has findings (mutable defaults at least)');
    for (const f of findings) assert.ok(f.location.row >= 1 && f.location.column >= 1 && /^PIN\d{3}$/.test(f.code));
    assert.doesNotMatch(run.stderr, /internal error|TypeError|RangeError|at .*\.js:\d+/i);

    const unreadable = [...run.stderr.matchAll(/^(.+\.pyi?): error: /gm)].map((m) => m[1]);
    if (unreadable.length > 0) {
      // Ask CPython to decode each refused file the way it would before compiling it (no code runs).
      const verdicts = execFileSync('python3', ['-c', 'import sys, tokenize, json\nout = []\nfor p in sys.argv[1:]:\n    try:\n        tokenize.open(p).read(); out.append(True)\n    except (SyntaxError, UnicodeDecodeError, LookupError, ValueError):\n        out.append(False)\nprint(json.dumps(out))', ...unreadable], { encoding: 'utf8' });
      assert.deepEqual(JSON.parse(verdicts), unreadable.map(() => false), `files refused but readable by CPython: ${unreadable.join(', ')}`);
    }
  });
});
