import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin505.py');

function compiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

describe('PIN505 cached-method-leak: detection', () => {
  it('reports the caret-marked decorators of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN505');
  });

  it('says how long the instances stay alive', async () => {
    const message = async (decorator: string) => {
      const [d] = await analyze(`import functools\nclass A:\n    @${decorator}\n    def m(self):\n        pass\n`, { select: ['PIN505'] });
      assert.ok(d, decorator);
      return d.message;
    };
    assert.match(await message('functools.lru_cache'), /up to 128 of them stay alive/);
    assert.match(await message('functools.lru_cache()'), /up to 128 of them/);
    assert.match(await message('functools.lru_cache(typed=True)'), /up to 128 of them/);
    assert.match(await message('functools.lru_cache(maxsize=16)'), /up to 16 of them/);
    assert.match(await message('functools.lru_cache(None)'), /unbounded, so they are never freed/);
    assert.match(await message('functools.cache'), /`@functools.cache` on the method `A.m`.*unbounded/);
    assert.match(await message('functools.lru_cache(SIZE)'), /until their entries are evicted/);
  });

  it('needs the name to come from functools', async () => {
    assert.deepEqual(await findings('from mylib import lru_cache\nimport functools\nclass A:\n    @lru_cache\n    def m(self):\n        pass\n', 'PIN505'), []);
    assert.deepEqual(await findings('class A:\n    @lru_cache\n    def m(self):\n        pass\n', 'PIN505'), [], 'no functools in the file');
    assert.deepEqual(await findings('import functools\nclass A:\n    @functools.lru_cache\n    def m():\n        pass\n', 'PIN505'), [], 'no parameter for the instance');
  });
});

describe('PIN505 cached-method-leak: fix', () => {
  it('turns a self-only method into a cached_property, reusing the functools import', async () => {
    const before = py`
      import functools


      class Report:
          @functools.lru_cache(maxsize=None)
          def total(self):
              return 1
    `;
    const after = await fixed(before, 'PIN505');
    assert.equal(after, before.replace('functools.lru_cache(maxsize=None)', 'functools.cached_property'));
    compiles(after);
    const [d] = await analyze(before, { select: ['PIN505'] });
    assert.equal(d.fix?.safety, 'unsafe');
  });

  it('adds import functools when only a from-import exists', async () => {
    const before = 'from functools import cache\n\n\nclass A:\n    @cache\n    def m(self):\n        return 1\n';
    const after = await fixed(before, 'PIN505');
    assert.equal(after, 'from functools import cache\nimport functools\n\n\nclass A:\n    @functools.cached_property\n    def m(self):\n        return 1\n');
    compiles(after);
    const reused = await fixed('from functools import cache, cached_property\nclass A:\n    @cache\n    def m(self):\n        return 1\n', 'PIN505');
    assert.match(reused, / {4}@cached_property\n/);
    compiles(reused);
  });

  it('offers no fix for arguments, other decorators, async, __slots__ or targets before 3.8', async () => {
    const noFix = async (text: string, settings = {}) => {
      const results = await analyze(text, { select: ['PIN505'], ...settings });
      assert.equal(results.length, 1, text);
      assert.equal(results[0].fix, undefined, text);
    };
    await noFix('import functools\nclass A:\n    @functools.cache\n    def m(self, x):\n        return x\n');
    await noFix('import functools\nclass A:\n    @property\n    @functools.cache\n    def m(self):\n        return 1\n');
    await noFix('import functools\nclass A:\n    @functools.cache\n    async def m(self):\n        return 1\n');
    await noFix('import functools\nclass A:\n    __slots__ = ("x",)\n    @functools.cache\n    def m(self):\n        return 1\n');
    await noFix('import functools\nclass A:\n    @functools.lru_cache\n    def m(self):\n        return 1\n', { targetVersion: { major: 3, minor: 7 } });
  });
});

describe('PIN505 cached-method-leak: noqa', () => {
  it('is suppressed by # noqa, # noqa: PIN505 and bugbear/Ruff B019', async () => {
    for (const comment of ['# noqa', '# noqa: PIN505', '# noqa: B019']) {
      assert.deepEqual(await findings(`import functools\nclass A:\n    @functools.cache  ${comment}\n    def m(self):\n        pass\n`, 'PIN505'), [], comment);
    }
    assert.equal((await findings('import functools\nclass A:\n    @functools.cache  # noqa: B006\n    def m(self):\n        pass\n', 'PIN505')).length, 1);
  });
});
