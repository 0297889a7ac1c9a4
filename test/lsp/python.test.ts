// The CPython bridge and the CST over the wire: the built server answers pyinsight/pythonAst, bytecode, astDump,
// opcodeDocs and syntaxTree from the open document's current text, with LSP (UTF-16) positions.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  AstDumpResult,
  AstNode,
  BytecodeResult,
  OpcodeDocsResult,
  PythonAstResult,
  SyntaxTreeResult,
} from '../../server/src/protocol';
import { startClient, type TestClient } from '../helpers/lspClient';

const URI = 'file:///virtual/bridge.py';

function findNode(root: AstNode, type: string): AstNode | undefined {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === type) return node;
    for (const field of node.fields) {
      const values = field.value.kind === 'list' ? field.value.items : [field.value];
      for (const value of values) if (value.kind === 'node') stack.push(value.node);
    }
  }
  return undefined;
}

describe('the CPython bridge over stdio', function () {
  this.timeout(30000);
  let client: TestClient;
  before(async () => {
    client = await startClient();
  });
  after(async () => {
    await client.close();
  });

  it('answers pythonAst, bytecode, astDump, opcodeDocs and syntaxTree for the open document', async () => {
    let text = 'x = "héllo" + 𝒳\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'python', version: 1, text } });
    const ask = <R>(method: string, params: object) => client.connection.sendRequest<R>(method, params);

    const tree = await ask<PythonAstResult>('pyinsight/pythonAst', { textDocument: { uri: URI }, python: 'python3' });
    assert.equal(tree.kind, 'ok', JSON.stringify(tree).slice(0, 300));
    if (tree.kind !== 'ok') return;
    assert.match(tree.interpreter.version, /^3\./);
    const binOp = findNode(tree.root, 'BinOp')!;
    assert.equal(TextDocument.create(URI, 'python', 1, text).getText(binOp.range!), '"héllo" + 𝒳');

    const dump = await ask<AstDumpResult>('pyinsight/astDump', { textDocument: { uri: URI }, python: 'python3', nodeId: binOp.id, includeAttributes: false });
    assert.equal(dump.kind, 'ok');
    // CPython NFKC-normalises identifiers: the name 𝒳 is stored as X.
    if (dump.kind === 'ok') assert.equal(dump.text, "BinOp(left=Constant(value='héllo'), op=Add(), right=Name(id='X', ctx=Load()))");

    // The server answers from the document's current text: edit it, then ask for bytecode.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'def f(α):\n    return α\n' }],
    });
    text += 'def f(α):\n    return α\n';
    const code = await ask<BytecodeResult>('pyinsight/bytecode', { textDocument: { uri: URI }, python: 'python3', options: { optimize: 0, showCaches: false, adaptive: false } });
    assert.equal(code.kind, 'ok', JSON.stringify(code).slice(0, 300));
    if (code.kind === 'ok') {
      const f = code.codeObjects.find((c) => c.name === 'f')!;
      assert.deepEqual(f.varnames, ['α']);
      assert.equal(TextDocument.create(URI, 'python', 2, text).getText(f.range!), 'def f(α):\n    return α');
    }

    const docs = await ask<OpcodeDocsResult>('pyinsight/opcodeDocs', { python: 'python3' });
    assert.equal(docs.kind, 'ok');
    if (docs.kind === 'ok') assert.ok(docs.opcodes.some((d) => d.opname === 'LOAD_CONST' && d.summary));

    const cst = await ask<SyntaxTreeResult>('pyinsight/syntaxTree', { textDocument: { uri: URI }, includeAnonymous: false });
    assert.equal(cst.kind, 'ok');
    if (cst.kind === 'ok') {
      assert.equal(cst.root.type, 'module');
      assert.deepEqual(cst.root.children.map((c) => c.type), ['expression_statement', 'function_definition']);
      assert.equal(cst.truncated, false);
    }
  });

  it('answers plainly when there is no interpreter or no such document', async () => {
    const missing = await client.connection.sendRequest<PythonAstResult>('pyinsight/pythonAst', { textDocument: { uri: URI }, python: '/no/such/python' });
    assert.equal(missing.kind, 'unavailable');
    if (missing.kind === 'unavailable') {
      assert.equal(missing.reason, 'noInterpreter');
      assert.match(missing.message, /No Python interpreter found at "\/no\/such\/python"\. Set pyinsight\.pythonPath/);
    }
    const notOpen = await client.connection.sendRequest<SyntaxTreeResult>('pyinsight/syntaxTree', { textDocument: { uri: 'file:///virtual/closed.py' }, includeAnonymous: false });
    assert.equal(notOpen.kind, 'unavailable');
  });
});
