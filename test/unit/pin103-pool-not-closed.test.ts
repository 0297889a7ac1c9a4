import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { poolNotClosed } from '../../server/src/service/rules/pin103-pool-not-closed';
import { compileAll } from '../helpers/fixes';
import { analyze, applyEdits, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin103.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function fixOf(text: string) {
  const [finding] = await analyze(text, { select: ['PIN103'] });
  assert.ok(finding, 'expected a PIN103 finding');
  const fix = finding.fix;
  if (fix) produced.push(applyEdits(text, fix.edits));
  return fix && { text: applyEdits(text, fix.edits), safety: fix.safety };
}

describe('PIN103 pool-not-closed: detection', () => {
  it('reports the caret-marked pools of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN103');
  });

  it('says what happens to the workers, for pools and for executors', async () => {
    const [pool] = await analyze('from multiprocessing import Pool\ndef f(v):\n    pool = Pool(4)\n    return pool.map(abs, v)\n', { select: ['PIN103'] });
    assert.match(pool.message, /never calls `close\(\)` and `join\(\)` \(or `terminate\(\)`\)/);
    assert.match(pool.message, /ResourceWarning: unclosed running multiprocessing pool/);
    assert.match(pool.message, /Use `with Pool\(…\) as pool:`/);
    const [executor] = await analyze('import concurrent.futures as cf\ndef f(v):\n    ex = cf.ThreadPoolExecutor()\n    if v:\n        ex.shutdown()\n    ex.submit(print)\n', { select: ['PIN103'] });
    assert.match(executor.message, /only calls `shutdown\(\)` inside an `if`/);
    assert.equal(executor.severity, 'warning');
  });

  it('stays quiet on a name bound before, or rebound, or declared global', async () => {
    assert.deepEqual(await findings('from multiprocessing import Pool\ndef f():\n    pool = Pool()\n    pool.map(abs, [1])\n    pool = None\n', 'PIN103'), []);
    assert.deepEqual(await findings('from multiprocessing import Pool\ndef f():\n    global pool\n    pool = Pool()\n    pool.map(abs, [1])\n', 'PIN103'), []);
    assert.deepEqual(await findings('from multiprocessing import Pool\ndef f():\n    pool: Pool = make()\n    pool.map(abs, [1])\n', 'PIN103'), []);
  });

  it('checks the claims against CPython: Pool.__exit__ terminates, Executor.__exit__ shuts down and waits', () => {
    // Reads the standard library source only; nothing of the fixture runs.
    const script = 'import inspect, multiprocessing.pool as p, concurrent.futures._base as b\nprint("terminate()" in inspect.getsource(p.Pool.__exit__), "shutdown(wait=True)" in inspect.getsource(b.Executor.__exit__), "unclosed running multiprocessing pool" in inspect.getsource(p.Pool.__del__))';
    assert.equal(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim(), 'True True True');
  });
});

describe('PIN103 pool-not-closed: fix', () => {
  it('turns the assignment into a with statement over the statements through the last use', async () => {
    const before = py`
      from multiprocessing import Pool
      def f(values):
          pool = Pool(4)
          squares = pool.map(abs, values)
          # the comment moves too
          total = sum(pool.map(abs, squares))
          print(total)
          return total
    `;
    const fix = await fixOf(before);
    assert.equal(fix?.safety, 'unsafe');
    assert.equal(fix?.text, py`
      from multiprocessing import Pool
      def f(values):
          with Pool(4) as pool:
              squares = pool.map(abs, values)
              # the comment moves too
              total = sum(pool.map(abs, squares))
          print(total)
          return total
    `);
    assert.equal(await fixed(before, 'PIN103'), fix?.text);
  });

  it('keeps multi-line calls, tabs and CRLF', async () => {
    assert.equal((await fixOf('from multiprocessing import Pool\ndef f():\n\tp = Pool(\n\t\t2,\n\t)\n\treturn p.map(abs, [1])\n'))?.text,
      'from multiprocessing import Pool\ndef f():\n\twith Pool(\n\t\t2,\n\t) as p:\n\t\treturn p.map(abs, [1])\n');
    assert.equal((await fixOf('from multiprocessing import Pool\r\ndef f():\r\n    p = Pool()\r\n    if p.map(abs, [1]):\r\n        p.close()\r\n'))?.text,
      'from multiprocessing import Pool\r\ndef f():\r\n    with Pool() as p:\r\n        if p.map(abs, [1]):\r\n            p.close()\r\n');
  });

  it('offers no fix when the name is never used or shares a line with another statement', async () => {
    assert.equal(await fixOf('from multiprocessing import Pool\ndef f():\n    p = Pool()\n'), undefined);
    assert.equal(await fixOf('from multiprocessing import Pool\ndef f():\n    p = Pool(); p.map(abs, [1])\n'), undefined);
    assert.equal(await fixOf('from multiprocessing import Pool\ndef f():\n    p = Pool()\n    p.map(abs, [1]); print(1)\n'), undefined);
  });

  after('every fixed text compiles with CPython', function () {
    if (produced.length === 0) return;
    assert.equal(compileAll(produced), 'ok');
  });
});

describe('PIN103 pool-not-closed: docs', () => {
  it('fires on the documented example, not on the suggested replacement, and the fix gives the replacement', async () => {
    assert.equal((await findings(poolNotClosed.docs.example, 'PIN103')).length, 1);
    assert.deepEqual(await findings(poolNotClosed.docs.useInstead, 'PIN103'), []);
    assert.equal((await fixOf(poolNotClosed.docs.example))?.text, poolNotClosed.docs.useInstead);
  });
});

describe('PIN103 pool-not-closed: noqa', () => {
  it('is suppressed by # noqa and # noqa: PIN103 only', async () => {
    for (const comment of ['# noqa', '# noqa: PIN103', '# NOQA:E501,PIN103']) {
      assert.deepEqual(await findings(`from multiprocessing import Pool\ndef f():\n    p = Pool()  ${comment}\n    p.map(abs, [1])\n`, 'PIN103'), [], comment);
    }
    assert.equal((await findings('from multiprocessing import Pool\ndef f():\n    p = Pool()  # noqa: PIN102\n    p.map(abs, [1])\n', 'PIN103')).length, 1);
  });
});
