import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin408.py');

async function only(text: string) {
  const results = await analyze(text, { select: ['PIN408'] });
  assert.equal(results.length, 1, `expected one PIN408 finding in:\n${text}`);
  return results[0];
}

describe('PIN408 infinite-iterator-materialised: detection', () => {
  it('reports the caret-marked calls of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN408');
  });

  it('is an error with a message that matches what CPython does', async () => {
    const stored = await only('import itertools\nx = list(itertools.count())\n');
    assert.equal(stored.severity, 'error');
    assert.match(stored.message, /`itertools\.count\(\)` never stops producing items, and `list\(\)` consumes its whole argument: this call never returns, storing items until memory runs out \(MemoryError\)/);
    assert.match((await only('import itertools\nx = sum(itertools.repeat(1))\n')).message, /`itertools\.repeat\(\)` without `times`.*never returns and loops forever.*`repeat\(x, n\)`/);
    assert.match((await only('import itertools\nx = len(itertools.cycle("ab"))\n')).message, /raises TypeError at once: iterators have no length/);
    // Our own check of that claim, on objects that are created but never consumed.
    const script = 'import itertools\ntry:\n    len(itertools.cycle("ab"))\nexcept TypeError as e:\n    print(e)';
    assert.equal(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim(), "object of type 'itertools.cycle' has no len()");
  });

  it('needs the real itertools and the real builtins', async () => {
    assert.deepEqual(await findings('from mytools import count\nimport itertools\nx = list(count())\n', 'PIN408'), []);
    assert.deepEqual(await findings('import itertools\nlist = tuple\nx = list(itertools.count())\n', 'PIN408'), [], 'a rebound list is not the builtin');
    assert.deepEqual(await findings('import itertools\ndef f(count):\n    return list(count())\n', 'PIN408'), []);
  });

  it('stays quiet without a mention of itertools (the prefilter)', async () => {
    assert.deepEqual(await findings('def count():\n    return []\nx = list(count())\n', 'PIN408'), []);
  });
});

describe('PIN408 infinite-iterator-materialised: noqa', () => {
  it('is suppressed by # noqa and # noqa: PIN408', async () => {
    for (const comment of ['# noqa', '# noqa: PIN408']) {
      assert.deepEqual(await findings(`import itertools\nx = list(itertools.count())  ${comment}\n`, 'PIN408'), [], comment);
    }
    assert.equal((await findings('import itertools\nx = list(itertools.count())  # noqa: PIN407\n', 'PIN408')).length, 1);
  });

  it('offers no fix', async () => {
    assert.equal((await only('import itertools\nx = list(itertools.count())\n')).fix, undefined);
  });
});
