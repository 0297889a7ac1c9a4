import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, applyEdits, assertCarets, findings } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin402.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function fix(text: string) {
  const [result] = await analyze(text, { select: ['PIN402'] });
  assert.ok(result?.fix, `expected a PIN402 fix for ${text}`);
  const after = applyEdits(text, result.fix.edits);
  produced.push(after);
  return { text: after, safety: result.fix.safety };
}

describe('PIN402 comprehension-in-reducer', () => {
  it('reports the caret-marked calls of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN402');
  });

  it('drops the brackets, or makes them parentheses when the call has other arguments', async () => {
    assert.deepEqual(await fix('t = sum([x * x for x in xs])\n'), { text: 't = sum(x * x for x in xs)\n', safety: 'safe' });
    assert.equal((await fix('t = sum([x for x in xs], 10)\n')).text, 't = sum((x for x in xs), 10)\n');
    assert.equal((await fix('m = min([x for x in xs], default=0)\n')).text, 'm = min((x for x in xs), default=0)\n');
    assert.equal((await fix('s = sorted([x for x in xs],)\n')).text, 's = sorted((x for x in xs),)\n');
    assert.equal((await fix('t = sum([\n    x  # keep\n    for x in xs\n])\n')).text, 't = sum(\n    x  # keep\n    for x in xs\n)\n');
  });

  it('marks the fix unsafe for any/all (short-circuit) and for comprehensions that call things', async () => {
    assert.equal((await fix('a = any([x > 1 for x in xs])\n')).safety, 'unsafe');
    assert.equal((await fix('a = all([x for x in xs])\n')).safety, 'unsafe');
    assert.equal((await fix('t = sum([f(x) for x in xs])\n')).safety, 'unsafe');
    assert.equal((await fix('t = max([x for x in xs])\n')).safety, 'safe');
  });

  it('explains the lost short-circuit for any/all and the extra copy for sorted', async () => {
    const [any] = await analyze('a = any([p(x) for x in xs])\n', { select: ['PIN402'] });
    assert.match(any.message, /stops at the first true item/);
    const [sorted] = await analyze('s = sorted([x for x in xs])\n', { select: ['PIN402'] });
    assert.match(sorted.message, /second, temporary copy/);
  });

  it('ignores imported names that shadow the builtins', async () => {
    assert.equal((await findings('from mylib import sum\nt = sum([x for x in xs])\n', 'PIN402')).length, 0);
  });

  it('is suppressed by # noqa, # noqa: PIN402 and flake8-comprehensions/Ruff C419', async () => {
    for (const comment of ['# noqa', '# noqa: PIN402', '# noqa: C419']) {
      assert.deepEqual(await findings(`a = any([x for x in xs])  ${comment}\n`, 'PIN402'), [], comment);
    }
    assert.equal((await findings('a = any([x for x in xs])  # noqa: E501\n', 'PIN402')).length, 1);
  });

  after('every fixed text compiles with CPython', function () {
    if (produced.length === 0) return;
    assert.equal(compileAll(produced), 'ok');
  });
});
