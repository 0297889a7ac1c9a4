// The helper on every CPython 3.8–3.13 this machine has: each version's own AST, instructions, exception table,
// inline caches and ast.dump format come through unchanged. Versions that are not installed are skipped.
import assert from 'node:assert/strict';
import type { BytecodeOk, PythonAstResult } from '../../server/src/protocol';
import { allNodes, CODE_WALK_PY, interpreterOrSkip, PREORDER_PY, runPython, usePythonService } from './interpreters';

const SOURCE = [
  'def f(a, b=2):',
  '    try:',
  '        return [x + b for x in a if x]',
  '    except KeyError as e:',
  '        raise ValueError("é") from e',
  '    finally:',
  '        g = lambda: "ü"',
  'with open("x") as h: print(f"{h!r}")',
  '',
].join('\n');

const EXPECTED_PY = `${PREORDER_PY}${CODE_WALK_PY}
import dis, io, json, sys
source = sys.stdin.read()
code = compile(source, "<pyinsight>", "exec", dont_inherit=True)
nodes = list(preorder(ast.parse(source)))
out = {
    "ast": [[type(n).__name__, list(n._fields)] for n in nodes],
    "dump": ast.dump(nodes[3], include_attributes=True),
    "code": [[co.co_name, [[i.offset, i.opname] for i in dis.get_instructions(co)]] for co in walk(code)],
    "table": [[[e.start, e.end, e.target, e.depth, e.lasti] for e in dis.Bytecode(co).exception_entries] for co in walk(code)] if sys.version_info >= (3, 11) else None,
}
if sys.version_info >= (3, 11):
    text = io.StringIO()
    dis.dis(code, file=text, show_caches=True)
    out["caches"] = sum(1 for line in text.getvalue().splitlines() if " CACHE " in line + " ")
print(json.dumps(out))`;

interface Expected {
  readonly ast: Array<[string, string[]]>;
  readonly dump: string;
  readonly code: Array<[string, Array<[number, string]>]>;
  readonly table: number[][][] | null;
  readonly caches?: number;
}

describe('the helper on each CPython version', function () {
  this.timeout(60000);
  const service = usePythonService();

  for (let minor = 8; minor <= 13; minor++) {
    it(`Python 3.${minor}: AST, instructions, exception table, caches and ast.dump`, async function () {
      const python = interpreterOrSkip(this, minor);
      const { command } = python;
      const expected = JSON.parse(runPython(command, EXPECTED_PY, SOURCE)) as Expected;

      const tree = (await service.pythonAst(SOURCE, command)) as Extract<PythonAstResult, { kind: 'ok' }>;
      assert.equal(tree.kind, 'ok', JSON.stringify(tree).slice(0, 300));
      assert.equal(tree.interpreter.version, python.version);
      assert.deepEqual(allNodes(tree.root).map((n) => [n.type, n.fields.map((f) => f.name)]), expected.ast);

      const dump = await service.astDump(SOURCE, command, 3, true);
      assert.deepEqual(dump, { kind: 'ok', interpreter: tree.interpreter, text: expected.dump });

      const code = (await service.bytecode(SOURCE, command, { optimize: 0, showCaches: false, adaptive: false })) as BytecodeOk;
      assert.equal(code.kind, 'ok', JSON.stringify(code).slice(0, 300));
      assert.deepEqual(code.codeObjects.map((c) => [c.name, c.instructions.map((i) => [i.offset, i.opname])]), expected.code);
      const instructions = code.codeObjects.flatMap((c) => c.instructions);
      if (minor < 11) {
        assert.ok(code.codeObjects.every((c) => c.exceptionTable.length === 0));
        // Before 3.11 CPython records lines only: each range is a whole line.
        const withRange = instructions.filter((i) => i.range);
        assert.ok(withRange.length > 20);
        for (const ins of withRange) {
          assert.equal(ins.range!.start.character, 0);
          assert.equal(ins.range!.start.line, ins.line! - 1);
          assert.equal(ins.range!.end.character, SOURCE.split('\n')[ins.line! - 1].length);
        }
      } else {
        assert.deepEqual(code.codeObjects.map((c) => c.exceptionTable.map((e) => [e.start, e.end, e.target, e.depth, e.lasti])), expected.table);
        assert.ok(instructions.some((i) => i.range && i.range.start.character > 0), 'column-precise positions');
        const cached = (await service.bytecode(SOURCE, command, { optimize: 0, showCaches: true, adaptive: true })) as BytecodeOk;
        assert.equal(cached.kind, 'ok');
        const caches = cached.codeObjects.flatMap((c) => c.instructions).filter((i) => i.opname === 'CACHE').length;
        assert.equal(caches, expected.caches, 'as many CACHE entries as dis.dis(show_caches=True) lists');
      }
    });
  }
});
