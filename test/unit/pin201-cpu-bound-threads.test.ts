import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin201.py');

const SOURCE = py`
  import threading

  def spin(n):
      while n > 0:
          n -= 1

  threads = [threading.Thread(target=spin, args=(10,)) for _ in range(4)]
`;

describe('PIN201 cpu-bound-threads', () => {
  it('reports the caret-marked workers of the fixture and none of its near misses', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN201');
  });

  it('is information, with no fix, and explains the GIL and processes', async () => {
    const [finding] = await analyze(SOURCE, { select: ['PIN201'] });
    assert.equal(finding.severity, 'information');
    assert.equal(finding.fix, undefined);
    assert.match(finding.message, /`spin` is pure Python computation/);
    assert.match(finding.message, /Only the thread holding the GIL executes Python bytecode/);
    assert.match(finding.message, /ProcessPoolExecutor or multiprocessing\.Pool/);
    assert.doesNotMatch(finding.message, /free-threaded/);
  });

  it('mentions free-threaded builds when the target version is 3.13 or later', async () => {
    const [finding] = await analyze(SOURCE, { select: ['PIN201'], targetVersion: { major: 3, minor: 13 } });
    assert.match(finding.message, /free-threaded build of 3\.13/);
  });

  it('stays quiet in files that use libraries whose operators release the GIL', async () => {
    assert.deepEqual(await findings(`import numpy as np\n${SOURCE}`, 'PIN201'), []);
  });

  it('is suppressed by # noqa and # noqa: PIN201', async () => {
    const marked = (comment: string) => SOURCE.replace('for _ in range(4)]', `for _ in range(4)]  ${comment}`);
    for (const comment of ['# noqa', '# noqa: PIN201']) {
      assert.deepEqual(await findings(marked(comment), 'PIN201'), [], comment);
    }
    assert.equal((await findings(marked('# noqa: E501'), 'PIN201')).length, 1);
  });
});
