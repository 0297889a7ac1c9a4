// Hovers of the iteration family: the right topic on realistic code, and nothing on look-alikes.
import assert from 'node:assert/strict';
import { triggerMatches } from '../../server/src/service/hover/resolveTopics';
import { allTopics } from '../../server/src/service/hover/topics/index';
import { hoverAt, withContextAt } from '../helpers/hover';

async function topicIdsAt(code: string): Promise<string[]> {
  return withContextAt(code, (context) => [...new Set(triggerMatches(context, allTopics).map((m) => m.topic.id))]);
}

describe('hover: iteration topics', () => {
  it('explains generator functions on the def header and on yield', async () => {
    const code = 'def read_ro$0ws(path):\n    with open(path) as f:\n        for line in f:\n            yield line\n';
    assert.match((await hoverAt(code)) ?? '', /\*\*Generator functions\*\*/);
    assert.match((await hoverAt('def gen(n):\n    for i in range(n):\n        yi$0eld i * i\n')) ?? '', /Generator functions/);
    assert.ok(!(await topicIdsAt('def pla$0in(n):\n    return n  # a yield in a comment does not count\n')).includes('generator-function'));
  });

  it('prefers yield from on a yield from, and two-way generators on `x = yield`', async () => {
    assert.match((await hoverAt('def walk(node):\n    yi$0eld from walk(node.left)\n')) ?? '', /`yield from`: delegating/);
    assert.match((await hoverAt('def averager():\n    while True:\n        val$0ue = yield\n')) ?? '', /Two-way generators/);
    assert.match((await hoverAt('def drive(gen):\n    gen.thr$0ow(ValueError("bad"))\n')) ?? '', /Two-way generators/);
    assert.ok(!(await topicIdsAt('def f(yield_count):\n    val$0ue = yield_count\n')).includes('generator-send-throw-close'));
  });

  it('explains comprehensions, generator expressions and one-shot map objects', async () => {
    assert.match((await hoverAt('squares = [n * n f$0or n in range(10)]\n')) ?? '', /Comprehensions \(list, set, dict\)/);
    assert.match((await hoverAt('lengths = {w: len(w) f$0or w in words}\n')) ?? '', /Comprehensions/);
    assert.match((await hoverAt('total = sum(n * n f$0or n in nums)\n')) ?? '', /\*\*Generator expressions\*\*/);
    assert.match((await hoverAt('squares = ma$0p(str, nums)\n')) ?? '', /One-shot iterators/);
    assert.match((await hoverAt('squares = map(str, nums)\nfirst = list(squa$0res)\n')) ?? '', /One-shot iterators/);
  });

  it('explains the iterator protocol on iter, next, __next__ and raise StopIteration', async () => {
    assert.match((await hoverAt('it = it$0er(data)\n')) ?? '', /The iterator protocol/);
    assert.match((await hoverAt('first = ne$0xt(it, None)\n')) ?? '', /The iterator protocol/);
    assert.match((await hoverAt('class It:\n    def __ne$0xt__(self):\n        raise StopIteration\n')) ?? '', /The iterator protocol/);
    assert.match((await hoverAt('class It:\n    def __next__(self):\n        ra$0ise StopIteration\n')) ?? '', /The iterator protocol/);
  });

  it('resolves itertools through module and from-imports', async () => {
    assert.match((await hoverAt('from itertools import groupby\n\nfor k, g in group$0by(rows, key=len):\n    pass\n')) ?? '', /groups only adjacent items/);
    assert.match((await hoverAt('import itertools as it\n\na, b = it.t$0ee(source)\n')) ?? '', /`itertools.tee` buffers/);
    assert.match((await hoverAt('import itertools\n\nflat = itertools.chain.from_ite$0rable(rows)\n')) ?? '', /Lazy pipelines/);
    assert.match((await hoverAt('from itertools import count\n\nfor i in cou$0nt(1):\n    break\n')) ?? '', /Infinite iterators/);
  });

  it('stays quiet on look-alikes', async () => {
    const nearMisses: Array<[string, string]> = [
      ['def groupby(rows, key):\n    return {}\n\ngroups = group$0by(rows, len)\n', 'itertools-groupby'],
      ['import pandas as pd\n\ndf.group$0by("city")\n', 'itertools-groupby'],
      ['map = {"a": 1}\nvalue = ma$0p["a"]\n', 'iterator-exhaustion'],
      ['def next(x):\n    return x\n\nne$0xt(3)\n', 'iterator-protocol'],
      ['class Counter:\n    def __in$0it__(self):\n        self.n = 0\n', 'iterator-protocol'],
      ['async def ticks():\n    yield 1\n\nasync def ma$0in():\n    return 1\n', 'generator-function'],
      ['def build():\n    return lis$0t(range(3))\n', 'list-comprehension'],
      ['def f(x):\n    return x == yield_count\n\nval$0ue = f(1)\n', 'generator-send-throw-close'],
    ];
    for (const [code, id] of nearMisses) assert.ok(!(await topicIdsAt(code)).includes(id), `${id} should not match:\n${code}`);
  });
});
