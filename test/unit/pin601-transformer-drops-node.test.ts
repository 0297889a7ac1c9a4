import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin601.py');
/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [readFileSync(FIXTURE, 'utf8')];

async function fixedText(text: string): Promise<string> {
  const result = await fixed(text, 'PIN601');
  produced.push(result);
  return result;
}

describe('PIN601 transformer-drops-node', () => {
  it('reports the caret-marked visit methods of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN601');
  });

  it('explains the deletion in the message', async () => {
    const [finding] = await analyze('import ast\nclass T(ast.NodeTransformer):\n    def visit_Name(self, n):\n        n.id = "x"\n', { select: ['PIN601'] });
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /NodeTransformer deletes every Name node it returns None for/);
    assert.match(finding.message, /Return `n` \(or its replacement\) on every path/);
    assert.equal(finding.fix?.safety, 'unsafe');
  });

  it('appends return node after the last statement, keeping indentation, comments and line endings', async () => {
    assert.equal(await fixedText(py`
      import ast
      class T(ast.NodeTransformer):
          def visit_Name(self, node):
              if node.id == "old":
                  node.id = "new"  # rename

          def other(self):
              pass
    `), py`
      import ast
      class T(ast.NodeTransformer):
          def visit_Name(self, node):
              if node.id == "old":
                  node.id = "new"  # rename
              return node

          def other(self):
              pass
    `);
    assert.equal(await fixedText('import ast\nclass T(ast.NodeTransformer):\n\tdef visit_Call(self, call):\n\t\tself.generic_visit(call)'), 'import ast\nclass T(ast.NodeTransformer):\n\tdef visit_Call(self, call):\n\t\tself.generic_visit(call)\n\t\treturn call\n');
    assert.equal(await fixedText('import ast\r\nclass T(ast.NodeTransformer):\r\n    def visit_Call(self, node):\r\n        self.generic_visit(node)\r\n'), 'import ast\r\nclass T(ast.NodeTransformer):\r\n    def visit_Call(self, node):\r\n        self.generic_visit(node)\r\n        return node\r\n');
  });

  it('offers no fix for a one-line body', async () => {
    const [finding] = await analyze('import ast\nclass T(ast.NodeTransformer):\n    def visit_Name(self, node): node.id = "x"\n', { select: ['PIN601'] });
    assert.equal(finding.fix, undefined);
  });

  it('is suppressed by # noqa and # noqa: PIN601', async () => {
    for (const comment of ['# noqa', '# noqa: PIN601']) {
      assert.deepEqual(await findings(`import ast\nclass T(ast.NodeTransformer):\n    def visit_Name(self, node):  ${comment}\n        pass\n`, 'PIN601'), [], comment);
    }
  });

  after('every fixed text (and the fixture) compiles with CPython', () => {
    assert.equal(compileAll(produced), 'ok');
  });
});
