// Entry point of dist/server.js: the transport (--stdio, --node-ipc, --socket=N) is chosen from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--version')) {
  process.stdout.write(`${process.env.PYINSIGHT_VERSION ?? 'pyinsight-lsp'}\n`);
  process.exit(0);
}
startServer(createConnection(ProposedFeatures.all));
