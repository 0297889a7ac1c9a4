import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, applyEdits, assertCarets, findings, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin401.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function fixOf(text: string) {
  const [result] = await analyze(text, { select: ['PIN401'] });
  assert.ok(result, `expected a PIN401 finding in ${text}`);
  if (!result.fix) return undefined;
  const after = applyEdits(text, result.fix.edits);
  produced.push(after);
  return { text: after, safety: result.fix.safety };
}

describe('PIN401 iterator-reused', () => {
  it('reports the caret-marked second consumptions of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN401');
  });

  it('names the first consumption and what the second one gets', async () => {
    const [finding] = await analyze(py`
      g = (x for x in range(3))
      total = sum(g)
      biggest = max(g)
    `, { select: ['PIN401'] });
    assert.match(finding.message, /^`g` is a generator \(a generator expression on line 1\), and `sum\(g\)` on line 2 already ran it to the end\./);
    assert.match(finding.message, /`max\(g\)` here sees no items: it raises ValueError \("max\(\) arg is an empty sequence"\)/);
    const [withDefault] = await analyze('m = map(str, xs)\nlist(m)\nmin(m, default=0)\n', { select: ['PIN401'] });
    assert.match(withDefault.message, /is a `map` iterator .* it returns the default\./);
  });

  it('materialises once (unsafe): a list comprehension for a generator expression, list(…) otherwise', async () => {
    assert.deepEqual(await fixOf('g = (x for x in xs)\nprint(sum(g), max(g))\n'), { text: 'g = [x for x in xs]\nprint(sum(g), max(g))\n', safety: 'unsafe' });
    assert.equal((await fixOf('def f(rows):\n    m = map(int, rows)\n    for v in m:\n        pass\n    return 1 in m\n'))?.text, 'def f(rows):\n    m = list(map(int, rows))\n    for v in m:\n        pass\n    return 1 in m\n');
  });

  it('offers no fix when another use needs an iterator (next) or list is shadowed', async () => {
    assert.equal(await fixOf('g = iter(xs)\nlist(g)\nlist(g)\nnext(g, None)\n'), undefined);
    assert.equal(await fixOf('list = tuple\ng = iter(xs)\nsum(g)\nsum(g)\n'), undefined);
  });

  it('is suppressed by # noqa and # noqa: PIN401', async () => {
    for (const comment of ['# noqa', '# noqa: PIN401']) {
      assert.deepEqual(await findings(`g = iter(xs)\nlist(g)\nlist(g)  ${comment}\n`, 'PIN401'), [], comment);
    }
    assert.equal((await findings('g = iter(xs)\nlist(g)\nlist(g)  # noqa: E501\n', 'PIN401')).length, 1);
  });

  after('every fixed text compiles with CPython', function () {
    if (produced.length === 0) return;
    assert.equal(compileAll(produced), 'ok');
  });
});
