import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin106.py');

describe('PIN106 shareable-list-resize', () => {
  it('reports the caret-marked calls of the fixture and nothing else', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    // The fixture is only compiled, never run.
    execFileSync('python3', ['-c', 'import sys; compile(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1], "exec")', FIXTURE]);
    await assertCarets(text, 'PIN106');
  });

  it('names the receiver and the missing method, as an error with no fix', async () => {
    const [finding] = await analyze('from multiprocessing.shared_memory import ShareableList\nsl = ShareableList([1])\nsl.append(2)\n', { select: ['PIN106'] });
    assert.equal(finding.severity, 'error');
    assert.equal(finding.fix, undefined);
    assert.match(finding.message, /^`sl` is a ShareableList: .* no `append` method, so this call raises AttributeError/);
  });

  it('matches what CPython says: ShareableList has no append, extend or insert', () => {
    // Our own one-liner on the class (no shared memory is created).
    const script = 'from multiprocessing.shared_memory import ShareableList as S; print([hasattr(S, m) for m in ("append", "extend", "insert", "index", "count")])';
    assert.equal(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim(), '[False, False, False, True, True]');
  });

  it('stays quiet on other shared-memory objects', async () => {
    assert.deepEqual(await findings('import multiprocessing.shared_memory as m\nx = m.SharedMemory(create=True, size=1)\nx.append(1)\n', 'PIN106'), []);
  });

  it('is suppressed by # noqa and # noqa: PIN106', async () => {
    const head = 'from multiprocessing.shared_memory import ShareableList\nsl = ShareableList([1])\n';
    for (const comment of ['# noqa', '# noqa: PIN106', '# NOQA:E501,PIN106']) {
      assert.deepEqual(await findings(`${head}sl.append(2)  ${comment}\n`, 'PIN106'), [], comment);
    }
    assert.equal((await findings(`${head}sl.append(2)  # noqa: PIN105\n`, 'PIN106')).length, 1);
  });
});
