import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin502.py');

/** The only PIN502 diagnostic of `text` (fails when there is not exactly one). */
async function only(text: string) {
  const results = await analyze(text, { select: ['PIN502'] });
  assert.equal(results.length, 1, `expected one PIN502 finding in:\n${text}`);
  return results[0];
}

describe('PIN502 mutable-default-argument: detection', () => {
  it('reports the caret-marked defaults of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN502');
  });

  it('names __defaults__ or __kwdefaults__ exactly where CPython keeps the default', async () => {
    const source = 'def f(a, b=[], *, c={}):\n    pass\n';
    // Our own snippet, defined (not a fixture): which defaults tuple/dict holds each mutable object.
    const script = `${source}print(type(f.__defaults__[0]).__name__, list(f.__kwdefaults__))`;
    assert.equal(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim(), "list ['c']");
    const [b, c] = await analyze(source, { select: ['PIN502'] });
    assert.match(b.message, /`f\.__defaults__`/);
    assert.match(c.message, /`f\.__kwdefaults__`/);
    assert.match(b.message, /created once, when the `def` statement runs/);
    const lambda = await only('key = lambda k, memo={}: memo\n');
    assert.match(lambda.message, /when the lambda expression is evaluated, and kept in the lambda's `__defaults__`/);
  });

  it('follows aliases and stays quiet when the builtin name is shadowed', async () => {
    assert.equal((await findings('from collections import defaultdict as dd\ndef f(x=dd(int)):\n    pass\n', 'PIN502')).length, 1);
    assert.equal((await findings('import collections as c\ndef f(x=c.OrderedDict()):\n    pass\n', 'PIN502')).length, 1);
    assert.equal((await findings('import builtins\ndef f(x=builtins.list()):\n    pass\n', 'PIN502')).length, 1);
    // A module-level rebinding shadows the builtin for every default in the file.
    assert.deepEqual(await findings('list = tuple\ndef f(x=list()):\n    return x\n', 'PIN502'), []);
    assert.deepEqual(await findings('from mylib import list\ndef f(x=list()):\n    return x\n', 'PIN502'), []);
    assert.deepEqual(await findings('from mylib import *\ndef f(x=set()):\n    return x\n', 'PIN502'), [], 'a star import may supply set');
    assert.deepEqual(await findings('from collections import namedtuple, ChainMap\ndef f(x=ChainMap(), y=namedtuple):\n    pass\n', 'PIN502'), []);
    // The default is evaluated outside the function, so the function's own `list` parameter does not shadow it.
    assert.equal((await findings('def f(list=None, x=list()):\n    pass\n', 'PIN502')).length, 1);
  });
});

