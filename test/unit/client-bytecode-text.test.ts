// "Copy as text" / "Open as text" (client/src/webviews/bytecodeText.ts) on REAL bytecode from the bridge, for each
// interpreter here: every code object gets a header, every instruction one line with its offset, opname, argument
// and line number where a new line starts, jump targets marked, the exception table listed, text never broken.
import assert from 'node:assert/strict';
import { formatBytecode } from '../../client/src/webviews/bytecodeText';
import type { BytecodeOk } from '../../server/src/protocol';
import { bytecodeInterpreters, realBytecode } from '../helpers/bytecodeFixture';

/** One listing line: line number (or --), the >> mark, offset, opname, argument, argrepr. */
const ROW = /^ *(\d+|--)? +(>>)? *(\d+) ([A-Z][A-Z0-9_]*)(?: +(-?\d+))?(?: \((.*)\))?$/;

describe('client: bytecode as text', function () {
  this.timeout(60000);
  const pythons = bytecodeInterpreters();
  let results: Map<string, BytecodeOk>;

  before(async () => {
    results = await realBytecode(pythons);
  });

  for (const python of pythons) {
    it(`lists every code object and instruction of ${python}'s bytecode`, () => {
      const result = results.get(python)!;
      const text = formatBytecode(result, { label: 'fixture.py' });
      const lines = text.split('\n');
      assert.equal(lines[0].startsWith(`# fixture.py · ${result.interpreter.implementation} ${result.interpreter.version} · `), true, lines[0]);
      const headers = lines.filter((l) => l.startsWith('Disassembly of '));
      assert.deepEqual(headers, result.codeObjects.map((c) => `Disassembly of <code object ${c.qualname} at line ${c.firstLine}>:`));
      assert.ok(result.codeObjects.some((c) => c.qualname === 'outer.<locals>.inner'), 'the fixture has a closure');

      const rows = lines.map((l) => ROW.exec(l)).filter((m): m is RegExpExecArray => m !== null);
      const instructions = result.codeObjects.flatMap((c) => c.instructions.map((ins, index) => ({ ins, starts: index === 0 || ins.line !== c.instructions[index - 1].line })));
      assert.equal(rows.length, instructions.length, 'one line per instruction');
      rows.forEach((row, i) => {
        const { ins, starts } = instructions[i];
        assert.equal(row[4], ins.opname);
        assert.equal(Number(row[3]), ins.offset);
        assert.equal(row[1], starts ? (ins.line === null ? '--' : String(ins.line)) : undefined, `line column of ${row[0]}`);
        assert.equal(row[2] === '>>', ins.isJumpTarget, `jump-target mark of ${row[0]}`);
        assert.equal(row[5] === undefined ? null : Number(row[5]), ins.arg);
        if (ins.jumpTarget !== undefined && /^to /.test(ins.argrepr)) assert.equal(row[6], `to ${ins.jumpTarget}`, 'jumps name their target offset');
      });

      const table = lines.filter((l) => /^ {2}\d+ to \d+ -> \d+ \[\d+\]( lasti)?$/.test(l));
      assert.equal(table.length, result.codeObjects.reduce((n, c) => n + c.exceptionTable.length, 0));
      assert.ok(text.includes("'héllo 𝒳\\n<script>'"), 'constants appear as repr, the newline escaped');
    });
  }

  it('keeps each line whole even when an argrepr holds a line break', () => {
    const result = results.get('python3')!;
    const [first, ...rest] = result.codeObjects;
    const broken = { ...first, instructions: first.instructions.map((ins, i) => (i === 0 ? { ...ins, argrepr: 'a\nb\r\nc' } : ins)) };
    const text = formatBytecode({ ...result, codeObjects: [broken, ...rest] });
    assert.ok(text.includes('(a\\nb\\nc)'));
    assert.equal(text.split('\n').filter((l) => ROW.test(l)).length, result.codeObjects.reduce((n, c) => n + c.instructions.length, 0));
  });

  it('lists only a code object and the ones nested in it when asked', () => {
    const result = results.get('python3')!;
    const outer = result.codeObjects.find((c) => c.qualname === 'outer')!;
    const text = formatBytecode(result, { only: outer.id });
    const names = text.split('\n').filter((l) => l.startsWith('Disassembly of ')).map((l) => /object (\S+) at/.exec(l)![1]);
    assert.deepEqual(names, ['outer', 'outer.<locals>.inner', 'outer.<locals>.<lambda>']);
  });
});
