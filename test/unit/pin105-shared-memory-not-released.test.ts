import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin105.py');

/** Compiles (never runs) `source` with python3; throws on a SyntaxError. */
function compiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

describe('PIN105 shared-memory-not-released', () => {
  it('reports the caret-marked creations of the fixture and none of its near misses', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN105');
  });

  it('moves a final close() into finally and adds unlink()', async () => {
    const source = py`
      from multiprocessing.shared_memory import SharedMemory

      def checksum(data):
          shm = SharedMemory(create=True, size=len(data))
          # fill it
          shm.buf[:len(data)] = data
          total = sum(
              shm.buf[:len(data)],
          )
          shm.close()  # done
    `;
    const result = await fixed(source, 'PIN105');
    assert.equal(result, py`
      from multiprocessing.shared_memory import SharedMemory

      def checksum(data):
          shm = SharedMemory(create=True, size=len(data))
          # fill it
          try:
              shm.buf[:len(data)] = data
              total = sum(
                  shm.buf[:len(data)],
              )
          finally:
              shm.close()  # done
              shm.unlink()
    `);
    compiles(result);
    assert.deepEqual(await findings(result, 'PIN105'), []);
  });

  it('adds a finally with close() and unlink() when there is no close, keeping tabs and CRLF', async () => {
    const source = 'from multiprocessing.shared_memory import SharedMemory\r\ndef f():\r\n\tshm = SharedMemory(create=True, size=4)\r\n\ts = """a\r\nb"""\r\n\tshm.buf[0] = 1\r\n';
    const result = await fixed(source, 'PIN105');
    assert.equal(result, 'from multiprocessing.shared_memory import SharedMemory\r\ndef f():\r\n\tshm = SharedMemory(create=True, size=4)\r\n\ttry:\r\n\t\ts = """a\r\nb"""\r\n\t\tshm.buf[0] = 1\r\n\tfinally:\r\n\t\tshm.close()\r\n\t\tshm.unlink()\r\n');
    compiles(result);
  });

  it('marks the fix unsafe when the code can leave early or keeps views of the buffer', async () => {
    const early = await analyze('from multiprocessing.shared_memory import SharedMemory\ndef f(x):\n    shm = SharedMemory(create=True, size=4)\n    if x:\n        return 1\n    shm.buf[0] = 1\n', { select: ['PIN105'] });
    assert.equal(early[0].fix?.safety, 'unsafe');
    const view = await analyze('from multiprocessing.shared_memory import SharedMemory\ndef f(np):\n    shm = SharedMemory(create=True, size=4)\n    a = np.ndarray((4,), buffer=shm.buf)\n    a[0] = 1\n', { select: ['PIN105'] });
    assert.equal(view[0].fix?.safety, 'unsafe');
    const plain = await analyze('from multiprocessing.shared_memory import SharedMemory\ndef f():\n    shm = SharedMemory(create=True, size=4)\n    shm.buf[0] = 1\n', { select: ['PIN105'] });
    assert.equal(plain[0].fix?.safety, 'safe');
    compiles(await fixed('from multiprocessing.shared_memory import SharedMemory\ndef f(x):\n    shm = SharedMemory(create=True, size=4)\n    if x:\n        return 1\n    shm.buf[0] = 1\n', 'PIN105'));
  });

  it('offers no fix when nothing follows or the statement shares its line', async () => {
    const alone = await analyze('from multiprocessing.shared_memory import SharedMemory\ndef f():\n    shm = SharedMemory(create=True, size=4)\n', { select: ['PIN105'] });
    assert.equal(alone.length, 1);
    assert.equal(alone[0].fix, undefined);
    const shared = await analyze('from multiprocessing.shared_memory import SharedMemory\ndef f():\n    shm = SharedMemory(create=True, size=4); shm.buf[0] = 1\n', { select: ['PIN105'] });
    assert.equal(shared.length, 1);
    assert.equal(shared[0].fix, undefined);
  });

  it('explains the resource tracker, and mentions a missing close only as harmless', async () => {
    const [never] = await analyze('from multiprocessing.shared_memory import SharedMemory\ndef f():\n    shm = SharedMemory(create=True, size=4)\n    shm.buf[0] = 1\n', { select: ['PIN105'] });
    assert.match(never.message, /never unlinks/);
    assert.match(never.message, /stays in \/dev\/shm for as long as the program runs/);
    assert.match(never.message, /resource_tracker: There appear to be N leaked shared_memory objects/);
    assert.match(never.message, /`SharedMemory.__del__` calls `close\(\)`/);
    const [closed] = await analyze('from multiprocessing.shared_memory import SharedMemory\ndef f():\n    shm = SharedMemory(create=True, size=4)\n    shm.close()\n', { select: ['PIN105'] });
    assert.doesNotMatch(closed.message, /__del__/);
  });

  it('is suppressed by # noqa and # noqa: PIN105', async () => {
    for (const comment of ['# noqa', '# noqa: PIN105']) {
      assert.deepEqual(await findings(`from multiprocessing.shared_memory import SharedMemory\ndef f():\n    shm = SharedMemory(create=True, size=4)  ${comment}\n    shm.close()\n`, 'PIN105'), [], comment);
    }
    assert.equal((await findings('from multiprocessing.shared_memory import SharedMemory\ndef f():\n    shm = SharedMemory(create=True, size=4)  # noqa: E501\n    shm.close()\n', 'PIN105')).length, 1);
  });
});
