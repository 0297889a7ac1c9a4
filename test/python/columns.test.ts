// UTF-8 byte columns (CPython) → UTF-16 columns (LSP): by hand on tricky lines, then against every node of a real
// ast.parse of non-ASCII source.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Utf8Columns } from '../../server/src/python/columns';
import { availableInterpreters, PREORDER_PY, runPython } from './interpreters';

const at = (columns: Utf8Columns, line: number, byte: number) => {
  const p = columns.position(line, byte);
  return [p.line, p.character];
};

describe('Utf8Columns', () => {
  it('maps ASCII columns unchanged and clamps past the line end', () => {
    const columns = new Utf8Columns('abc = 1\nxy\n');
    assert.deepEqual(at(columns, 1, 0), [0, 0]);
    assert.deepEqual(at(columns, 1, 6), [0, 6]);
    assert.deepEqual(at(columns, 2, 2), [1, 2]);
    assert.deepEqual(at(columns, 2, 50), [1, 2]);
  });

  it('counts 2- and 3-byte characters as one UTF-16 unit', () => {
    // "é" is 2 bytes, "日" 3 bytes; each is one UTF-16 unit.
    const columns = new Utf8Columns('x = "é日" + y\n');
    assert.deepEqual(at(columns, 1, 4), [0, 4]); // the opening quote
    assert.deepEqual(at(columns, 1, 5), [0, 5]); // é
    assert.deepEqual(at(columns, 1, 7), [0, 6]); // 日
    assert.deepEqual(at(columns, 1, 10), [0, 7]); // closing quote
    assert.deepEqual(at(columns, 1, 14), [0, 11]); // y
  });

  it('counts an astral character (4 bytes) as two UTF-16 units and never splits the pair', () => {
    const columns = new Utf8Columns('a = 𝒳 + 😀b\n');
    assert.deepEqual(at(columns, 1, 4), [0, 4]); // 𝒳 starts
    assert.deepEqual(at(columns, 1, 8), [0, 6]); // after 𝒳: two units
    assert.deepEqual(at(columns, 1, 6), [0, 4]); // a column inside 𝒳 snaps to its start
    assert.deepEqual(at(columns, 1, 11), [0, 9]); // 😀
    assert.deepEqual(at(columns, 1, 15), [0, 11]); // b
  });

  it('treats a lone surrogate as 3 bytes, as surrogatepass encodes it', () => {
    const columns = new Utf8Columns('a\ud800b\udc00c');
    assert.deepEqual(at(columns, 1, 4), [0, 2]); // b
    assert.deepEqual(at(columns, 1, 8), [0, 4]); // c
  });

  it('splits lines at \\n, \\r\\n and a lone \\r, like CPython and LSP', () => {
    const columns = new Utf8Columns('é\r\nß = 1\rz = "ü"\nlast');
    assert.equal(columns.lineCount, 4);
    assert.deepEqual(at(columns, 2, 2), [1, 1]);
    assert.deepEqual(at(columns, 3, 6), [2, 5]);
    assert.deepEqual(columns.lineRange(3), { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } });
    assert.deepEqual(at(columns, 9, 0), [3, 4]); // past the last line: the end of the text
    assert.deepEqual(columns.all().end, { line: 3, character: 4 });
  });

  it('never returns an end before the start', () => {
    const columns = new Utf8Columns('abc\n');
    assert.deepEqual(columns.range(1, 2, 1, 1), { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
  });

  it('agrees with ast.get_source_segment for every node of a non-ASCII file', function () {
    const python = availableInterpreters().find((i) => i.minor >= 8);
    if (!python) this.skip();
    const text = [
      'x = "héllo" + 𝒳',
      "s = '日本語'; t = \"😀😀\" + s  # コメント",
      'def ƒ(α, β="ß"):\r\n    return {α: [β, "🐍"]}',
      'λ = lambda 𝔁: 𝔁 * 2 if 𝔁 else -𝔁',
      'class Ünïcode:\r    ñ: int = 0',
      'print(f"{x!r:>10} ünï {t}")',
      '',
    ].join('\n');
    const script = `${PREORDER_PY}
import json, sys
source = sys.stdin.read()
out = []
for node in preorder(ast.parse(source)):
    if getattr(node, "end_col_offset", None) is not None:
        out.append([node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, ast.get_source_segment(source, node)])
print(json.dumps(out))`;
    const nodes = JSON.parse(runPython(python!.command, script, text)) as Array<[number, number, number, number, string | null]>;
    assert.ok(nodes.length >= 50, `only ${nodes.length} nodes`);
    const columns = new Utf8Columns(text);
    // The text the converted range covers must be exactly the segment CPython cuts out with its byte offsets.
    const document = TextDocument.create('file:///t.py', 'python', 1, text);
    for (const [line, col, endLine, endCol, segment] of nodes) {
      const got = document.getText(columns.range(line, col, endLine, endCol));
      assert.equal(got, segment, `node at ${line}:${col}-${endLine}:${endCol}`);
    }
  });
});
