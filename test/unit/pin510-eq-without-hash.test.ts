import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin510.py');

describe('PIN510 eq-without-hash', () => {
  it('reports the caret-marked classes of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN510');
    // The fixture is only compiled, never run.
    execFileSync('python3', ['-c', 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', FIXTURE]);
  });

  it('is information and names the TypeError', async () => {
    const [finding] = await analyze('class P:\n    def __eq__(self, o):\n        return True\n', { select: ['PIN510'] });
    assert.equal(finding.severity, 'information');
    assert.match(finding.message, /sets `P\.__hash__` to None: .*TypeError: unhashable type: 'P'/);
  });

  it('stays quiet for a decorated class or a base from elsewhere', async () => {
    assert.deepEqual(await findings('@total\nclass P:\n    def __eq__(self, o):\n        return True\n', 'PIN510'), []);
    assert.deepEqual(await findings('from lib import Base\nclass P(Base):\n    def __eq__(self, o):\n        return True\n', 'PIN510'), []);
  });

  it('is suppressed by # noqa, # noqa: PIN510 and pylint/Ruff PLW1641', async () => {
    for (const comment of ['# noqa', '# noqa: PIN510', '# noqa: PLW1641']) {
      assert.deepEqual(await findings(`class P:  ${comment}\n    def __eq__(self, o):\n        return True\n`, 'PIN510'), [], comment);
    }
    assert.equal((await findings('class P:  # noqa: PLW1642\n    def __eq__(self, o):\n        return True\n', 'PIN510')).length, 1);
  });
});
