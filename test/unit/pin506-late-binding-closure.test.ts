import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, applyEdits, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin506.py');

/** The only PIN506 diagnostic of `text` (fails when there is not exactly one). */
async function only(text: string) {
  const results = await analyze(text, { select: ['PIN506'] });
  assert.equal(results.length, 1, `expected one PIN506 finding in:\n${text}`);
  return results[0];
}

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function fixedText(text: string): Promise<string> {
  const finding = await only(text);
  assert.ok(finding.fix, 'expected a fix');
  assert.equal(finding.fix.safety, 'unsafe');
  const result = applyEdits(text, finding.fix.edits);
  assert.equal(await fixed(text, 'PIN506'), result);
  produced.push(result);
  return result;
}

describe('PIN506 late-binding-closure: detection', () => {
  it('reports the caret-marked closures of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN506');
  });

  it('names the loop variables read and the remedy', async () => {
    const finding = await only('fns = []\nfor k, v in d.items():\n    fns.append(lambda: (k, v))\n');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /reads the loop variables `k`, `v` when it is called, not when it is created/);
    assert.match(finding.message, /`k=k`, `v=v`/);
    const def = await only('def f(xs, out):\n    for x in xs:\n        def g():\n            return x\n        out.append(g)\n');
    assert.match(def.message, /^This function `g` is kept beyond the loop iteration and reads the loop variable `x`/);
  });

  it('reads through nested functions, but not through their own parameters', async () => {
    assert.equal((await findings('for i in r:\n    out.append(lambda: (lambda: i)())\n', 'PIN506')).length, 1);
    assert.deepEqual(await findings('for i in r:\n    out.append(lambda: (lambda i: i)(0))\n', 'PIN506'), []);
    assert.deepEqual(await findings('for i in r:\n    out.append(lambda: [i for i in range(3)])\n', 'PIN506'), []);
  });

  it('stays quiet for a name that only looks like the loop variable (attribute, keyword argument)', async () => {
    assert.deepEqual(await findings('for i in r:\n    out.append(lambda o: o.i + f(i=1))\n', 'PIN506'), []);
  });

  it('matches what CPython does: the stored closures all see the last value', () => {
    // Our own snippet (not a fixture): the late-bound list, and the default-bound one after the fix.
    const script = 'fs = []\nfor i in range(3):\n    fs.append(lambda: i)\ngs = []\nfor i in range(3):\n    gs.append(lambda i=i: i)\nprint([f() for f in fs], [g() for g in gs])';
    assert.equal(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim(), '[2, 2, 2] [0, 1, 2]');
  });
});

describe('PIN506 late-binding-closure: fix', () => {
  it('adds name=name to a lambda without parameters', async () => {
    assert.equal(await fixedText('for i in range(3):\n    fs.append(lambda: i)\n'), 'for i in range(3):\n    fs.append(lambda i=i: i)\n');
  });

  it('appends after existing parameters, *args and keyword-only ones', async () => {
    assert.equal(await fixedText('for i in r:\n    fs.append(lambda x, y=1: x + i)\n'), 'for i in r:\n    fs.append(lambda x, y=1, i=i: x + i)\n');
    assert.equal(await fixedText('for i in r:\n    fs.append(lambda *a: i)\n'), 'for i in r:\n    fs.append(lambda *a, i=i: i)\n');
    assert.equal(await fixedText('for k, v in r:\n    fs.append(lambda: (k, v))\n'), 'for k, v in r:\n    fs.append(lambda k=k, v=v: (k, v))\n');
  });

  it('binds the variables of a def', async () => {
    assert.equal(await fixedText(py`
      def f(xs, out):
          for x in xs:
              def g():
                  return x
              out.append(g)
    `), py`
      def f(xs, out):
          for x in xs:
              def g(x=x):
                  return x
              out.append(g)
    `);
    assert.equal(await fixedText(py`
      for x in xs:
          def g(a, /, b):
              return a, b, x
          out.append(g)
    `), py`
      for x in xs:
          def g(a, /, b, x=x):
              return a, b, x
          out.append(g)
    `);
  });

  it('binds the variable of a list or dict comprehension element', async () => {
    const finding = await only('fs = [lambda: i for i in range(3)]\n');
    assert.match(finding.message, /^This lambda is kept in the comprehension's result and reads the loop variable `i`/);
    assert.equal(await fixedText('fs = [lambda: i for i in range(3)]\n'), 'fs = [lambda i=i: i for i in range(3)]\n');
    assert.equal(await fixedText('t = {k: (lambda x: k + x) for k in "ab"}\n'), 't = {k: (lambda x, k=k: k + x) for k in "ab"}\n');
  });

  it('offers no fix when the function ends with **kwargs', async () => {
    assert.equal((await only('for i in r:\n    fs.append(lambda **kw: i)\n')).fix, undefined);
    assert.equal((await only('for i in r:\n    def g(**kw: int):\n        return i\n    fs.append(g)\n')).fix, undefined);
  });

  it('fixes every fixture finding into code that no longer reports', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    let current = text;
    for (let n = 0; n < 20; n++) {
      const [first] = await analyze(current, { select: ['PIN506'] });
      if (!first) break;
      assert.ok(first.fix, 'every fixture finding has a fix');
      current = applyEdits(current, first.fix.edits);
    }
    assert.deepEqual(await findings(current, 'PIN506'), []);
    produced.push(current);
  });

  after('every fixed text compiles with CPython', function () {
    if (produced.length === 0) return;
    assert.equal(compileAll(produced), 'ok');
  });
});

describe('PIN506 late-binding-closure: noqa', () => {
  it('is suppressed by # noqa, # noqa: PIN506 and bugbear/Ruff B023', async () => {
    for (const comment of ['# noqa', '# noqa: PIN506', '# noqa: B023', '# NOQA:E501,B023']) {
      assert.deepEqual(await findings(`for i in r:\n    fs.append(lambda: i)  ${comment}\n`, 'PIN506'), [], comment);
    }
    assert.equal((await findings('for i in r:\n    fs.append(lambda: i)  # noqa: B006\n', 'PIN506')).length, 1);
  });
});
