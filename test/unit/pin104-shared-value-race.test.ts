import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin104.py');

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
function assertCompiles(text: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "<fixed>", "exec")'], { input: text });
}

describe('PIN104 shared-value-race', () => {
  it('reports the caret-marked updates of the fixture and nothing else', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    assertCompiles(text);
    await assertCarets(text, 'PIN104');
  });

  it('says where the Value comes from', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const results = await analyze(text, { select: ['PIN104'] });
    assert.match(results[0].message, /^`counter` receives a multiprocessing.Value from the Process started on line 73, and this update is a read/);
    assert.match(results[2].message, /^`total` is a multiprocessing.Value, .*one of the updates is lost\. Hold the lock for the whole update: `with total.get_lock\(\):`\.$/);
    assert.ok(results.every((r) => r.severity === 'warning'));
  });

  it('wraps the statement in with v.get_lock(): keeping indentation and line breaks', async () => {
    const before = py`
      from multiprocessing import Value
      total = Value("i", 0)
      def bump():
          for _ in range(3):
              total.value += 1  # count it
          return total
    `;
    const after = py`
      from multiprocessing import Value
      total = Value("i", 0)
      def bump():
          for _ in range(3):
              with total.get_lock():
                  total.value += 1  # count it
          return total
    `;
    assert.equal(await fixed(before, 'PIN104'), after);
    assertCompiles(after);
    const crlf = 'import multiprocessing as mp\r\nv = mp.Value("i", 0)\r\nv.value = v.value - 1\r\n';
    const crlfAfter = await fixed(crlf, 'PIN104');
    assert.equal(crlfAfter, 'import multiprocessing as mp\r\nv = mp.Value("i", 0)\r\nwith v.get_lock():\r\n    v.value = v.value - 1\r\n');
    assertCompiles(crlfAfter);
    const tabs = await fixed('import multiprocessing as mp\nv = mp.Value("i", 0)\nif True:\n\tv.value += (\n\t\t1)\n', 'PIN104');
    assert.equal(tabs, 'import multiprocessing as mp\nv = mp.Value("i", 0)\nif True:\n\twith v.get_lock():\n\t\tv.value += (\n\t\t1)\n');
    assertCompiles(tabs);
  });

  it('offers no fix when the statement shares its line', async () => {
    const [finding] = await analyze('import multiprocessing as mp\nv = mp.Value("i", 0)\nfor _ in range(2): v.value += 1\n', { select: ['PIN104'] });
    assert.ok(finding);
    assert.equal(finding.fix, undefined);
    const [semicolon] = await analyze('import multiprocessing as mp\nv = mp.Value("i", 0)\nv.value += 1; print(v)\n', { select: ['PIN104'] });
    assert.equal(semicolon.fix, undefined);
  });

  it('is suppressed by # noqa and # noqa: PIN104', async () => {
    const head = 'import multiprocessing as mp\nv = mp.Value("i", 0)\n';
    for (const comment of ['# noqa', '# noqa: PIN104', '# NOQA:E501,PIN104']) {
      assert.deepEqual(await findings(`${head}v.value += 1  ${comment}\n`, 'PIN104'), [], comment);
    }
    assert.equal((await findings(`${head}v.value += 1  # noqa: PIN105\n`, 'PIN104')).length, 1);
  });
});
