import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockingCallInAsync } from '../../server/src/service/rules/pin302-blocking-call-in-async';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin302.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
function assertCompiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

describe('PIN302 blocking-call-in-async', () => {
  it('reports the caret-marked calls of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN302');
  });

  it('wraps the call in await asyncio.to_thread, reusing or adding the import', async () => {
    const reuse = py`
      import asyncio
      import requests

      async def f(url):
          response = requests.get(url, timeout=5)
          return response
    `;
    const after = await fixed(reuse, 'PIN302');
    assert.equal(after, reuse.replace('requests.get(url, timeout=5)', 'await asyncio.to_thread(requests.get, url, timeout=5)'));
    assertCompiles(after);

    const add = py`
      """Doc."""
      import subprocess

      async def f():
          subprocess.run(["ls"], check=True)
          return input()
    `;
    const added = await fixed(add, 'PIN302');
    assert.equal(added, py`
      """Doc."""
      import subprocess
      import asyncio

      async def f():
          await asyncio.to_thread(subprocess.run, ["ls"], check=True)
          return input()
    `);
    assertCompiles(added);
    const second = await fixed(add, 'PIN302', 1);
    assert.equal(second, added.replace('await asyncio.to_thread(subprocess.run, ["ls"], check=True)', 'subprocess.run(["ls"], check=True)').replace('return input()', 'return await asyncio.to_thread(input)'));
    assertCompiles(second);

    const fromImport = py`
      from asyncio import to_thread
      import socket

      async def f(addr):
          s = socket.create_connection(addr)
          s.sendall(b"x")
    `;
    const reused = await fixed(fromImport, 'PIN302');
    assert.equal(reused, py`
      from asyncio import to_thread
      import socket

      async def f(addr):
          s = await to_thread(socket.create_connection, addr)
          s.sendall(b"x")
    `);
    assertCompiles(reused);
  });

  it('marks the fix unsafe and offers none where await cannot go, would change meaning, or before 3.9', async () => {
    const [finding] = await analyze('import requests\nasync def f(u):\n    requests.get(u)\n', { select: ['PIN302'] });
    assert.equal(finding.fix?.safety, 'unsafe');
    const noFix = [
      'import requests\nasync def f(u):\n    class A:\n        requests.get(u)\n',
      'import requests\nasync def f(u):\n    return requests.get(u).json()\n',
      'import requests\nasync def f(u):\n    asyncio = 1\n    requests.get(u)\n',
      'import requests\nasyncio = None\nasync def f(u):\n    requests.get(u)\n',
      'import requests\nasync def f(u):\n    print(requests.get(u))\n',
    ];
    for (const text of noFix) {
      const results = await analyze(text, { select: ['PIN302'] });
      assert.equal(results.length, 1, text);
      assert.equal(results[0].fix, undefined, text);
    }
    const old = await analyze('import requests\nasync def f(u):\n    requests.get(u)\n', { select: ['PIN302'], targetVersion: { major: 3, minor: 8 } });
    assert.equal(old.length, 1);
    assert.equal(old[0].fix, undefined);
  });

  it('stays quiet on sockets when the file switches them to non-blocking mode', async () => {
    const text = 'import socket\nasync def f():\n    s = socket.socket()\n    s.setblocking(False)\n    s.recv(1)\n';
    assert.deepEqual(await findings(text, 'PIN302'), []);
    assert.equal((await findings(text.replace('    s.setblocking(False)\n', ''), 'PIN302')).length, 1);
  });

  it('is suppressed by # noqa, # noqa: PIN302 and the flake8-async codes', async () => {
    for (const comment of ['# noqa', '# noqa: PIN302', '# noqa: ASYNC210']) {
      assert.deepEqual(await findings(`import requests\nasync def f(u):\n    requests.get(u)  ${comment}\n`, 'PIN302'), [], comment);
    }
    assert.deepEqual(await findings('async def f():\n    input()  # noqa: ASYNC250\n', 'PIN302'), []);
    assert.equal((await findings('import requests\nasync def f(u):\n    requests.get(u)  # noqa: E501\n', 'PIN302')).length, 1);
  });

  it('names the coroutine and the kind of wait in the message', async () => {
    const [finding] = await analyze('import subprocess\nasync def build():\n    subprocess.run(["make"])\n', { select: ['PIN302'] });
    assert.match(finding.message, /\(it waits for a child process\) inside `async def build` blocks the event loop/);
    assert.match(finding.message, /asyncio\.to_thread/);
  });

  it('fires on the documented example and not on its replacement', async () => {
    assert.equal((await findings(blockingCallInAsync.docs.example, 'PIN302')).length, 1);
    assert.deepEqual(await findings(blockingCallInAsync.docs.useInstead, 'PIN302'), []);
    assertCompiles(blockingCallInAsync.docs.example);
    assertCompiles(blockingCallInAsync.docs.useInstead);
  });
});
