import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin202.py');

/** Compiles (never runs) `source` with python3; throws on a SyntaxError. */
function compiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

const WITH_LOCK = py`
  import threading as th

  total = 0
  total_lock = th.Lock()

  def work(chunk):
      global total
      for item in chunk:
          total += len(
              item,
          )

  workers = [th.Thread(target=work, args=(c,)) for c in (["a"], ["b"])]
`;

describe('PIN202 unlocked-global-update-in-thread', () => {
  it('reports the caret-marked updates of the fixture and none of its near misses', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN202');
  });

  it('wraps the update in with <the module lock>: (an unsafe fix)', async () => {
    const [finding] = await analyze(WITH_LOCK, { select: ['PIN202'] });
    assert.equal(finding.fix?.safety, 'unsafe');
    const result = await fixed(WITH_LOCK, 'PIN202');
    assert.equal(result, WITH_LOCK.replace('        total += len(\n            item,\n        )\n', '        with total_lock:\n            total += len(\n                item,\n            )\n'));
    compiles(result);
    assert.deepEqual(await findings(result, 'PIN202'), []);
  });

  it('offers no fix without exactly one module-level lock', async () => {
    const none = await analyze(WITH_LOCK.replace('total_lock = th.Lock()\n', ''), { select: ['PIN202'] });
    assert.equal(none.length, 1);
    assert.equal(none[0].fix, undefined);
    const two = await analyze(WITH_LOCK.replace('total_lock = th.Lock()\n', 'a = th.Lock()\nb = th.RLock()\n'), { select: ['PIN202'] });
    assert.equal(two.length, 1);
    assert.equal(two[0].fix, undefined);
  });

  it('explains the lost update and names the thread start', async () => {
    const [finding] = await analyze(WITH_LOCK, { select: ['PIN202'] });
    assert.match(finding.message, /`work` runs in several threads started on line 13/);
    assert.match(finding.message, /read-modify-write of a global/);
  });

  it('is suppressed by # noqa and # noqa: PIN202', async () => {
    const marked = (comment: string) => WITH_LOCK.replace('total += len(', `total += len(  ${comment}`);
    for (const comment of ['# noqa', '# noqa: PIN202']) {
      assert.deepEqual(await findings(marked(comment), 'PIN202'), [], comment);
    }
    assert.equal((await findings(marked('# noqa: E501'), 'PIN202')).length, 1);
  });
});
