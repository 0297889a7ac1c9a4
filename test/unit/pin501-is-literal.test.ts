import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin501.py');

describe('PIN501 is-literal', () => {
  it('reports the caret-marked comparisons of the fixture', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN501');
  });

  it("agrees line for line with CPython's own SyntaxWarning", async function () {
    const source = readFileSync(FIXTURE, 'utf8');
    // Only compile() runs: the fixture is never executed.
    const script = [
      'import sys, warnings',
      'src = open(sys.argv[1], encoding="utf-8").read()',
      'with warnings.catch_warnings(record=True) as caught:',
      '    warnings.simplefilter("always")',
      '    compile(src, sys.argv[1], "exec")',
      'print(sorted({w.lineno for w in caught if issubclass(w.category, SyntaxWarning) and "literal" in str(w.message)}))',
    ].join('\n');
    const cpython: number[] = JSON.parse(execFileSync('python3', ['-c', script, FIXTURE], { encoding: 'utf8' }));
    const ours = [...new Set((await findings(source, 'PIN501')).map((f) => Number(f.split(':')[0]) + 1))].sort((a, b) => a - b);
    assert.ok(cpython.length > 10, 'the fixture exercises the warning');
    assert.deepEqual(ours, cpython);
  });

  it('fixes is → == and is not → != (only the operators next to a literal)', async () => {
    assert.equal(await fixed('if x is 1: pass\n', 'PIN501'), 'if x == 1: pass\n');
    assert.equal(await fixed('ok = y is not -5\n', 'PIN501'), 'ok = y != -5\n');
    assert.equal(await fixed('a is b is "s"\n', 'PIN501'), 'a is b == "s"\n');
  });

  it('is suppressed by # noqa, # noqa: PIN501 and Ruff/pyflakes F632', async () => {
    for (const comment of ['# noqa', '# noqa: PIN501', '# NOQA:F632', '# noqa: E501, F632']) {
      assert.deepEqual(await findings(`x is 1  ${comment}\n`, 'PIN501'), [], comment);
    }
    assert.equal((await findings('x is 1  # noqa: E501\n', 'PIN501')).length, 1);
    assert.equal((await findings('x is "# noqa"\n', 'PIN501')).length, 1, 'a # inside a string is not a comment');
  });

  it('names the literal type in the message', async () => {
    const [finding] = await analyze(py`
      if name is not b"x":
          pass
    `, { select: ['PIN501'] });
    assert.match(finding.message, /"is not" with a bytes literal/);
  });
});
