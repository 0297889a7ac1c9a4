import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin304.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
function assertCompiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

describe('PIN304 dangling-task', () => {
  it('reports the caret-marked calls of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN304');
  });

  it('keeps the task in a module-level set, creating the set before the enclosing top-level statement', async () => {
    const before = py`
      import asyncio


      class Server:
          async def handle(self, request):
              asyncio.create_task(self.audit(request))  # fire and forget
              return "ok"
    `;
    const after = await fixed(before, 'PIN304');
    assert.equal(after, py`
      import asyncio


      _background_tasks = set()


      class Server:
          async def handle(self, request):
              task = asyncio.create_task(self.audit(request))
              _background_tasks.add(task)
              task.add_done_callback(_background_tasks.discard)  # fire and forget
              return "ok"
    `);
    assertCompiles(after);
  });

  it('reuses an existing _background_tasks = set() and works at module level', async () => {
    const before = py`
      import asyncio
      _background_tasks = set()
      loop = asyncio.new_event_loop()
      loop.create_task(job())
    `;
    const after = await fixed(before, 'PIN304');
    assert.equal(after, py`
      import asyncio
      _background_tasks = set()
      loop = asyncio.new_event_loop()
      task = loop.create_task(job())
      _background_tasks.add(task)
      task.add_done_callback(_background_tasks.discard)
    `);
    assertCompiles(after);
  });

  it('offers an unsafe fix, and none when the statement shares its line or the names are taken', async () => {
    const [finding] = await analyze('import asyncio\nasync def f():\n    asyncio.create_task(g())\n', { select: ['PIN304'] });
    assert.equal(finding.fix?.safety, 'unsafe');
    const noFix = [
      'import asyncio\nasync def f():\n    x = 1; asyncio.create_task(g())\n',
      'import asyncio\nasync def f():\n    asyncio.create_task(g()); x = 1\n',
      'import asyncio\nasync def f(c):\n    if c: asyncio.create_task(g())\n',
      'import asyncio\nasync def f(task):\n    asyncio.create_task(g())\n',
      'import asyncio\n_background_tasks = []\nasync def f():\n    asyncio.create_task(g())\n',
    ];
    for (const text of noFix) {
      const results = await analyze(text, { select: ['PIN304'] });
      assert.equal(results.length, 1, text);
      assert.equal(results[0].fix, undefined, text);
    }
  });

  it('is suppressed by # noqa, # noqa: PIN304 and RUF006', async () => {
    for (const comment of ['# noqa', '# noqa: PIN304', '# noqa: RUF006']) {
      assert.deepEqual(await findings(`import asyncio\nasync def f():\n    asyncio.create_task(g())  ${comment}\n`, 'PIN304'), [], comment);
    }
    assert.equal((await findings('import asyncio\nasync def f():\n    asyncio.create_task(g())  # noqa: E501\n', 'PIN304')).length, 1);
  });
});
