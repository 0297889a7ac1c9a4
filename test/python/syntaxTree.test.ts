// pyinsight/syntaxTree on the real tree-sitter parse: the CST's shape, field names, UTF-16 ranges, error nodes,
// and the limits that keep an answer serialisable (100,000 levels of nesting, 200,000 nodes).
import assert from 'node:assert/strict';
import type { SyntaxNode, SyntaxTreeResult } from '../../server/src/protocol';
import { syntaxTree } from '../../server/src/service/syntaxTree';
import { neverCancelled } from '../../server/src/service/types';
import { getService, sourceFile } from '../helpers/service';

function flatten(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    out.push(node);
    stack.push(...[...node.children].reverse());
  }
  return out;
}

async function treeOf(text: string, includeAnonymous = false, limits?: Parameters<typeof syntaxTree>[3]): Promise<Extract<SyntaxTreeResult, { kind: 'ok' }>> {
  const file = await sourceFile(text);
  try {
    const result = syntaxTree(file, { includeAnonymous }, neverCancelled, limits);
    assert.equal(result.kind, 'ok');
    return result as Extract<SyntaxTreeResult, { kind: 'ok' }>;
  } finally {
    file.dispose();
  }
}

describe('syntaxTree (tree-sitter CST)', () => {
  it('gives named nodes with field names, UTF-16 ranges and leaf text, ids in pre-order', async () => {
    const result = await treeOf('x = "héllo" + 𝒳\n');
    const nodes = flatten(result.root);
    assert.equal(result.nodeCount, nodes.length);
    assert.equal(result.truncated, false);
    assert.deepEqual(nodes.map((n) => n.id), nodes.map((_, i) => i));
    assert.deepEqual(nodes.map((n) => n.type), ['module', 'expression_statement', 'assignment', 'identifier', 'binary_operator', 'string', 'string_start', 'string_content', 'string_end', 'identifier']);
    assert.ok(nodes.every((n) => n.named));
    const assignment = nodes[2];
    assert.deepEqual(assignment.children.map((c) => c.field), ['left', 'right']);
    const astral = nodes[9];
    assert.equal(astral.text, '𝒳');
    assert.deepEqual(astral.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 16 } });
    assert.equal(nodes[7].text, 'héllo');
    assert.equal(assignment.text, undefined, 'inner nodes carry no text');
  });

  it('includes punctuation and keywords only when asked', async () => {
    const without = flatten((await treeOf('if x: pass\n')).root).map((n) => n.type);
    const withAll = flatten((await treeOf('if x: pass\n', true)).root);
    assert.ok(!without.includes('if') && !without.includes(':'));
    const keyword = withAll.find((n) => n.type === 'if')!;
    assert.equal(keyword.named, false);
    assert.equal(keyword.text, 'if');
    assert.ok(withAll.some((n) => n.type === ':'));
  });

  it('marks ERROR and MISSING nodes', async () => {
    const nodes = flatten((await treeOf('x = (1\n', true)).root);
    assert.ok(nodes.some((n) => n.isError && n.type === 'ERROR'));
    const missing = flatten((await treeOf('def f(:\n', true)).root).filter((n) => n.isMissing);
    assert.deepEqual(missing.map((n) => [n.type, n.isError]), [[')', false]]);
  });

  it('walks 100,000 levels of nesting without recursion and cuts the answer at the depth limit', async () => {
    const depth = 100000;
    const result = await treeOf(`x = ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    assert.equal(result.truncated, true);
    let deepest = 0;
    const stack: Array<[SyntaxNode, number]> = [[result.root, 0]];
    while (stack.length) {
      const [node, level] = stack.pop()!;
      deepest = Math.max(deepest, level);
      for (const child of node.children) stack.push([child, level + 1]);
    }
    assert.ok(deepest <= 500, `depth ${deepest}`);
    assert.doesNotThrow(() => JSON.stringify(result), 'the answer can cross JSON-RPC');
  });

  it('stops at the node limit and says so; caps leaf text', async () => {
    const text = `${'value = 1\n'.repeat(3000)}s = "${'y'.repeat(500)}"\n`;
    const capped = await treeOf(text, false, { maxNodes: 1000, maxDepth: 500, maxText: 80 });
    assert.equal(capped.nodeCount, 1000);
    assert.equal(flatten(capped.root).length, 1000);
    assert.equal(capped.truncated, true);
    const full = await treeOf(text);
    assert.equal(full.truncated, false);
    const content = flatten(full.root).find((n) => n.type === 'string_content')!;
    assert.equal(content.text, 'y'.repeat(80));
  });

  it('is served by the language service and honours cancellation', async () => {
    const service = await getService();
    const file = await sourceFile('a = 1\n'.repeat(10000));
    try {
      assert.equal(service.syntaxTree(file, { includeAnonymous: false }, neverCancelled).kind, 'ok');
      assert.equal(service.syntaxTree(file, { includeAnonymous: false }, { isCancellationRequested: true }).kind, 'unavailable');
    } finally {
      file.dispose();
    }
  });
});
