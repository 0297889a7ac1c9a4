import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin301.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
function assertCompiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

describe('PIN301 blocking-sleep-in-async', () => {
  it('reports the caret-marked calls of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN301');
  });

  it('replaces the statement with await asyncio.sleep, reusing or adding the import', async () => {
    const reuse = py`
      import asyncio
      import time

      async def f():
          time.sleep(1)
    `;
    const after = await fixed(reuse, 'PIN301');
    assert.equal(after, reuse.replace('time.sleep(1)', 'await asyncio.sleep(1)'));
    assertCompiles(after);

    const add = py`
      """Doc."""
      from time import sleep as nap

      async def f(delay):
          nap(delay)
    `;
    const added = await fixed(add, 'PIN301');
    assert.equal(added, py`
      """Doc."""
      from time import sleep as nap
      import asyncio

      async def f(delay):
          await asyncio.sleep(delay)
    `);
    assertCompiles(added);

    const fromImport = py`
      from asyncio import sleep as asleep
      import time

      async def f():
          time.sleep(0.5)
    `;
    const reused = await fixed(fromImport, 'PIN301');
    assert.equal(reused, fromImport.replace('time.sleep(0.5)', 'await asleep(0.5)'));
    assertCompiles(reused);
  });

  it('marks the fix unsafe and offers none where await cannot go or would change meaning', async () => {
    const [finding] = await analyze('import time\nasync def f():\n    time.sleep(1)\n', { select: ['PIN301'] });
    assert.equal(finding.fix?.safety, 'unsafe');
    const noFix = [
      'import time\nasync def f():\n    class A:\n        time.sleep(1)\n',
      'import time\nasync def f():\n    x = time.sleep(1)\n',
      'import time\nasync def f():\n    asyncio = 1\n    time.sleep(1)\n',
      'import time\nasyncio = None\nasync def f():\n    time.sleep(1)\n',
    ];
    for (const text of noFix) {
      const results = await analyze(text, { select: ['PIN301'] });
      assert.equal(results.length, 1, text);
      assert.equal(results[0].fix, undefined, text);
    }
  });

  it('is suppressed by # noqa, # noqa: PIN301 and ASYNC251', async () => {
    for (const comment of ['# noqa', '# noqa: PIN301', '# noqa: ASYNC251']) {
      assert.deepEqual(await findings(`import time\nasync def f():\n    time.sleep(1)  ${comment}\n`, 'PIN301'), [], comment);
    }
    assert.equal((await findings('import time\nasync def f():\n    time.sleep(1)  # noqa: E501\n', 'PIN301')).length, 1);
  });

  it('names the coroutine in the message', async () => {
    const [finding] = await analyze('import time\nasync def fetch():\n    time.sleep(1)\n', { select: ['PIN301'] });
    assert.match(finding.message, /inside `async def fetch` blocks the event loop/);
  });
});
