import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin303.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
function assertCompiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

describe('PIN303 coroutine-not-awaited', () => {
  it('reports the caret-marked calls of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN303');
  });

  it('reports a module-level call, without a fix', async () => {
    const results = await analyze('async def work():\n    pass\n\nwork()\n', { select: ['PIN303'] });
    assert.equal(results.length, 1);
    assert.equal(results[0].fix, undefined);
    assert.match(results[0].message, /never awaited/);
    assert.match(results[0].message, /asyncio\.run/);
  });

  it('adds await inside an async def', async () => {
    const before = py`
      import asyncio


      async def save(record):
          pass


      async def handle(record):
          save(record)  # keep the comment
          for _ in range(3):
              asyncio.sleep(
                  1,
              )
    `;
    const first = await fixed(before, 'PIN303');
    assert.equal(first, before.replace('    save(record)', '    await save(record)'));
    assertCompiles(first);
    const second = await fixed(before, 'PIN303', 1);
    assert.equal(second, before.replace('asyncio.sleep(', 'await asyncio.sleep('));
    assertCompiles(second);
  });

  it('offers an unsafe fix in async code only, and none in a sync def or a class body', async () => {
    const [finding] = await analyze('async def g():\n    pass\nasync def f():\n    g()\n', { select: ['PIN303'] });
    assert.equal(finding.fix?.safety, 'unsafe');
    const noFix = [
      'async def g():\n    pass\ndef f():\n    g()\n',
      'async def g():\n    pass\nasync def f():\n    class C:\n        g()\n',
      'import asyncio\ndef f():\n    asyncio.sleep(1)\n',
    ];
    for (const text of noFix) {
      const results = await analyze(text, { select: ['PIN303'] });
      assert.equal(results.length, 1, text);
      assert.equal(results[0].fix, undefined, text);
    }
    const [inClass] = await analyze(noFix[1], { select: ['PIN303'] });
    assert.match(inClass.message, /not allowed in this class body/);
  });

  it('stays quiet for async generators, decorated defs, rebound names and non-coroutine asyncio helpers', async () => {
    const quiet = [
      'async def g():\n    yield 1\nasync def f():\n    g()\n',
      'import functools\n@functools.cache\nasync def g():\n    pass\nasync def f():\n    g()\n',
      'async def g():\n    pass\ng = print\nasync def f():\n    g()\n',
      'import asyncio\nasync def f(t):\n    asyncio.gather()\n    asyncio.shield(t)\n    asyncio.ensure_future(t)\n',
      'async def g():\n    pass\nasync def f():\n    await g()\n    x = g()\n    return x\n',
      'def sleep(n):\n    pass\nasync def f():\n    sleep(1)\n',
    ];
    for (const text of quiet) assert.deepEqual(await findings(text, 'PIN303'), [], text);
  });

  it('is suppressed by # noqa and # noqa: PIN303', async () => {
    for (const comment of ['# noqa', '# noqa: PIN303']) {
      assert.deepEqual(await findings(`import asyncio\nasync def f():\n    asyncio.sleep(1)  ${comment}\n`, 'PIN303'), [], comment);
    }
    assert.equal((await findings('import asyncio\nasync def f():\n    asyncio.sleep(1)  # noqa: E501\n', 'PIN303')).length, 1);
  });
});
