// The peer in bench/throughput.ts: Ruff compiled to WebAssembly (@astral-sh/ruff-wasm-nodejs), run the way a Node
// tool would embed it: one process, one thread (the WASM build has no parallel mode), one Workspace, check() per
// file. Plain JavaScript so no TypeScript loader adds to its start-up time.
//
//   node bench/ruffWasm.mjs FILE_LIST     checks every path listed (one per line), prints the findings as JSON
//   node bench/ruffWasm.mjs --self-test   proves the rule selection is live (B006 on `def f(x=[]): pass`, ...)
import { readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');

/** Ruff's codes closest to pyinsight's rules (mutable defaults, calls in defaults, cached methods, late binding,
 * `is` with a literal, dangling tasks, blocking calls in async functions), shared with throughput.ts. `ASYNC2` selects
 * ASYNC2xx. */
export const RULES = require('./ruffRules.json');

const workspace = new Workspace({ lint: { select: RULES } }, PositionEncoding.Utf16);

function check(path, text) {
  return workspace.check(text).map((d) => ({ filename: path, code: d.code, message: d.message, location: d.start_location, end_location: d.end_location }));
}

if (process.argv[2] === '--self-test') {
  const fixture = 'import asyncio, time\ndef f(x=[]): pass\nx = 1\nif x is 1: pass\nasync def g():\n    time.sleep(1)\n    asyncio.create_task(g())\n';
  process.stdout.write(`${JSON.stringify({ version: Workspace.version(), codes: check('fixture.py', fixture).map((d) => d.code) })}\n`);
} else {
  const paths = readFileSync(process.argv[2], 'utf8').split('\n').filter((p) => p !== '');
  const findings = [];
  let unreadable = 0;
  for (const path of paths) {
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      unreadable++;
      continue;
    }
    findings.push(...check(path, text));
  }
  // Written like pyinsight's --format json: the whole report at the end, pretty-printed.
  writeSync(1, `${JSON.stringify(findings, null, 2)}\n`);
  process.stderr.write(`ruff-wasm ${Workspace.version()}: ${findings.length} findings in ${paths.length} files (${unreadable} unreadable)\n`);
}
