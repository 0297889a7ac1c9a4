import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, applyEdits, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin405.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function only(text: string) {
  const results = await analyze(text, { select: ['PIN405'] });
  assert.equal(results.length, 1, `expected one PIN405 finding in:\n${text}`);
  return results[0];
}

async function fixOf(text: string) {
  const fix = (await only(text)).fix;
  if (fix) produced.push(applyEdits(text, fix.edits));
  return fix && { text: applyEdits(text, fix.edits), safety: fix.safety };
}

describe('PIN405 groupby-unsorted: detection', () => {
  it('reports the caret-marked calls of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN405');
  });

  it('explains that a repeated key overwrites the earlier group', async () => {
    const finding = await only('from itertools import groupby\nd = {k: list(g) for k, g in groupby(xs)}\n');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /only joins consecutive items with equal keys, and `xs` is not visibly sorted: .* keeps only the last run of every key/);
    // Our own check of that claim on a three-item list.
    const script = 'from itertools import groupby\nprint({k: list(g) for k, g in groupby([1, 2, 1])})';
    assert.equal(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim(), '{1: [1], 2: [2]}');
  });

  it('needs the real itertools.groupby', async () => {
    assert.deepEqual(await findings('from toolz import groupby\nd = {k: list(g) for k, g in groupby(xs)}\n', 'PIN405'), []);
    assert.deepEqual(await findings('def groupby(x):\n    return x\nd = {k: list(g) for k, g in groupby(xs)}\n', 'PIN405'), []);
  });

  it('stays quiet when the dict is keyed by something else or the comprehension has more loops', async () => {
    assert.deepEqual(await findings('from itertools import groupby\nd = {str(k): list(g) for k, g in groupby(xs)}\n', 'PIN405'), []);
    assert.deepEqual(await findings('from itertools import groupby\nd = {k: list(g) for y in ys for k, g in groupby(y)}\n', 'PIN405'), []);
    assert.deepEqual(await findings('from itertools import groupby\nfor k, g in groupby(xs):\n    d[k] += len(list(g))\n', 'PIN405'), []);
    assert.deepEqual(await findings('from itertools import groupby\nd = {k: list(g) for k, g in groupby(rows_sorted)}\n', 'PIN405'), [], 'the name says it is sorted');
  });
});

describe('PIN405 groupby-unsorted: fix', () => {
  it('sorts the input by the same key (unsafe)', async () => {
    const before = py`
      from itertools import groupby
      def index(users):
          return {c: list(us) for c, us in groupby(users, key=lambda u: u.city)}
    `;
    const after = before.replace('groupby(users,', 'groupby(sorted(users, key=lambda u: u.city),');
    assert.equal(await fixed(before, 'PIN405'), after);
    assert.deepEqual(await fixOf(before), { text: after, safety: 'unsafe' });
    assert.equal((await fixOf('import itertools\nfor k, g in itertools.groupby(xs):\n    d[k] = list(g)\n'))?.text, 'import itertools\nfor k, g in itertools.groupby(sorted(xs)):\n    d[k] = list(g)\n');
    assert.equal((await fixOf('import itertools\nfor k, g in itertools.groupby(xs, f):\n    d[k] = list(g)\n'))?.text, 'import itertools\nfor k, g in itertools.groupby(sorted(xs, key=f), f):\n    d[k] = list(g)\n');
  });

  it('offers no fix when repeating the key would evaluate a call again, or sorted is shadowed', async () => {
    assert.equal(await fixOf('from itertools import groupby\nfrom operator import itemgetter\nd = {k: list(g) for k, g in groupby(xs, itemgetter(0))}\n'), undefined);
    assert.equal(await fixOf('from itertools import groupby\nsorted = list\nd = {k: list(g) for k, g in groupby(xs)}\n'), undefined);
  });

  after('every fixed text compiles with CPython', function () {
    assert.ok(produced.length > 0);
    assert.equal(compileAll(produced), 'ok');
  });
});

describe('PIN405 groupby-unsorted: noqa', () => {
  it('is suppressed by # noqa and # noqa: PIN405', async () => {
    for (const comment of ['# noqa', '# noqa: PIN405']) {
      assert.deepEqual(await findings(`from itertools import groupby\nd = {k: list(g) for k, g in groupby(xs)}  ${comment}\n`, 'PIN405'), [], comment);
    }
    assert.equal((await findings('from itertools import groupby\nd = {k: list(g) for k, g in groupby(xs)}  # noqa: PIN406\n', 'PIN405')).length, 1);
  });
});
