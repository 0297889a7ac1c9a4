// The indentation fixes insert is read from the code's own blocks, never from text inside strings.
import assert from 'node:assert/strict';
import { indentUnit } from '../../server/src/service/fixes/indent';
import { sourceFile } from '../helpers/service';

async function unitOf(text: string): Promise<string> {
  const file = await sourceFile(text);
  try {
    return indentUnit(text, file.tree.rootNode);
  } finally {
    file.dispose();
  }
}

describe('indentUnit', () => {
  it('ignores an indented module docstring and reads the first body', async () => {
    assert.equal(await unitOf('"""Doc.\n\n  indented prose\n"""\nimport os\n\ndef f():\n    return 1\n'), '    ');
  });

  it('follows two-space, tab and decorated definitions', async () => {
    assert.equal(await unitOf('if True:\n  x = 1\n'), '  ');
    assert.equal(await unitOf('class A:\n\tdef f(self):\n\t\tpass\n'), '\t');
    assert.equal(await unitOf('@decorator\ndef f():\n   return 3\n'), '   ');
  });

  it('skips one-line bodies and defaults to four spaces', async () => {
    assert.equal(await unitOf('def f(): return 1\nx = 2\n'), '    ');
    assert.equal(await unitOf('def f(): return 1\nfor i in x:\n  pass\n'), '  ');
  });
});
