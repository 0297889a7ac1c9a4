// The CPython bridge against the real python3: the shapes of CPython's AST, exact positions on non-ASCII lines,
// syntax errors as data, ast.dump by node id, and the plain messages when there is no usable interpreter.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AstNode, PythonAstResult } from '../../server/src/protocol';
import { PythonService } from '../../server/src/python/pythonService';
import { allNodes, PREORDER_PY, runPython, usePythonService } from './interpreters';

const PY = 'python3';

function ok(result: PythonAstResult): Extract<PythonAstResult, { kind: 'ok' }> {
  assert.equal(result.kind, 'ok', JSON.stringify(result));
  return result as Extract<PythonAstResult, { kind: 'ok' }>;
}

describe('PythonService on python3', function () {
  this.timeout(30000);
  const logs: string[] = [];
  const service = usePythonService({ log: (line) => logs.push(line) });

  it('returns CPython\'s AST: node types, fields in _fields order, constants as repr and type, ids in pre-order', async () => {
    const result = ok(await service.pythonAst('import os as o\nx: int = 1 if y else b"z"\n', PY));
    assert.match(result.interpreter.version, /^3\.\d+\.\d+$/);
    assert.equal(result.interpreter.command, PY);
    assert.equal(result.interpreter.implementation, 'cpython');
    const nodes = allNodes(result.root);
    assert.equal(result.nodeCount, nodes.length);
    assert.deepEqual(nodes.map((n) => n.id), nodes.map((_, i) => i));
    const expected = JSON.parse(runPython(PY, `${PREORDER_PY}
import json, sys
t = ast.parse(sys.stdin.read())
print(json.dumps([[type(n).__name__, list(n._fields)] for n in preorder(t)]))`, 'import os as o\nx: int = 1 if y else b"z"\n')) as Array<[string, string[]]>;
    assert.deepEqual(nodes.map((n) => [n.type, n.fields.map((f) => f.name)]), expected);
    const ann = nodes.find((n) => n.type === 'AnnAssign')!;
    const simple = ann.fields.find((f) => f.name === 'simple')!.value;
    assert.deepEqual(simple, { kind: 'constant', repr: '1', pyType: 'int' });
    const bytesConst = nodes.filter((n) => n.type === 'Constant').map((n) => n.fields[0].value);
    assert.deepEqual(bytesConst, [{ kind: 'constant', repr: '1', pyType: 'int' }, { kind: 'constant', repr: "b'z'", pyType: 'bytes' }]);
    assert.equal(nodes.find((n) => n.type === 'Module')!.range, undefined, 'Module has no position');
    assert.equal(nodes.find((n) => n.type === 'Store')!.range, undefined, 'expression contexts have no position');
    assert.deepEqual(nodes.find((n) => n.type === 'alias')?.fields.map((f) => f.name), ['name', 'asname']);
  });

  it('puts every range exactly on its source text on non-ASCII and astral-plane lines', async () => {
    const text = 'x = "héllo" + 𝒳\nσ = [ß for ß in "日本"]  # ü\nz = f"{x!r}😀{σ}"\n';
    const result = ok(await service.pythonAst(text, PY));
    const document = TextDocument.create('file:///t.py', 'python', 1, text);
    const sourceOf = (node: AstNode) => document.getText(node.range!);
    const nodes = allNodes(result.root);
    const names = nodes.filter((n) => n.type === 'Name').map(sourceOf);
    assert.deepEqual(names, ['x', '𝒳', 'σ', 'ß', 'ß', 'z', 'x', 'σ']);
    const constants = nodes.filter((n) => n.type === 'Constant').map(sourceOf);
    assert.ok(constants.includes('"héllo"'));
    assert.ok(constants.includes('"日本"'));
    assert.equal(sourceOf(nodes.find((n) => n.type === 'BinOp')!), '"héllo" + 𝒳');
    assert.equal(sourceOf(nodes.find((n) => n.type === 'JoinedStr')!), 'f"{x!r}😀{σ}"');
  });

  it('returns syntax errors as data at the right UTF-16 position', async () => {
    const missing = await service.pythonAst('é = (1,\n', PY);
    assert.equal(missing.kind, 'syntaxError');
    if (missing.kind !== 'syntaxError') return;
    assert.equal(missing.type, 'SyntaxError');
    assert.match(missing.message, /never closed|EOF/);
    // 3.10+ points at the unclosed "(" (UTF-16 column 4); 3.8/3.9 at the end of the line.
    assert.ok([4, 7].includes(missing.range.start.character), JSON.stringify(missing.range));
    const bad = await service.pythonAst('s = "𝒳𝒳" $ 2\n', PY);
    assert.equal(bad.kind, 'syntaxError');
    if (bad.kind === 'syntaxError') assert.deepEqual(bad.range.start, { line: 0, character: 11 }); // the "$"
    const indent = await service.bytecode('if x:\npass\n', PY, { optimize: 0, showCaches: false, adaptive: false });
    assert.equal(indent.kind, 'syntaxError');
    if (indent.kind === 'syntaxError') {
      assert.equal(indent.type, 'IndentationError');
      assert.equal(indent.range.start.line, 1);
    }
  });

  it('answers NUL bytes with an error at the NUL, and keeps serving', async () => {
    const result = await service.pythonAst('x = 1\ny = "é"\0\n', PY);
    assert.equal(result.kind, 'syntaxError');
    if (result.kind === 'syntaxError') {
      assert.match(result.message, /null bytes/);
      assert.deepEqual(result.range.start, { line: 1, character: 7 });
    }
    ok(await service.pythonAst('x = 1\n', PY));
  });

  it('astDump is ast.dump of the node with that id, as the interpreter prints it', async () => {
    const text = 'def f(a, *, b=2):\n    return [a + b for _ in "é"]\n';
    const tree = ok(await service.pythonAst(text, PY));
    const expected = JSON.parse(runPython(PY, `${PREORDER_PY}
import json, sys
nodes = list(preorder(ast.parse(sys.stdin.read())))
print(json.dumps([[ast.dump(n), ast.dump(n, include_attributes=True)] for n in nodes]))`, text)) as Array<[string, string]>;
    assert.equal(expected.length, tree.nodeCount);
    for (const id of [0, 1, 5, tree.nodeCount - 1]) {
      for (const attributes of [false, true]) {
        const dump = await service.astDump(text, PY, id, attributes);
        assert.equal(dump.kind, 'ok', JSON.stringify(dump));
        if (dump.kind === 'ok') assert.equal(dump.text, expected[id][attributes ? 1 : 0]);
      }
    }
    const missing = await service.astDump(text, PY, tree.nodeCount, false);
    assert.equal(missing.kind, 'unavailable');
  });

  it('says plainly when there is no interpreter, or it is not Python', async () => {
    const none = await service.pythonAst('x = 1\n', '/no/such/python3');
    assert.deepEqual(none, {
      kind: 'unavailable',
      reason: 'noInterpreter',
      message: 'No Python interpreter found at "/no/such/python3". Set pyinsight.pythonPath to a Python 3.8+ interpreter (or select one with the Python extension).',
    });
    const node = await service.opcodeDocs(process.execPath);
    assert.equal(node.kind, 'unavailable');
    if (node.kind === 'unavailable') {
      assert.equal(node.reason, 'notPython');
      assert.match(node.message, /does not run as a Python interpreter.*pyinsight\.pythonPath/);
    }
    ok(await service.pythonAst('x = 1\n', PY)); // the real one is unaffected
  });

  it('tells a Python that cannot run the helper apart from a missing helper', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pyinsight-helper-'));
    const failing = join(folder, 'helper.py');
    writeFileSync(failing, 'import sys\nsys.stderr.write("the helper broke\\n")\nsys.exit(3)\n');
    const broken = new PythonService({ helperScript: failing });
    const missing = new PythonService({ helperScript: join(folder, 'absent', 'helper.py') });
    try {
      const result = await broken.pythonAst('x = 1\n', PY);
      assert.equal(result.kind, 'unavailable');
      if (result.kind === 'unavailable') {
        assert.equal(result.reason, 'crashed');
        assert.match(result.message, /could not start under Python 3\.\d+\.\d+ at "python3" \(exited with code 3\)/);
        assert.match(result.message, /the helper broke/, "the interpreter's own complaint is included");
      }
      const absent = await missing.pythonAst('x = 1\n', PY);
      assert.equal(absent.kind, 'unavailable');
      if (absent.kind === 'unavailable') assert.match(absent.message, /Python helper is missing/);
    } finally {
      broken.dispose();
      missing.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses texts above 5 MB before starting Python', async () => {
    const result = await service.pythonAst('x = 1\n'.repeat(900000), '/no/such/python3');
    assert.equal(result.kind, 'unavailable');
    if (result.kind === 'unavailable') assert.equal(result.reason, 'tooLarge');
  });

  it('lists the interpreter\'s own opcodes, named as its dis.opmap names them', async () => {
    const docs = await service.opcodeDocs(PY);
    assert.equal(docs.kind, 'ok');
    if (docs.kind !== 'ok') return;
    const opmap = JSON.parse(runPython(PY, 'import dis, json; print(json.dumps(dis.opmap))')) as Record<string, number>;
    const generic = docs.opcodes.filter((d) => !d.specialises);
    assert.deepEqual(Object.fromEntries(generic.map((d) => [d.opname, d.opcode])), opmap);
    const loadConst = docs.opcodes.find((d) => d.opname === 'LOAD_CONST')!;
    assert.equal(loadConst.hasArgument, true);
    assert.equal(loadConst.argumentKind, 'const');
    assert.match(loadConst.summary ?? '', /co_consts/);
    assert.equal(docs.opcodes.find((d) => d.opname === 'POP_TOP')!.hasArgument, false);
  });
});
