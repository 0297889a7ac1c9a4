import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin305.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
function assertCompiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

describe('PIN305 cancelled-error-swallowed', () => {
  it('reports the caret-marked handlers of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN305');
  });

  it('appends a bare raise at the end of the handler, after a trailing comment', async () => {
    const before = py`
      import asyncio

      async def run(conn):
          try:
              await conn.serve()
          except asyncio.CancelledError:
              if conn:
                  conn.close()
              print("bye")  # done
          print("after")
    `;
    const after = await fixed(before, 'PIN305');
    assert.equal(after, before.replace('print("bye")  # done\n', 'print("bye")  # done\n        raise\n'));
    assertCompiles(after);
    const crlf = 'import asyncio\r\nasync def f(c):\r\n    try:\r\n        await c()\r\n    except:\r\n        pass\r\n';
    const crlfFixed = await fixed(crlf, 'PIN305');
    assert.equal(crlfFixed, crlf.replace('pass\r\n', 'pass\r\n        raise\r\n'));
    assertCompiles(crlfFixed);
  });

  it('offers an unsafe fix, and none for one-line handlers or handlers ending in return/break', async () => {
    const [finding] = await analyze('import asyncio\nasync def f(c):\n    try:\n        await c()\n    except asyncio.CancelledError:\n        pass\n', { select: ['PIN305'] });
    assert.equal(finding.fix?.safety, 'unsafe');
    for (const text of [
      'import asyncio\nasync def f(c):\n    try:\n        await c()\n    except asyncio.CancelledError: pass\n',
      'import asyncio\nasync def f(c):\n    try:\n        await c()\n    except asyncio.CancelledError:\n        return 1\n',
    ]) {
      const results = await analyze(text, { select: ['PIN305'] });
      assert.equal(results.length, 1, text);
      assert.equal(results[0].fix, undefined, text);
    }
  });

  it('flags except Exception only when the target version is below 3.8', async () => {
    const text = py`
      async def f(c):
          try:
              await c()
          except Exception:
              pass
    `;
    assert.deepEqual(await findings(text, 'PIN305'), []);
    const old = await analyze(text, { select: ['PIN305'], targetVersion: { major: 3, minor: 7 } });
    assert.equal(old.length, 1);
    assert.match(old[0].message, /before Python 3\.8/);
  });

  it('is suppressed by # noqa and # noqa: PIN305', async () => {
    for (const comment of ['# noqa', '# noqa: PIN305']) {
      assert.deepEqual(await findings(`async def f(c):\n    try:\n        await c()\n    except:  ${comment}\n        pass\n`, 'PIN305'), [], comment);
    }
    assert.equal((await findings('async def f(c):\n    try:\n        await c()\n    except:  # noqa: E722\n        pass\n', 'PIN305')).length, 1);
  });
});
