// pyinsight/bytecode against the real python3: code objects and instructions as dis reports them, jump targets,
// the exception table (checked against dis's own parser), positions on non-ASCII lines, definition ranges, options.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { BytecodeOk, BytecodeOptions, CodeObject } from '../../server/src/protocol';
import { CODE_WALK_PY, runPython, usePythonService } from './interpreters';

const PY = 'python3';
const PLAIN: BytecodeOptions = { optimize: 0, showCaches: false, adaptive: false };

const SOURCE = [
  'import os',
  'def outer(α, *rest, κ=1):',
  '    """Docstring."""',
  '    assert α, "é"',
  '    try:',
  '        total = [β * 2 for β in rest if β]',
  '    except (KeyError, ValueError) as err:',
  '        return str(err)',
  '    finally:',
  '        print("done")',
  '    def inner(): return α + κ',
  '    return inner, (lambda 𝒳: 𝒳 + "ü")("ñ"), sum(γ for γ in total)',
  'class Ünï:',
  '    def m(self): return self.__x',
  '',
].join('\n');

/** The start of the scripts below: helper.py's walk over code objects, written again, and the modules they use. */
const WALK_PY = `${CODE_WALK_PY}
import dis, json, sys
`;

function ok(result: unknown): BytecodeOk {
  assert.equal((result as { kind: string }).kind, 'ok', JSON.stringify(result).slice(0, 400));
  return result as BytecodeOk;
}

