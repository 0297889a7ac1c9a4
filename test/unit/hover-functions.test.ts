// Hovers of the 'functions' family: the right topic on real code, nothing on look-alikes.
import assert from 'node:assert/strict';
import { hoverAt } from '../helpers/hover';

const detailed = { hoverLevel: 'detailed' } as const;

function shows(markdown: string | undefined, title: string): boolean {
  return !!markdown && markdown.includes(`**${title}**`);
}

describe('hover: functions topics', () => {
  it('explains nonlocal and global on their statements', async () => {
    const closure = 'def counter():\n    n = 0\n    def step():\n        non$0local n\n        n += 1\n    return step\n';
    assert.ok(shows(await hoverAt(closure), 'Closures, cells and `nonlocal`'));
    assert.ok(shows(await hoverAt('total = 0\ndef add(x):\n    glo$0bal total\n    total += x\n'), '`global` declarations'));
  });

  it('shows the cache topic first on @functools.lru_cache and on cache_info()', async () => {
    const code = 'import functools\n\n@functools.lru_$0cache(maxsize=None)\ndef fib(n):\n    return n\n';
    const markdown = await hoverAt(code, detailed);
    assert.ok(shows(markdown, '`lru_cache` and `cache`'));
    assert.ok(markdown!.indexOf('`lru_cache` and `cache`') < markdown!.indexOf('**Decorators**'), 'the specific topic comes before the generic one');
    assert.ok(shows(await hoverAt('from functools import cache\n@cache\ndef f(x): return x\nf.cache_in$0fo()\n'), '`lru_cache` and `cache`'));
  });

  it('resolves aliases: wraps, partial and singledispatch imported under other names', async () => {
    assert.ok(shows(await hoverAt('from functools import wraps as keep\ndef deco(f):\n    @ke$0ep(f)\n    def w(*a): return f(*a)\n    return w\n'), '`functools.wraps`'));
    assert.ok(shows(await hoverAt('import functools as ft\nhex_int = ft.par$0tial(int, base=16)\n'), '`functools.partial`'));
    assert.ok(shows(await hoverAt('from functools import singledispatch\n@single$0dispatch\ndef show(x): return x\n'), '`functools.singledispatch`'));
  });

  it('does not show functools topics for look-alikes', async () => {
    const ownCache = 'def lru_cache(f):\n    return f\n\n@lru_$0cache\ndef fib(n):\n    return n\n';
    const markdown = await hoverAt(ownCache, detailed);
    assert.ok(!shows(markdown, '`lru_cache` and `cache`'));
    assert.ok(shows(markdown, 'Decorators'), 'still a decorator');
    assert.ok(!shows(await hoverAt('from mylib import partial\nf = par$0tial(int, 2)\n', detailed), '`functools.partial`'));
    assert.ok(!shows(await hoverAt('from toolz import total_ordering\n@total_$0ordering\nclass V: pass\n', detailed), '`functools.total_ordering`'));
  });

  it('explains map and lambda, but not a user-defined map', async () => {
    assert.ok(shows(await hoverAt('squares = ma$0p(str, range(3))\n', detailed), '`map`, `filter` and `lambda`'));
    assert.ok(shows(await hoverAt('key = lam$0bda item: item[1]\n'), '`map`, `filter` and `lambda`'));
    assert.ok(!shows(await hoverAt('def map(f, xs):\n    return [f(x) for x in xs]\nys = ma$0p(str, [1])\n', detailed), '`map`, `filter` and `lambda`'));
  });
});
