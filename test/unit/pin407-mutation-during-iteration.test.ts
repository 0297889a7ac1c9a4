import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, applyEdits, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin407.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function only(text: string) {
  const results = await analyze(text, { select: ['PIN407'] });
  assert.equal(results.length, 1, `expected one PIN407 finding in:\n${text}`);
  return results[0];
}

async function fixOf(text: string) {
  const fix = (await only(text)).fix;
  if (fix) produced.push(applyEdits(text, fix.edits));
  return fix && { text: applyEdits(text, fix.edits), safety: fix.safety };
}

describe('PIN407 mutation-during-iteration: detection', () => {
  it('reports the caret-marked changes of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN407');
  });

  it('names the RuntimeError CPython raises for dicts, sets and OrderedDicts', async () => {
    assert.match((await only('d = {}\nfor k in d:\n    del d[k]\n')).message, /`del d\[\.\.\.\]` removes items from `d` while this loop iterates over `d`: .*RuntimeError\("dictionary changed size during iteration"\)\. Iterate over a copy: `list\(d\)`/);
    assert.match((await only('s = set()\nfor x in s:\n    s.remove(x)\n')).message, /RuntimeError\("Set changed size during iteration"\)/);
    assert.match((await only('import collections\nd = collections.OrderedDict()\nfor k in d:\n    d.pop(k)\n')).message, /RuntimeError\("OrderedDict mutated during iteration"\)/);
    assert.match((await only('xs = []\nfor x in xs:\n    xs.remove(x)\n')).message, /is skipped/);
    // Our own check of the list claim, on a two-line loop that cannot hang.
    assert.equal(execFileSync('python3', ['-c', 'xs = [1, 2, 3, 4]\nfor x in xs:\n    xs.remove(x)\nprint(xs)'], { encoding: 'utf8' }).trim(), '[2, 4]');
  });

  it('stays quiet for removals that may not happen and containers of unknown type', async () => {
    assert.deepEqual(await findings('d = {}\nfor k in d:\n    d.pop(k, None)\n', 'PIN407'), [], 'pop with a default may remove nothing');
    assert.deepEqual(await findings('s = set()\nfor x in s:\n    s.discard(x + 1)\n', 'PIN407'), []);
    assert.deepEqual(await findings('def f(d: dict):\n    for k in d:\n        del d[k]\n', 'PIN407'), []);
    assert.deepEqual(await findings('d = {}\nasync def f():\n    async for k in d:\n        del d[k]\n', 'PIN407'), []);
    assert.deepEqual(await findings('xs = []\nfor x in xs.copy():\n    xs.remove(x)\n', 'PIN407'), []);
    assert.deepEqual(await findings('d = {}\nfor k in d:\n    later = (d.pop(j) for j in [k])\n', 'PIN407'), [], 'a generator expression may never run');
  });

  it('still fires when the break only leaves an inner construct later on, not the loop', async () => {
    assert.equal((await findings('d = {}\nfor k in d:\n    if k:\n        del d[k]\n    if k > 1:\n        break\n', 'PIN407')).length, 1);
  });
});

describe('PIN407 mutation-during-iteration: fix', () => {
  it('iterates over a list copy: safe for dict and set keys', async () => {
    const before = py`
      def prune(items):
          table = dict(items)
          for key in table:
              if table[key] is None:
                  del table[key]
          return table
    `;
    const after = before.replace('for key in table:', 'for key in list(table):');
    assert.equal(await fixed(before, 'PIN407'), after);
    assert.deepEqual(await fixOf(before), { text: after, safety: 'safe' });
    assert.deepEqual(await fixOf('s = {1}\nfor x in s:\n    s.remove(x)\n'), { text: 's = {1}\nfor x in list(s):\n    s.remove(x)\n', safety: 'safe' });
  });

  it('is unsafe for dict views and lists', async () => {
    assert.deepEqual(await fixOf('d = {}\nfor k, v in d.items():\n    d.pop(k)\n'), { text: 'd = {}\nfor k, v in list(d.items()):\n    d.pop(k)\n', safety: 'unsafe' });
    assert.equal((await fixOf('xs = [1]\nfor x in xs:\n    xs.remove(x)\n'))?.safety, 'unsafe');
  });

  it('offers no fix when list is shadowed', async () => {
    assert.equal(await fixOf('list = tuple\nd = {}\nfor k in d:\n    del d[k]\n'), undefined);
  });

  after('every fixed text compiles with CPython', function () {
    assert.ok(produced.length > 0);
    assert.equal(compileAll(produced), 'ok');
  });
});

describe('PIN407 mutation-during-iteration: noqa', () => {
  it('is suppressed by # noqa and # noqa: PIN407 on the line of the change', async () => {
    for (const comment of ['# noqa', '# noqa: PIN407']) {
      assert.deepEqual(await findings(`d = {}\nfor k in d:\n    del d[k]  ${comment}\n`, 'PIN407'), [], comment);
    }
    assert.equal((await findings('d = {}\nfor k in d:\n    del d[k]  # noqa: PIN406\n', 'PIN407')).length, 1);
  });
});
