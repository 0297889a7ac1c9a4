// Hovers of the async family: the right topic on realistic code, and nothing on look-alikes that are not asyncio.
import assert from 'node:assert/strict';
import { triggerMatches } from '../../server/src/service/hover/resolveTopics';
import { allTopics } from '../../server/src/service/hover/topics/index';
import { hoverAt, withContextAt } from '../helpers/hover';

/** The ids of every topic whose triggers match at `$0`. */
async function topicIdsAt(code: string): Promise<string[]> {
  return withContextAt(code, (context) => [...new Set(triggerMatches(context, allTopics).map((m) => m.topic.id))]);
}

describe('hover: async topics', () => {
  it('explains coroutine functions on the async def header', async () => {
    const hover = await hoverAt('async def fe$0tch(session, url):\n    return await session.get(url)\n');
    assert.match(hover ?? '', /\*\*Coroutine functions \(`async def`\)\*\*/);
  });

  it('explains async generators on an async def that yields, and on async for', async () => {
    const code = 'import asyncio\n\nasync def tic$0ks(n):\n    for i in range(n):\n        await asyncio.sleep(1)\n        yield i\n';
    assert.match((await hoverAt(code)) ?? '', /\*\*Async generators and `async for`\*\*/);
    assert.match((await hoverAt('async def main(source):\n    as$0ync for item in source:\n        print(item)\n')) ?? '', /Async generators/);
    assert.ok(!(await topicIdsAt('async def fe$0tch(url):\n    """Fetch; never yields anything."""\n    return url\n')).includes('async-generators'));
  });

  it('explains await, and gather in preference to await on the gather name', async () => {
    assert.match((await hoverAt('async def main(s):\n    data = aw$0ait s.read()\n')) ?? '', /\*\*`await`: where a coroutine yields to the loop\*\*/);
    const code = 'import asyncio\n\nasync def main(a, b):\n    return await asyncio.gat$0her(a(), b())\n';
    assert.match((await hoverAt(code)) ?? '', /\*\*`asyncio.gather`\*\*/);
  });

  it('resolves asyncio names through aliases and from-imports', async () => {
    assert.match((await hoverAt('import asyncio as aio\n\naio.r$0un(main())\n')) ?? '', /`asyncio.run`: the entry point/);
    assert.match((await hoverAt('from asyncio import create_task\n\nasync def main():\n    t = create_t$0ask(work())\n')) ?? '', /asyncio Tasks and Futures/);
    assert.match((await hoverAt('from asyncio import timeout\n\nasync def main():\n    async with time$0out(5):\n        pass\n')) ?? '', /asyncio timeouts/);
  });

  it('follows the loop and task objects to their methods', async () => {
    const loop = 'import asyncio\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    return await loop.run_in_exe$0cutor(None, parse)\n';
    assert.match((await hoverAt(loop)) ?? '', /Offloading blocking calls from the event loop/);
    const task = 'import asyncio\n\nasync def main():\n    task = asyncio.create_task(work())\n    task.can$0cel()\n';
    assert.match((await hoverAt(task)) ?? '', /Task cancellation and `asyncio.shield`/);
    const ctx = 'from contextvars import ContextVar\n\nuser = ContextVar("user")\n\nasync def handle(u):\n    user.s$0et(u)\n';
    assert.match((await hoverAt(ctx)) ?? '', /Context variables/);
  });

  it('explains async with, and async context managers ahead of coroutines on __aenter__', async () => {
    assert.match((await hoverAt('async def main(pool):\n    async w$0ith pool.acquire() as conn:\n        pass\n')) ?? '', /Async context managers/);
    assert.match((await hoverAt('class Pool:\n    async def __aen$0ter__(self):\n        return self\n')) ?? '', /Async context managers/);
  });

  it('shows debug mode only for asyncio.run(..., debug=True)', async () => {
    assert.ok((await topicIdsAt('import asyncio\n\nasyncio.run(main(), deb$0ug=True)\n')).includes('asyncio-debug-mode'));
    assert.ok(!(await topicIdsAt('app.run(host="0.0.0.0", deb$0ug=True)\n')).includes('asyncio-debug-mode'));
    assert.ok(!(await topicIdsAt('import asyncio\n\nasyncio.run(main(deb$0ug=True))\n')).includes('asyncio-debug-mode'));
  });

  it('stays quiet on look-alikes that are not asyncio', async () => {
    const nearMisses: Array<[string, string]> = [
      ['def gather(*xs):\n    return list(xs)\n\nresult = gat$0her(1, 2)\n', 'asyncio-gather'],
      ['from subprocess import run\n\nr$0un(["ls"])\n', 'asyncio-run'],
      ['class Task:\n    pass\n\nt = Ta$0sk()\n', 'asyncio-task-future'],
      ['def create_task(job):\n    return job\n\ntask = create_task(1)\ntask.can$0cel()\n', 'asyncio-cancellation-shield'],
      ['import trio\n\nasync def main():\n    with trio.move_on_after(1):\n        await trio.sl$0eep(2)\n', 'asyncio-timeouts'],
      ['def fe$0tch(url):\n    return url\n', 'coroutine-async-def'],
      ['def main(path):\n    wi$0th open(path) as f:\n        return f.read()\n', 'async-context-manager'],
      ['def main(items):\n    fo$0r item in items:\n        print(item)\n', 'async-generators'],
      ['loop = get_loop()\nloop.run_in_exe$0cutor(None, f)\n', 'offload-blocking-calls'],
    ];
    for (const [code, id] of nearMisses) assert.ok(!(await topicIdsAt(code)).includes(id), `${id} should not match:\n${code}`);
  });
});
