// Entry point of dist/server.js: the transport (--stdio, --node-ipc, --socket=N) is chosen from the command line.
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Every keystroke allocates (a tree's nodes, matches, findings), and V8 grows its heap limit by up to 4× the live
// heap after each collection when allocation is fast: while typing, the reserved heap grew from 100 to 290 MB over
// 10,000 edits with 85 MB live, and RSS followed. A fixed growth of 50 % keeps it near 160 MB and RSS flat, without a
// measurable cost per keystroke (`--optimize-for-size` kept it lower still but made a keystroke's analysis ~1 ms slower
// at p95: bench/RESULTS.md). Set here rather than on the node command line so every way of starting the server
// (VS Code's IPC, `pyinsight-lsp --stdio`, other editors) gets it; V8 reads the flag whenever it sets a new limit.
setFlagsFromString('--heap-growing-percent=50');

if (process.argv.includes('--version')) {
  process.stdout.write(`${process.env.PYINSIGHT_VERSION ?? 'pyinsight-lsp'}\n`);
  process.exit(0);
}
// vscode-languageserver ends the process when stdin ends or closes, and when the `processId` given at initialize (or
// --clientProcessId) disappears, so a client that exits without shutdown takes the server with it.
const connection = createConnection(ProposedFeatures.all);
// The same for a client that closed only its end of our stdout: every later write would fail with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(1);
});

let reporting = false;
/** Logs through the connection; never throws, and never recurses when the logging itself fails. */
function report(message: string): void {
  if (reporting) return;
  reporting = true;
  try {
    connection.console.error(message);
  } catch {
    // The connection itself is broken: there is nobody left to tell.
  } finally {
    reporting = false;
  }
}
// Handlers are guarded in server.ts; this catches anything that escapes (a timer, a library callback) so that one
// bad input costs a log line, not the editor's diagnostics for the rest of the session.
process.on('uncaughtException', (error) => report(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => report(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
startServer(connection);
