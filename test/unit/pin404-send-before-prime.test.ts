import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, applyEdits, assertCarets, findings, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin404.py');
const GEN = 'def gen():\n    x = yield\n';

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function fixOf(text: string) {
  const [result] = await analyze(text, { select: ['PIN404'] });
  assert.ok(result, `expected a PIN404 finding in ${text}`);
  if (!result.fix) return undefined;
  const after = applyEdits(text, result.fix.edits);
  produced.push(after);
  return { text: after, safety: result.fix.safety };
}

describe('PIN404 send-before-prime', () => {
  it('reports the caret-marked sends of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN404');
  });

  it("quotes CPython's TypeError and the line the generator was made on", async () => {
    const [finding] = await analyze(`${GEN}g = gen()\ng.send(1)\n`, { select: ['PIN404'] });
    assert.match(finding.message, /^`g` is a generator created on line 3 and not yet started, so this send raises TypeError \("can't send non-None value to a just-started generator"\)/);
    assert.equal(finding.severity, 'error');
  });

  it('inserts next(g) right after the assignment (unsafe), keeping indentation and line endings', async () => {
    assert.deepEqual(await fixOf(`${GEN}g = gen()\ng.send(1)\n`), { text: `${GEN}g = gen()\nnext(g)\ng.send(1)\n`, safety: 'unsafe' });
    assert.equal((await fixOf(py`
      ${GEN.replace(/\n/g, '\n      ')}
      def run(values):
          g = gen()  # made here
          for v in values:
              g.send(2)
    `))?.text, py`
      ${GEN.replace(/\n/g, '\n      ')}
      def run(values):
          g = gen()  # made here
          next(g)
          for v in values:
              g.send(2)
    `);
    assert.equal((await fixOf('def gen():\r\n    yield\r\ng = gen()\r\ng.send(1)'))?.text, 'def gen():\r\n    yield\r\ng = gen()\r\nnext(g)\r\ng.send(1)');
  });

  it('offers no fix when the assignment shares its line or next is shadowed', async () => {
    assert.equal(await fixOf(`${GEN}g = gen(); g.send(1)\n`), undefined);
    assert.equal(await fixOf(`${GEN}next = print\ng = gen()\ng.send(1)\n`), undefined);
  });

  it('stays quiet for decorated generator functions and imported ones', async () => {
    assert.deepEqual(await findings(`import contextlib\n@contextlib.contextmanager\n${GEN}g = gen()\ng.send(1)\n`, 'PIN404'), []);
    assert.deepEqual(await findings('from lib import gen\ng = gen()\ng.send(1)\n', 'PIN404'), []);
  });

  it('is suppressed by # noqa and # noqa: PIN404', async () => {
    for (const comment of ['# noqa', '# noqa: PIN404']) {
      assert.deepEqual(await findings(`${GEN}g = gen()\ng.send(1)  ${comment}\n`, 'PIN404'), [], comment);
    }
    assert.equal((await findings(`${GEN}g = gen()\ng.send(1)  # noqa: E501\n`, 'PIN404')).length, 1);
  });

  after('every fixed text compiles with CPython', function () {
    if (produced.length === 0) return;
    assert.equal(compileAll(produced), 'ok');
  });
});
