// A real JSON-RPC client for the built server (dist/server.js --stdio), as an editor other than VS Code would use it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Resolves with the next publishDiagnostics for `uri` that satisfies `accept` (polls, never sleeps a fixed time). */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** The server's answer to initialize. */
  initializeResult: InitializeResult | undefined;
  /** window/showMessage notifications received so far. */
  readonly messages: string[];
  /** What the client answers to workspace/configuration for section "pyinsight". */
  settings: Record<string, unknown>;
  stderr(): string;
  close(): Promise<void>;
}

/** The built server as a child process on stdio, and a protocol connection to it (not listening yet). */
export function spawnServer(): { child: ChildProcess; connection: ProtocolConnection } {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  return { child, connection };
}

export async function startClient(options: { capabilities?: ClientCapabilities; rootUri?: string } = {}): Promise<TestClient> {
  const { child, connection } = spawnServer();
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += String(chunk)));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const client: TestClient = {
    connection,
    process: child,
    settings: {},
    messages: [],
    initializeResult: undefined,
    stderr: () => errors,
    diagnostics(uri, accept = () => true, timeoutMs = 10000) {
      const seen = latest.get(uri);
      if (seen && accept(seen)) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(latest.get(uri))}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } finally {
        connection.dispose();
        child.kill();
      }
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    latest.set(params.uri, params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map(() => client.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/showMessage', (params: { message: string }) => void client.messages.push(params.message));
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities: options.capabilities ?? { workspace: { configuration: true } },
  });
  await connection.sendNotification('initialized', {});
  return client;
}

/** Sends textDocument/didOpen for a Python document. */
export function openDocument(client: TestClient, uri: string, text: string, version = 1): void {
  void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
}

/** The server's answer to textDocument/diagnostic (pull diagnostics: the client must have announced them). */
export function pullDiagnostics(client: TestClient, uri: string): Promise<{ kind: string; items: Diagnostic[] }> {
  return client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
}

/** Lines the server logs (window/logMessage) from now on, as `type: message` (1 error, 2 warning, 3 info, 4 log). */
export function collectLogs(client: TestClient): string[] {
  const lines: string[] = [];
  client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => void lines.push(`${params.type}: ${params.message}`));
  return lines;
}

/** The resident set size of a process, from /proc (Linux), in bytes; undefined where /proc is not available. */
export function residentBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** Resolves once `condition` holds, checking every 20 ms; rejects after `timeoutMs` with `what` in the message. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
