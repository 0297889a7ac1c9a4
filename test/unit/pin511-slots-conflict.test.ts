import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin511.py');

describe('PIN511 slots-conflict', () => {
  it('reports the caret-marked slots of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN511');
  });

  it('uses a fixture that CPython compiles (it is never run)', () => {
    execFileSync('python3', ['-c', 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', FIXTURE]);
  });

  it("names the slot, the binding's line and CPython's message", async () => {
    const [finding] = await analyze('class C:\n    __slots__ = ("__x",)\n    __x = 1\n', { select: ['PIN511'] });
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /`_C__x` is both a slot and a class attribute of `C` \(bound on line 3\): .*"'_C__x' in __slots__ conflicts with class variable"/);
  });

  it('is suppressed by # noqa and # noqa: PIN511', async () => {
    for (const comment of ['# noqa', '# noqa: PIN511']) {
      assert.deepEqual(await findings(`class C:\n    __slots__ = ("a",)  ${comment}\n    a = 1\n`, 'PIN511'), [], comment);
    }
    assert.equal((await findings('class C:\n    __slots__ = ("a",)  # noqa: E501\n    a = 1\n', 'PIN511')).length, 1);
  });
});
