// The real VS Code server (server-main.js, shipped inside the code-server npm package): started on a free loopback
// port with fresh state folders, and stopped with its whole process group (extension host, file watcher, pty host
// and agent host are its children). The code-server CLI itself rejects the test flags, so we start server-main.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerCommand {
  /** Node 24 for code-server >= 4.133; the Node running this script otherwise. */
  readonly node: string;
  readonly serverMain: string;
}

/** Where the server is, from the environment test/e2e/env.sh sets; undefined on a desktop machine. */
export function serverCommandFromEnv(env: NodeJS.ProcessEnv = process.env): ServerCommand | undefined {
  const serverMain = env.PYINSIGHT_VSCODE_SERVER_MAIN;
  return serverMain ? { node: env.PYINSIGHT_VSCODE_NODE || process.execPath, serverMain } : undefined;
}

export interface StateFolders {
  readonly userDataDir: string;
  readonly extensionsDir: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** `127.0.0.1:PORT`, the authority of `vscode-remote://` URIs. */
  readonly authority: string;
  /** The last few kB the server printed, for failure messages. */
  logTail(): string;
  /** Ends when the server exits on its own (a crash): the run must not wait for a browser that will never finish. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

// Quiet workbench for tests and screenshots: no chat panel, no welcome page, no network look-ups. code-server keeps
// user settings on the server, so this file reaches the browser workbench too.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

function baseArgs(command: ServerCommand, folders: StateFolders): string[] {
  return [
    command.serverMain,
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--user-data-dir', folders.userDataDir,
    '--server-data-dir', join(folders.userDataDir, 'server'),
    '--extensions-dir', folders.extensionsDir,
  ];
}

/** Records a process group so test/e2e/run.sh can end it even if this process is killed before its cleanup. */
function recordGroup(pid: number | undefined): void {
  const file = process.env.PYINSIGHT_E2E_PGID_FILE;
  if (pid && file) appendFileSync(file, `${pid}\n`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** `--install-extension` through the server's own CLI, as `code --install-extension` does on a desktop. */
export function runServerCli(command: ServerCommand, folders: StateFolders, cliArgs: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.node, [...baseArgs(command, folders), ...cliArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

export function startServer(command: ServerCommand, folders: StateFolders): Promise<RunningServer> {
  mkdirSync(join(folders.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(folders.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const args = [...baseArgs(command, folders), '--host', '127.0.0.1', '--port', '0', '--without-connection-token',
    '--enable-smoke-test-driver', '--disable-workspace-trust'];
  // detached: its own process group, so stop() reaches every child it starts.
  const child = spawn(command.node, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  recordGroup(child.pid);
  const onExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', onExit);

  let log = '';
  const append = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20000));
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const stop = async () => {
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // children that outlived the leader
    process.off('exit', onExit);
  };

  return new Promise((resolve, reject) => {
    // --port 0 lets the server pick the port (no race with a port probed beforehand); it prints the one it bound.
    const onData = () => {
      const match = /Extension host agent listening on (\d+)/.exec(log);
      if (!match) return;
      child.stdout.off('data', onData);
      clearTimeout(timer);
      const authority = `127.0.0.1:${match[1]}`;
      resolve({ origin: `http://${authority}`, authority, logTail: () => log.slice(-4000), exited, stop });
    };
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the VS Code server did not start within 60 s:\n${log.slice(-4000)}`));
    }, 60000);
    child.stdout.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the VS Code server exited with ${code} before listening:\n${log.slice(-4000)}`));
    });
  });
}
