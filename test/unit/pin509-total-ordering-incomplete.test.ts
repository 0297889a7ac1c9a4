import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin509.py');

describe('PIN509 total-ordering-incomplete', () => {
  it('reports the caret-marked decorators of the fixture and nothing else', async () => {
    const source = readFileSync(FIXTURE, 'utf8');
    await assertCarets(source, 'PIN509');
    // The fixture is only compiled, never run.
    execFileSync('python3', ['-c', 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', FIXTURE]);
  });

  it('is an error when no ordering method exists, a warning when __eq__ is missing', async () => {
    const [none] = await analyze('from functools import total_ordering\n@total_ordering\nclass A:\n    pass\n', { select: ['PIN509'] });
    assert.equal(none.severity, 'error');
    assert.match(none.message, /raises ValueError when the class is created/);
    const [noEq] = await analyze(py`
      from functools import total_ordering
      @total_ordering
      class A:
          def __le__(self, other):
              return True
    `, { select: ['PIN509'] });
    assert.equal(noEq.severity, 'warning');
    assert.match(noEq.message, /from `__le__` and `==`: for two distinct instances with equal values, `>=` returns False and `<` returns True/);
  });

  it('names the root total_ordering really picks (__lt__ over __gt__)', async () => {
    const [finding] = await analyze(py`
      import functools
      @functools.total_ordering
      class A:
          def __gt__(self, other):
              return True
          def __lt__(self, other):
              return True
    `, { select: ['PIN509'] });
    assert.match(finding.message, /from `__lt__` and `==`: .* `<=` returns False and `>` returns True/);
  });

  it('stays quiet for a decorator below total_ordering or a shadowed name', async () => {
    assert.deepEqual(await findings('from functools import total_ordering\n@total_ordering\n@register\nclass A:\n    pass\n', 'PIN509'), []);
    assert.deepEqual(await findings('def total_ordering(c):\n    return c\n@total_ordering\nclass A:\n    pass\n', 'PIN509'), []);
    assert.equal((await findings('from functools import total_ordering\n@log\n@total_ordering\nclass A:\n    pass\n', 'PIN509')).length, 1);
  });

  it('is suppressed by # noqa and # noqa: PIN509', async () => {
    for (const comment of ['# noqa', '# noqa: PIN509']) {
      assert.deepEqual(await findings(`from functools import total_ordering\n@total_ordering  ${comment}\nclass A:\n    pass\n`, 'PIN509'), [], comment);
    }
    assert.equal((await findings('from functools import total_ordering\n@total_ordering  # noqa: PIN501\nclass A:\n    pass\n', 'PIN509')).length, 1);
  });
});
