// The python-bytecode grammar under vscode-tmgrammar-test (VS Code's own TextMate engine): the hand-written
// assertions in test/grammar/*.dis, and a listing formatted from REAL bytecode with assertions generated from the
// result itself — each line number, `>>`, offset and opname of "Open as text" gets the scope it should.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBytecode } from '../../client/src/webviews/bytecodeText';
import { bytecodeInterpreters, realBytecode } from '../helpers/bytecodeFixture';

const ROOT = join(__dirname, '..', '..');
const TOOL = join(ROOT, 'node_modules', '.bin', 'vscode-tmgrammar-test');
const GRAMMAR = join(ROOT, 'syntaxes', 'python-bytecode.tmLanguage.json');
const SCOPE = (name: string) => `${name}.python-bytecode`;

function runTool(pattern: string): { status: number | null; output: string } {
  const run = spawnSync(TOOL, ['-g', GRAMMAR, pattern], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** An assertion line for columns [start, end) of the line above (column 0 needs the `<-` form, `#` sits there). */
function assertion(start: number, end: number, scopes: string): string {
  if (start === 0) return `# <${'-'.repeat(end)} ${scopes}`;
  return `#${' '.repeat(start - 1)}${'^'.repeat(end - start)} ${scopes}`;
}

const ROW = /^ *(?<line>\d+|--)? +(?<mark>>>)? *(?<offset>\d+) (?<opname>[A-Z][A-Z0-9_]*)/d;

/** The listing with, under each instruction line, the scopes its parts must have. */
function withAssertions(listing: string): { text: string; count: number } {
  const out = ['# SYNTAX TEST "source.python-bytecode" "generated from a real bytecode result"'];
  let count = 0;
  for (const line of listing.split('\n')) {
    out.push(line);
    const indices = ROW.exec(line)?.indices?.groups;
    if (!indices) continue;
    const checks: Array<[[number, number] | undefined, string]> = [
      [indices.line, `${SCOPE('constant.numeric.line-number')} - ${SCOPE('constant.numeric.offset')}`],
      [indices.mark, SCOPE('keyword.control.jump-target')],
      [indices.offset, `${SCOPE('constant.numeric.offset')} - ${SCOPE('constant.numeric.line-number')}`],
      [indices.opname, SCOPE('support.function.opname')],
    ];
    for (const [span, scopes] of checks) {
      if (!span) continue;
      out.push(assertion(span[0], span[1], scopes));
      count++;
    }
  }
  return { text: out.join('\n'), count };
}

describe('python-bytecode grammar under vscode-tmgrammar-test', function () {
  this.timeout(90000);

  it('passes the assertions in test/grammar/*.dis', () => {
    const { status, output } = runTool('test/grammar/*.dis');
    assert.equal(status, 0, output);
    assert.match(output, /listing\.dis run successfuly/);
  });

  it('fails on a wrong assertion (the runner really checks)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyinsight-tm-'));
    try {
      writeFileSync(join(dir, 'wrong.dis'), '# SYNTAX TEST "source.python-bytecode"\n  3           0 RESUME                   0\n#             ^ constant.numeric.line-number.python-bytecode\n');
      const { status, output } = runTool(join(dir, '*.dis'));
      assert.notEqual(status, 0, output);
      assert.match(output, /missing required scopes: constant\.numeric\.line-number/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scopes every line number, jump mark, offset and opname of a listing formatted from real bytecode', async () => {
    const pythons = bytecodeInterpreters();
    const results = await realBytecode(pythons);
    const dir = mkdtempSync(join(tmpdir(), 'pyinsight-tm-'));
    try {
      let expected = 0;
      for (const [python, result] of results) {
        const { text, count } = withAssertions(formatBytecode(result, { label: python }));
        const instructions = result.codeObjects.reduce((n, c) => n + c.instructions.length, 0);
        assert.ok(count >= 2 * instructions, `${python}: at least an offset and an opname asserted per instruction`);
        expected += count;
        writeFileSync(join(dir, `${results.size > 1 ? python.replace(/\W+/g, '_') : 'listing'}.dis`), text);
      }
      const { status, output } = runTool(join(dir, '*.dis'));
      assert.equal(status, 0, output);
      assert.ok(expected > 100, 'the fixture produced a substantial listing');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