describe('PythonService.bytecode on python3', function () {
  this.timeout(30000);
  const service = usePythonService();
  let minor: number;
  before(async () => {
    minor = Number(ok(await service.bytecode('', PY, PLAIN)).interpreter.version.split('.')[1]);
  });

  it('lists every code object with the names, flags and instructions dis gives', async () => {
    const result = ok(await service.bytecode(SOURCE, PY, PLAIN));
    const expected = JSON.parse(runPython(PY, `${WALK_PY}
code = compile(sys.stdin.read(), "<pyinsight>", "exec", dont_inherit=True)
out = []
for co in walk(code):
    flags = [name for bit, name in sorted(dis.COMPILER_FLAG_NAMES.items()) if co.co_flags & bit]
    ins = [[i.offset, i.opname, i.arg] for i in dis.get_instructions(co)]
    out.append([co.co_name, getattr(co, "co_qualname", None), co.co_firstlineno, flags, list(co.co_varnames), list(co.co_cellvars), list(co.co_freevars), list(co.co_names), co.co_argcount, ins])
print(json.dumps(out))`, SOURCE)) as unknown[][];
    assert.equal(result.codeObjects.length, expected.length);
    result.codeObjects.forEach((code, i) => {
      const [name, qualname, firstLine, flags, varnames, cellvars, freevars, names, argcount, instructions] = expected[i];
      assert.equal(code.id, i);
      assert.equal(code.name, name);
      if (qualname !== null) assert.equal(code.qualname, qualname);
      assert.deepEqual([code.firstLine, code.flags, code.varnames, code.cellvars, code.freevars, code.names, code.argcount], [firstLine, flags, varnames, cellvars, freevars, names, argcount]);
      assert.deepEqual(code.instructions.map((ins) => [ins.offset, ins.opname, ins.arg]), instructions);
    });
    const byName = (n: string) => result.codeObjects.find((c) => c.name === n)!;
    assert.equal(byName('<module>').parent, undefined);
    assert.equal(byName('outer').parent, 0);
    assert.equal(result.codeObjects[byName('inner').parent!].name, 'outer');
    assert.deepEqual(byName('inner').freevars, ['α', 'κ']);
    assert.equal(byName('m').qualname, 'Ünï.m');
    assert.ok(byName('<module>').consts.includes('<code outer>'));
  });

  it('gives every jump a target that is an instruction marked as a jump target', async () => {
    const result = ok(await service.bytecode(SOURCE, PY, PLAIN));
    let jumps = 0;
    for (const code of result.codeObjects) {
      const byOffset = new Map(code.instructions.map((ins) => [ins.offset, ins]));
      for (const ins of code.instructions.filter((i) => i.jumpTarget !== undefined)) {
        jumps++;
        assert.ok(byOffset.get(ins.jumpTarget!)?.isJumpTarget, `${code.name} ${ins.offset} ${ins.opname} → ${ins.jumpTarget}`);
      }
    }
    assert.ok(jumps >= 4, `only ${jumps} jumps`);
  });

  it('decodes the exception table exactly as dis does (3.11+)', async function () {
    if (minor < 11) this.skip();
    const result = ok(await service.bytecode(SOURCE, PY, PLAIN));
    const expected = JSON.parse(runPython(PY, `${WALK_PY}
code = compile(sys.stdin.read(), "<pyinsight>", "exec", dont_inherit=True)
print(json.dumps([[[e.start, e.end, e.target, e.depth, e.lasti] for e in dis.Bytecode(co).exception_entries] for co in walk(code)]))`, SOURCE)) as number[][][];
    const got = result.codeObjects.map((c) => c.exceptionTable.map((e) => [e.start, e.end, e.target, e.depth, e.lasti]));
    assert.deepEqual(got, expected);
    assert.ok(got.flat().length >= 4);
  });

  it('puts instruction positions on their exact source text (3.11+), across non-ASCII characters', async function () {
    if (minor < 11) this.skip();
    const result = ok(await service.bytecode(SOURCE, PY, PLAIN));
    // CPython's own byte offsets, cut out of the UTF-8 source in Python.
    const expected = JSON.parse(runPython(PY, `${WALK_PY}
source = sys.stdin.read()
lines = [l.encode("utf-8") for l in source.split("\\n")]
def cut(p):
    if p.lineno is None or p.col_offset is None or p.lineno < 1: return None
    if p.lineno == p.end_lineno: return lines[p.lineno - 1][p.col_offset:p.end_col_offset].decode()
    parts = [lines[p.lineno - 1][p.col_offset:]] + lines[p.lineno:p.end_lineno - 1] + [lines[p.end_lineno - 1][:p.end_col_offset]]
    return b"\\n".join(parts).decode()
code = compile(source, "<pyinsight>", "exec", dont_inherit=True)
print(json.dumps([[cut(i.positions) for i in dis.get_instructions(co)] for co in walk(code)]))`, SOURCE)) as Array<Array<string | null>>;
    const document = TextDocument.create('file:///t.py', 'python', 1, SOURCE);
    let checked = 0;
    result.codeObjects.forEach((code, c) => {
      code.instructions.forEach((ins, i) => {
        if (expected[c][i] === null) return;
        checked++;
        assert.equal(document.getText(ins.range!), expected[c][i], `${code.name} @${ins.offset} ${ins.opname}`);
      });
    });
    assert.ok(checked > 100);
    const unicode = result.codeObjects.flatMap((c) => c.instructions).filter((i) => i.opname === 'LOAD_CONST' && i.argrepr === "'ü'");
    assert.equal(document.getText(unicode[0].range!), '"ü"');
  });

  it('gives definitions, lambdas and comprehensions their source range, the module the whole text', async () => {
    const result = ok(await service.bytecode(SOURCE, PY, PLAIN));
    const document = TextDocument.create('file:///t.py', 'python', 1, SOURCE);
    const text = (code: CodeObject) => (code.range ? document.getText(code.range) : undefined);
    const byName = (n: string) => result.codeObjects.find((c) => c.name === n)!;
    assert.equal(text(byName('<module>')), SOURCE);
    assert.equal(text(byName('inner')), 'def inner(): return α + κ');
    assert.equal(text(byName('<lambda>')), 'lambda 𝒳: 𝒳 + "ü"');
    assert.equal(text(byName('<genexpr>')), '(γ for γ in total)');
    assert.match(text(byName('Ünï')) ?? '', /^class Ünï:\n {4}def m/);
    assert.ok(text(byName('outer'))?.startsWith('def outer(α, *rest, κ=1):'));
  });

  it('compiles with -O (asserts removed) and -OO (docstrings removed too)', async () => {
    const outer = (r: BytecodeOk) => r.codeObjects.find((c) => c.name === 'outer')!;
    const plain = outer(ok(await service.bytecode(SOURCE, PY, PLAIN)));
    const o1 = outer(ok(await service.bytecode(SOURCE, PY, { ...PLAIN, optimize: 1 })));
    const o2 = outer(ok(await service.bytecode(SOURCE, PY, { ...PLAIN, optimize: 2 })));
    const asserts = (c: CodeObject) => c.instructions.filter((i) => i.opname === 'LOAD_ASSERTION_ERROR').length;
    assert.equal(asserts(plain), 1);
    assert.equal(asserts(o1), 0);
    assert.ok(o1.consts.includes("'Docstring.'"));
    assert.ok(!o2.consts.includes("'Docstring.'"));
  });

  it('shows CACHE entries only when asked (3.11+)', async function () {
    if (minor < 11) this.skip();
    const caches = (r: BytecodeOk) => r.codeObjects.flatMap((c) => c.instructions).filter((i) => i.opname === 'CACHE').length;
    assert.equal(caches(ok(await service.bytecode(SOURCE, PY, PLAIN))), 0);
    const shown = ok(await service.bytecode(SOURCE, PY, { ...PLAIN, showCaches: true }));
    assert.ok(caches(shown) > 10);
    assert.deepEqual(shown.options, { optimize: 0, showCaches: true, adaptive: false });
  });
});
