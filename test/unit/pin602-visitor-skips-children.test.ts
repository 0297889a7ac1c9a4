import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin602.py');
/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [readFileSync(FIXTURE, 'utf8')];

async function fixedText(text: string): Promise<string> {
  const result = await fixed(text, 'PIN602');
  produced.push(result);
  return result;
}

describe('PIN602 visitor-skips-children', () => {
  it('reports the caret-marked visit methods of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN602');
  });

  it('is information and says which walk stops', async () => {
    const [visitor] = await analyze('import ast\nclass V(ast.NodeVisitor):\n    def visit_Call(me, n):\n        pass\n', { select: ['PIN602'] });
    assert.equal(visitor.severity, 'information');
    assert.match(visitor.message, /never calls `me\.generic_visit\(n\)`, so NodeVisitor stops at Call nodes: nothing nested inside one \(and no visit_ method for it\) is visited\./);
    const [transformer] = await analyze('import ast\nclass T(ast.NodeTransformer):\n    def visit_Call(self, node):\n        return node\n', { select: ['PIN602'] });
    assert.match(transformer.message, /NodeTransformer stops at Call nodes: .* is visited or transformed/);
  });

  it('inserts self.generic_visit(node) after the docstring (unsafe)', async () => {
    assert.equal(await fixedText(py`
      import ast
      class V(ast.NodeVisitor):
          def visit_FunctionDef(self, node):
              """Doc."""
              self.names.append(node.name)
    `), py`
      import ast
      class V(ast.NodeVisitor):
          def visit_FunctionDef(self, node):
              """Doc."""
              self.generic_visit(node)
              self.names.append(node.name)
    `);
    const [finding] = await analyze('import ast\nclass V(ast.NodeVisitor):\n    def visit_Call(self, node):\n        pass\n', { select: ['PIN602'] });
    assert.equal(finding.fix?.safety, 'unsafe');
    const [oneLine] = await analyze('import ast\nclass V(ast.NodeVisitor):\n    def visit_Call(self, node): pass\n', { select: ['PIN602'] });
    assert.equal(oneLine.fix, undefined);
  });

  it('is suppressed by # noqa and # noqa: PIN602', async () => {
    for (const comment of ['# noqa', '# noqa: PIN602']) {
      assert.deepEqual(await findings(`import ast\nclass V(ast.NodeVisitor):\n    def visit_Call(self, node):  ${comment}\n        pass\n`, 'PIN602'), [], comment);
    }
  });

  after('every fixed text (and the fixture) compiles with CPython', () => {
    assert.equal(compileAll(produced), 'ok');
  });
});
