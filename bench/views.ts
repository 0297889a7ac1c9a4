// The AST and bytecode views' refresh on typing.py through the real server: after an edit, how long until the
// server answers pyinsight/pythonAst and pyinsight/bytecode, with the Python helper already running (warm). The
// first request, which starts the helper, is reported apart. Skipped, with a note, when the build lacks the views.
import { performance } from 'node:perf_hooks';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { bytecodeRequest, pythonAstRequest } from '../server/src/protocol';
import { median, ms, PYTHON, quantile, table, type Section } from './common';
import { stdlibFile } from './corpus';
import { startSession } from './lspSession';

const REFRESHES = Number(process.env.BENCH_VIEW_REFRESHES ?? 20);

type Outcome = { readonly first: number; readonly warm: number[] } | { readonly problem: string };

export async function viewsSection(): Promise<Section> {
  const session = await startSession({ timings: false });
  const { connection } = session.client;
  const file = { ...stdlibFile('typing.py'), uri: 'file:///bench/views/typing.py' };
  const lastLine = file.lines - 1;
  let version = 0;
  const ask = {
    ast: () => connection.sendRequest(pythonAstRequest.method, { textDocument: { uri: file.uri }, python: PYTHON }),
    bytecode: () =>
      connection.sendRequest(bytecodeRequest.method, { textDocument: { uri: file.uri }, python: PYTHON, options: { optimize: 0, showCaches: false, adaptive: false } }),
  };

  async function measure(request: () => Promise<unknown>): Promise<Outcome> {
    const timed = async () => {
      const start = performance.now();
      const result = (await request()) as { kind?: string; message?: string };
      if (result?.kind !== 'ok') throw new Error(`answer of kind ${result?.kind}: ${result?.message ?? ''}`);
      return performance.now() - start;
    };
    try {
      const first = await timed();
      const warm: number[] = [];
      for (let i = 0; i < REFRESHES; i++) {
        // A harmless edit (a space typed or removed at the end of the file) so the view's answer must be recomputed.
        const change = version % 2 === 0
          ? { range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: ' ' }
          : { range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 1 } }, text: '' };
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: file.uri, version: ++version }, contentChanges: [change] });
        warm.push(await timed());
      }
      return { first, warm };
    } catch (error) {
      if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) return { problem: 'not implemented in this build' };
      return { problem: error instanceof Error ? error.message : String(error) };
    }
  }

  let ast: Outcome;
  let bytecode: Outcome;
  try {
    await session.open(file);
    ast = await measure(ask.ast);
    bytecode = await measure(ask.bytecode);
  } finally {
    await session.close();
  }
  const row = (what: string, o: Outcome) =>
    'problem' in o ? [what, o.problem, '', '', ''] : [what, ms(o.first), ms(median(o.warm)), ms(quantile(o.warm, 0.95)), String(o.warm.length)];
  const body = table(['request on typing.py', 'first (starts the helper) ms', 'warm refresh median ms', 'p95 ms', 'refreshes'], [
    row('pyinsight/pythonAst (AST explorer)', ast),
    row('pyinsight/bytecode (bytecode view)', bytecode),
  ]);
  const measured = (o: Outcome) => ('problem' in o ? o.problem : `${ms(median(o.warm))} ms median`);
  return {
    title: 'Views',
    body: `Round trip of the request after a one-character edit, interpreter ${PYTHON}.\n\n${body}`,
    goals: [
      { goal: 'AST view refresh on typing.py, warm helper', target: 'reported', measured: measured(ast), met: undefined },
      { goal: 'bytecode view refresh on typing.py, warm helper', target: 'reported', measured: measured(bytecode), met: undefined },
    ],
  };
}

if (require.main === module) {
  void viewsSection().then((s) => process.stdout.write(`## ${s.title}\n\n${s.body}\n`));
}
