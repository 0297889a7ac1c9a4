import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin507.py');

/** Compiles (never runs) `source` with python3; throws on a SyntaxError. */
function compiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

describe('PIN507 gc-disabled-not-restored', () => {
  it('reports the caret-marked calls of the fixture and none of its near misses', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN507');
  });

  it('wraps the code between disable and enable in try/finally', async () => {
    const source = py`
      import gc

      def build(rows):
          gc.disable()
          # build it
          index = {r: 1 for r in rows}
          total = len(
              index,
          )
          gc.enable()
          return index, total
    `;
    const result = await fixed(source, 'PIN507');
    assert.equal(result, py`
      import gc

      def build(rows):
          gc.disable()
          # build it
          try:
              index = {r: 1 for r in rows}
              total = len(
                  index,
              )
          finally:
              gc.enable()
          return index, total
    `);
    compiles(result);
    assert.deepEqual(await findings(result, 'PIN507'), []);
  });

  it('keeps tabs, CRLF line endings and string contents', async () => {
    const source = 'import gc\r\nif True:\r\n\tgc.disable()\r\n\ts = """a\r\nb"""\r\n\tgc.enable()  # back on\r\n';
    const result = await fixed(source, 'PIN507');
    assert.equal(result, 'import gc\r\nif True:\r\n\tgc.disable()\r\n\ttry:\r\n\t\ts = """a\r\nb"""\r\n\tfinally:\r\n\t\tgc.enable()  # back on\r\n');
    compiles(result);
  });

  it('marks the fix unsafe when the wrapped code can leave early', async () => {
    const [early] = await analyze(py`
      import gc
      def f(rows):
          gc.disable()
          if not rows:
              return None
          gc.enable()
    `, { select: ['PIN507'] });
    assert.equal(early.fix?.safety, 'unsafe');
    const [plain] = await analyze('import gc\ngc.disable()\nx = 1\ngc.enable()\n', { select: ['PIN507'] });
    assert.equal(plain.fix?.safety, 'safe');
    compiles(await fixed(py`
      import gc
      def f(rows):
          gc.disable()
          if not rows:
              return None
          gc.enable()
    `, 'PIN507'));
  });

  it('offers no fix when the enable is nested or shares a line', async () => {
    const nested = await analyze('import gc\ndef f(x):\n    gc.disable()\n    x()\n    if x:\n        gc.enable()\n', { select: ['PIN507'] });
    assert.equal(nested.length, 1);
    assert.equal(nested[0].fix, undefined);
    const sameLine = await analyze('import gc\ngc.disable(); x = 1; gc.enable()\n', { select: ['PIN507'] });
    assert.equal(sameLine.length, 1);
    assert.equal(sameLine[0].fix, undefined);
    const nothingBetween = await analyze('import gc\ngc.disable()\ngc.enable()\n', { select: ['PIN507'] });
    assert.equal(nothingBetween[0].fix, undefined);
  });

  it('names the enable line in the message', async () => {
    const [finding] = await analyze('import gc\ngc.disable()\nx = 1\ngc.enable()\n', { select: ['PIN507'] });
    assert.match(finding.message, /`gc.enable\(\)` on line 4 runs only if nothing before it raises/);
    assert.match(finding.message, /whole interpreter/);
  });

  it('is suppressed by # noqa and # noqa: PIN507', async () => {
    for (const comment of ['# noqa', '# noqa: PIN507']) {
      assert.deepEqual(await findings(`import gc\ngc.disable()  ${comment}\nx = 1\ngc.enable()\n`, 'PIN507'), [], comment);
    }
    assert.equal((await findings('import gc\ngc.disable()  # noqa: E501\nx = 1\ngc.enable()\n', 'PIN507')).length, 1);
  });
});
