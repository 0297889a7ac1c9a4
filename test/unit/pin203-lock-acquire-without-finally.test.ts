import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin203.py');

/** Compiles (never runs) `source` with python3; throws on a SyntaxError. */
function compiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

describe('PIN203 lock-acquire-without-finally', () => {
  it('reports the caret-marked calls of the fixture and none of its near misses', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN203');
  });

  it('converts acquire/release to a with block', async () => {
    const source = py`
      import threading as th

      lock = th.Lock()

      def record(counts, key):
          lock.acquire()
          # count it
          counts[key] = counts.get(
              key, 0,
          ) + 1
          lock.release()
          return counts
    `;
    const result = await fixed(source, 'PIN203');
    assert.equal(result, py`
      import threading as th

      lock = th.Lock()

      def record(counts, key):
          with lock:
              # count it
              counts[key] = counts.get(
                  key, 0,
              ) + 1
          return counts
    `);
    compiles(result);
    assert.deepEqual(await findings(result, 'PIN203'), []);
  });

  it('keeps tabs, CRLF line endings and string contents', async () => {
    const source = 'import threading\r\nlock = threading.Lock()\r\nif True:\r\n\tlock.acquire()\r\n\ts = """a\r\nb"""\r\n\tlock.release()\r\n\tdone = 1\r\n';
    const result = await fixed(source, 'PIN203');
    assert.equal(result, 'import threading\r\nlock = threading.Lock()\r\nif True:\r\n\twith lock:\r\n\t\ts = """a\r\nb"""\r\n\tdone = 1\r\n');
    compiles(result);
  });

  it('marks the fix unsafe when the code in between can leave early', async () => {
    const source = py`
      import threading
      lock = threading.Lock()
      def f(items):
          lock.acquire()
          for item in items:
              if item:
                  return item
          lock.release()
    `;
    const [finding] = await analyze(source, { select: ['PIN203'] });
    assert.equal(finding.fix?.safety, 'unsafe');
    compiles(await fixed(source, 'PIN203'));
    const [plain] = await analyze('import threading\nlock = threading.Lock()\nlock.acquire()\nx = 1\nlock.release()\n', { select: ['PIN203'] });
    assert.equal(plain.fix?.safety, 'safe');
  });

  it('offers no fix when the release is nested, shares a line or has a comment', async () => {
    for (const source of [
      'import threading\nlock = threading.Lock()\nlock.acquire()\nx = 1\nif x:\n    lock.release()\n',
      'import threading\nlock = threading.Lock()\nlock.acquire(); x = 1; lock.release()\n',
      'import threading\nlock = threading.Lock()\nlock.acquire()\nx = 1\nlock.release()  # done\n',
      'import threading\nlock = threading.Lock()\nlock.acquire()\nlock.release()\n',
    ]) {
      const results = await analyze(source, { select: ['PIN203'] });
      assert.equal(results.length, 1, source);
      assert.equal(results[0].fix, undefined, source);
    }
  });

  it('explains the deadlock, or the lost slot for a semaphore', async () => {
    const [lock] = await analyze('import threading\nlock = threading.Lock()\nlock.acquire()\nx = 1\nlock.release()\n', { select: ['PIN203'] });
    assert.match(lock.message, /`lock.release\(\)` on line 5 runs only if nothing before it raises/);
    assert.match(lock.message, /blocks forever \(a deadlock\)/);
    const [semaphore] = await analyze('import threading\ns = threading.BoundedSemaphore(2)\ns.acquire()\nx = 1\ns.release()\n', { select: ['PIN203'] });
    assert.match(semaphore.message, /slots is never given back/);
  });

  it('is suppressed by # noqa and # noqa: PIN203', async () => {
    for (const comment of ['# noqa', '# noqa: PIN203']) {
      assert.deepEqual(await findings(`import threading\nlock = threading.Lock()\nlock.acquire()  ${comment}\nx = 1\nlock.release()\n`, 'PIN203'), [], comment);
    }
    assert.equal((await findings('import threading\nlock = threading.Lock()\nlock.acquire()  # noqa: E501\nx = 1\nlock.release()\n', 'PIN203')).length, 1);
  });
});
