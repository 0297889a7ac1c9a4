// Entry point of dist/server.js: the transport (--stdio, --node-ipc, --socket=N) is chosen from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--version')) {
  process.stdout.write(`${process.env.PYINSIGHT_VERSION ?? 'pyinsight-lsp'}\n`);
  process.exit(0);
}
const connection = createConnection(ProposedFeatures.all);
// Handlers are guarded in server.ts; this catches anything that escapes (a timer, a library callback) so that one
// bad input costs a log line, not the editor's diagnostics for the rest of the session.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
startServer(connection);
