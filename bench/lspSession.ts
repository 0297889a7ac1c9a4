// The built server (dist/server.js --stdio) driven the way an editor drives it, for the latency, memory and start
// benchmarks. PYINSIGHT_TIMINGS=1 makes the server report its own share of each publish ($/pyinsight/timings).
import { readFileSync } from 'node:fs';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from '../test/helpers/lspClient';
import type { BenchFile } from './corpus';

/** What the server reports after each publish when PYINSIGHT_TIMINGS=1 (server.ts). */
export type ServerTimings = AnalysedTimings | SkippedTimings;

/** The server published without analysing: the document is beyond its limits (parsing/limits.ts says why). */
export interface SkippedTimings {
  readonly uri: string;
  readonly version: number;
  readonly skipped: string;
}

export interface AnalysedTimings {
  readonly uri: string;
  readonly version: number;
  /** Applying the didChange: text update, tree.edit, incremental reparse (and whatever else the store does). */
  readonly changeMs: number;
  /** From the change applied to the publish starting: the debounce timer (10 ms) and event-loop delay. */
  readonly waitMs: number;
  /** service.diagnostics: the analysis. */
  readonly diagnosticsMs: number;
  /** process.memoryUsage() right after the publish (WASM linear memory counts in `external`). */
  readonly memory: NodeJS.MemoryUsage;
}

export interface BenchSession {
  readonly client: TestClient;
  readonly pid: number;
  open(file: BenchFile): Promise<PublishDiagnosticsParams>;
  /** The server's timings for `uri` at `version` (waits for the notification, which follows the publish). */
  timings(uri: string, version: number): Promise<ServerTimings>;
  close(): Promise<void>;
}

export async function startSession(options: { timings: boolean }): Promise<BenchSession> {
  // The test client spawns the server with this process's environment.
  if (options.timings) process.env.PYINSIGHT_TIMINGS = '1';
  else delete process.env.PYINSIGHT_TIMINGS;
  const client = await startClient();
  const received = new Map<string, ServerTimings>();
  const waiting = new Map<string, (t: ServerTimings) => void>();
  client.connection.onNotification('$/pyinsight/timings', (t: ServerTimings) => {
    const key = `${t.uri}@${t.version}`;
    const waiter = waiting.get(key);
    if (waiter) {
      waiting.delete(key);
      waiter(t);
    } else received.set(key, t);
  });
  const pid = client.process.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  return {
    client,
    pid,
    async open(file) {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: file.uri, languageId: 'python', version: 0, text: file.text } });
      return client.diagnostics(file.uri, (p) => p.version === 0, 120_000);
    },
    timings(uri, version) {
      const key = `${uri}@${version}`;
      const seen = received.get(key);
      if (seen) {
        received.delete(key);
        return Promise.resolve(seen);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no $/pyinsight/timings for ${key}: is PYINSIGHT_TIMINGS honoured?`)), 30_000);
        waiting.set(key, (t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });
    },
    close: () => client.close(),
  };
}

/** Resident set size of a process in MB, from /proc (no cooperation from the process needed). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) / 1024;
}