describe('PIN502 mutable-default-argument: severity', () => {
  const warning: Array<[string, string, RegExp]> = [
    ['append', 'x.append(1)', /mutates it, so changes made in one call show up in the next/],
    ['item assignment', 'x["k"] = 1', /mutates/],
    ['augmented item assignment', 'x[0] += 1', /mutates/],
    ['augmented assignment', 'x += [1]', /mutates/],
    ['del item', 'del x[0]', /mutates/],
    ['del in a list', 'del y, x[0]', /mutates/],
    ['tuple target', 'x[0], y = 1, 2', /mutates/],
    ['update', 'x.update(y)', /mutates/],
    ['sort', 'x.sort()', /mutates/],
    ['return', 'return x', /returns it, so code outside can change the object later calls receive/],
    ['return in a tuple', 'return x, 1', /returns/],
    ['return or', 'return x or y', /returns/],
    ['yield', 'yield x', /yields/],
    ['attribute store', 'self.items = x', /stores/],
    ['chained store', 'self.items = y = x', /stores/],
    ['item store', 'y[0] = x', /stores/],
    ['append elsewhere', 'y.append(x)', /stores/],
    ['global store', 'global CACHE\n    CACHE = x', /stores/],
    ['closure mutation', 'def inner():\n        x.append(1)\n    return inner', /mutates/],
    ['several at once', 'x.append(1)\n    return x', /mutates and returns it/],
    ['rebinds only sometimes', 'if isinstance(x, tuple):\n        x = list(x)\n    x.append(1)', /mutates/],
    ['rebinds in a loop', 'for x in y:\n        pass\n    x.append(1)', /mutates/],
    ['rebinds in a nested function', 'def reset():\n        nonlocal x\n        x = []\n    reset()\n    x.append(1)', /mutates/],
    ['mutates an item', 'for k, v in y:\n        x[k].append(v)', /mutates/],
    ['assigns into an item', 'x["a"][0] = 1', /mutates/],
  ];
  for (const [label, body, message] of warning) {
    it(`warns when the function does this: ${label}`, async () => {
      const finding = await only(`def f(self, y, x=[]):\n    ${body}\n`);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, message);
    });
  }

  const information: Array<[string, string]> = [
    ['reads', 'print(len(x), x[0], 1 in x)\n    for i in x:\n        pass'],
    ['copies', 'return x.copy()'],
    ['returns something derived', 'return sorted(x)'],
    ['yield from', 'yield from x'],
    ['is only the condition', 'return 1 if x else 2'],
    ['rebinds before mutating', 'x = list(x)\n    x.append(1)\n    return x'],
    ['a nested function with its own x', 'def inner(x):\n        x.append(1)\n    return inner'],
    ['a comprehension variable x', 'return [x for x in range(3)]'],
    ['stores it in a local alias only', 'y = x'],
    ['extends another list with it', 'y.extend(x)'],
    ['changes only slice copies', 'x[1:].sort()\n    x[:][0] = 1'],
    ['rebinds with a mutation of its own argument', 'x = sorted(x)\n    x.append(1)'],
  ];
  for (const [label, body] of information) {
    it(`informs only when the function ${label}`, async () => {
      const finding = await only(`def f(self, y, x=[]):\n    ${body}\n`);
      assert.equal(finding.severity, 'information');
      assert.match(finding.message, /does not mutate, return, yield, store or pass it on|only passes it on to other calls/);
      assert.match(finding.message, /created once, when the `def` statement runs, and kept in `f.__defaults__`/);
    });
  }

  it('treats a lambda that returns its default as a warning', async () => {
    assert.equal((await only('f = lambda x=[]: x\n')).severity, 'warning');
    assert.equal((await only('f = lambda x={}: x.setdefault("k", 0)\n')).severity, 'warning');
    assert.equal((await only('f = lambda x={}: len(x)\n')).severity, 'information');
  });

  it('lets the per-rule severity setting override both', async () => {
    const [finding] = await analyze('def f(x=[]):\n    pass\n', { select: ['PIN502'], severity: { PIN502: 'error' } });
    assert.equal(finding.severity, 'error');
  });
});

describe('PIN502 mutable-default-argument: noqa', () => {
  it('is suppressed by # noqa, # noqa: PIN502 and bugbear/Ruff B006', async () => {
    for (const comment of ['# noqa', '# noqa: PIN502', '# noqa: B006', '# NOQA:E501,B006']) {
      assert.deepEqual(await findings(`def f(x=[]):  ${comment}\n    return x\n`, 'PIN502'), [], comment);
    }
    assert.equal((await findings('def f(x=[]):  # noqa: B008\n    return x\n', 'PIN502')).length, 1);
    assert.equal((await findings('def f(x=[]):  # noqa: PIN501\n    return x\n', 'PIN502')).length, 1);
  });

  it('reads the noqa on the line of the default in a multi-line signature', async () => {
    const text = 'def f(\n    a,\n    b=[],  # noqa: B006\n    c={},\n):\n    pass\n';
    assert.deepEqual(await findings(text, 'PIN502'), ['3:6-8 PIN502']);
  });
});

describe('PIN502 mutable-default-argument: examples/defaults_and_identity.py', () => {
  it('fires as the example module documents', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'examples', 'defaults_and_identity.py'), 'utf8');
    const results = await analyze(text, { select: ['PIN501', 'PIN502'] });
    const summary = results.map((d) => `${d.rule.code} ${d.severity} ${text.slice(d.startIndex, d.endIndex)}`);
    assert.deepEqual(summary, [
      'PIN502 warning []',
      'PIN502 warning set()',
      'PIN502 warning defaultdict(int)',
      'PIN502 warning Counter()',
      'PIN502 information []',
      'PIN501 warning status is "error"',
      'PIN501 warning attempts is not 0',
    ]);
  });
});
