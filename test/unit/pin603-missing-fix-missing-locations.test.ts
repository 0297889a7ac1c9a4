import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin603.py');
/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [readFileSync(FIXTURE, 'utf8')];

async function fixedText(text: string): Promise<string> {
  const result = await fixed(text, 'PIN603');
  produced.push(result);
  return result;
}

describe('PIN603 missing-fix-missing-locations', () => {
  it('reports the caret-marked compile() arguments of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN603');
  });

  it('names the node built without a location', async () => {
    const [finding] = await analyze(readFileSync(FIXTURE, 'utf8'), { select: ['PIN603'] });
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /the result of `Double`, which builds `ast\.BinOp\(…\)` on line 8 without a source location, so compile\(\) raises TypeError: required field "lineno" missing/);
  });

  it('wraps the argument in ast.fix_missing_locations (safe), reusing the import', async () => {
    const source = py`
      import ast as a
      tree = a.Module(body=[a.Pass()], type_ignores=[])
      code = compile(tree, "<ast>", "exec")
    `;
    assert.equal(await fixedText(source), source.replace('compile(tree,', 'compile(a.fix_missing_locations(tree),'));
    const [finding] = await analyze(source, { select: ['PIN603'] });
    assert.equal(finding.fix?.safety, 'safe');
    assert.equal(await fixedText('from ast import Pass, Module\ncode = compile(Module([Pass()], []), "<ast>", "exec")\n'), 'from ast import Pass, Module\nimport ast\ncode = compile(ast.fix_missing_locations(Module([Pass()], [])), "<ast>", "exec")\n');
  });

  it('stays quiet when the file calls fix_missing_locations or compile is shadowed', async () => {
    assert.deepEqual(await findings('import ast\ntree = ast.Module([ast.Pass()], [])\nast.fix_missing_locations(tree)\ncompile(tree, "f", "exec")\n', 'PIN603'), []);
    assert.deepEqual(await findings('import ast\nfrom re import compile\ncompile(ast.Module([ast.Pass()], []))\n', 'PIN603'), []);
  });

  it('is suppressed by # noqa and # noqa: PIN603', async () => {
    for (const comment of ['# noqa', '# noqa: PIN603']) {
      assert.deepEqual(await findings(`import ast\ncompile(ast.Module([ast.Pass()], []), "f", "exec")  ${comment}\n`, 'PIN603'), [], comment);
    }
  });

  after('every fixed text (and the fixture) compiles with CPython', () => {
    assert.equal(compileAll(produced), 'ok');
  });
});
