import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, applyEdits, assertCarets, findings, fixed, py } from '../helpers/service';
import type { SettingsLayer } from '../../server/src/service/config';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin406.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function fixOf(text: string, settings: SettingsLayer = {}) {
  const results = await analyze(text, { select: ['PIN406'], ...settings });
  assert.equal(results.length, 1, `expected one PIN406 finding in:\n${text}`);
  const fix = results[0].fix;
  if (fix) produced.push(applyEdits(text, fix.edits));
  return fix && { text: applyEdits(text, fix.edits), safety: fix.safety };
}

describe('PIN406 stop-iteration-in-generator: detection', () => {
  it('reports the caret-marked raises of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN406');
  });

  it('names the RuntimeError CPython raises, for generators and async generators', async () => {
    const [gen] = await analyze('def g():\n    yield 1\n    raise StopIteration\n', { select: ['PIN406'] });
    assert.match(gen.message, /RuntimeError\("generator raised StopIteration"\)/);
    assert.match(gen.message, /since PEP 479 \(Python 3\.7\)/);
    const [agen] = await analyze('async def g():\n    yield 1\n    raise StopIteration\n', { select: ['PIN406'] });
    assert.match(agen.message, /RuntimeError\("async generator raised StopIteration"\)/);
    // Our own snippet, compiled (not run): the raise really is in a generator code object.
    const script = 'import inspect\nns = {}\nexec(compile("def g():\\n    yield 1\\n    raise StopIteration\\n", "s", "exec"), ns)\nprint(inspect.isgeneratorfunction(ns["g"]))';
    assert.equal(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim(), 'True');
  });

  it('mentions the older behaviour when the target version is before 3.7', async () => {
    const [finding] = await analyze('def g():\n    yield 1\n    raise StopIteration\n', { select: ['PIN406'], targetVersion: { major: 3, minor: 6 } });
    assert.match(finding.message, /from Python 3\.7 \(PEP 479; your target version is older/);
  });

  it('follows the builtin through resolution only', async () => {
    assert.deepEqual(await findings('from mylib import *\ndef g():\n    yield 1\n    raise StopIteration\n', 'PIN406'), [], 'a star import may supply the name');
    assert.deepEqual(await findings('from errors import StopIteration\ndef g():\n    yield 1\n    raise StopIteration\n', 'PIN406'), []);
  });

  it('stays quiet inside any try with handlers in the generator, but not inside try/finally', async () => {
    assert.deepEqual(await findings('def g():\n    try:\n        raise StopIteration\n    except Exception:\n        pass\n    yield 1\n', 'PIN406'), []);
    assert.deepEqual(await findings('def g():\n    try:\n        yield 1\n        raise StopIteration\n    finally:\n        pass\n', 'PIN406'), ['3:8-27 PIN406']);
  });
});

describe('PIN406 stop-iteration-in-generator: fix', () => {
  it('replaces the raise with return, keeping the value', async () => {
    const before = py`
      def g(items):
          for item in items:
              if item is None:
                  raise StopIteration
              yield item
    `;
    assert.equal(await fixed(before, 'PIN406'), before.replace('raise StopIteration', 'return'));
    assert.deepEqual(await fixOf(before), { text: before.replace('raise StopIteration', 'return'), safety: 'safe' });
    assert.equal((await fixOf('def g():\n    yield 1\n    raise StopIteration()\n'))?.text, 'def g():\n    yield 1\n    return\n');
    assert.equal((await fixOf('def g(xs):\n    yield 1\n    raise StopIteration(len(xs))\n'))?.text, 'def g(xs):\n    yield 1\n    return len(xs)\n');
    assert.equal((await fixOf('async def g():\n    yield 1\n    raise StopIteration\n'))?.text, 'async def g():\n    yield 1\n    return\n');
  });

  it('offers no fix where return would not mean the same or not compile', async () => {
    assert.equal(await fixOf('async def g():\n    yield 1\n    raise StopIteration(1)\n'), undefined, 'return with a value is a SyntaxError in an async generator');
    assert.equal(await fixOf('def g():\n    yield 1\n    raise StopIteration(1, 2)\n'), undefined);
    assert.equal(await fixOf('def g():\n    yield 1\n    raise StopIteration(x := 1)\n'), undefined);
    assert.equal(await fixOf('def g(y):\n    yield 1\n    raise StopIteration(x for x in y)\n'), undefined);
    assert.equal(await fixOf('def g(e):\n    yield 1\n    raise StopIteration from e\n'), undefined);
  });

  after('every fixed text compiles with CPython', function () {
    assert.ok(produced.length > 0);
    assert.equal(compileAll(produced), 'ok');
  });
});

describe('PIN406 stop-iteration-in-generator: noqa', () => {
  it('is suppressed by # noqa, # noqa: PIN406 and pylint PLR1708', async () => {
    for (const comment of ['# noqa', '# noqa: PIN406', '# noqa: PLR1708']) {
      assert.deepEqual(await findings(`def g():\n    yield 1\n    raise StopIteration  ${comment}\n`, 'PIN406'), [], comment);
    }
    assert.equal((await findings('def g():\n    yield 1\n    raise StopIteration  # noqa: PIN405\n', 'PIN406')).length, 1);
  });
});
