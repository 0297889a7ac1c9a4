import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin403.py');

describe('PIN403 generator-len-or-index', () => {
  it('reports the caret-marked uses of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN403');
  });

  it("quotes CPython's TypeError and where the iterator came from", async () => {
    const results = await analyze(py`
      def gen():
          yield 1
      g = gen()
      n = len(g)
      m = map(str, [])
      m[0] = 1
      s = (x for x in [])[0]
      t = g[1:]
    `, { select: ['PIN403'] });
    assert.equal(results.length, 3);
    assert.match(results[0].message, /^`len\(g\)` raises TypeError \(object of type 'generator' has no len\(\)\): `g` is bound to a call of the generator function `gen` on line 3\./);
    assert.match(results[1].message, /^Indexing raises TypeError \('map' object does not support item assignment\): `m` is bound to `map\(…\)` on line 5\./);
    assert.match(results[2].message, /^Slicing raises TypeError \('generator' object is not subscriptable\)/);
    assert.equal(results[0].severity, 'error');
    assert.equal(results[0].fix, undefined);
  });

  it('stays quiet for names bound twice, imported names and async generators', async () => {
    assert.deepEqual(await findings('from lib import gen\ng = gen()\nlen(g)\n', 'PIN403'), []);
    assert.deepEqual(await findings('g = (x for x in y)\nif c:\n    g = [1]\nlen(g)\n', 'PIN403'), []);
    assert.deepEqual(await findings('async def agen():\n    yield 1\ng = agen()\nlen(g)\n', 'PIN403'), []);
    assert.deepEqual(await findings('def map(*a):\n    return [1]\nm = map(1)\nm[0]\n', 'PIN403'), []);
  });

  it('is suppressed by # noqa and # noqa: PIN403', async () => {
    for (const comment of ['# noqa', '# noqa: PIN403']) {
      assert.deepEqual(await findings(`g = (x for x in y)\nlen(g)  ${comment}\n`, 'PIN403'), [], comment);
    }
    assert.equal((await findings('g = (x for x in y)\nlen(g)  # noqa: E501\n', 'PIN403')).length, 1);
  });
});
