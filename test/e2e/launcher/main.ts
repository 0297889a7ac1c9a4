// Our stand-in for the VS Code executable, for machines without a desktop VS Code (issue 6). @vscode/test-electron's
// runTests spawns "the executable" with `--extensionTestsPath=… --extensionDevelopmentPath=… --user-data-dir=…
// --extensions-dir=… [folder]` and waits for its exit code; this script gives it the same contract on top of the VS
// Code server (server-main.js with --enable-smoke-test-driver, which makes the web workbench honour the test payload)
// and headless Chromium. VS Code calls window.codeAutomationExit(code) when the tests end; that code is our exit code.
// `--install-extension X.vsix` (and the other extension-management flags) go to the server's CLI, like `code` does.
// Run through test/e2e/launcher/code after `node test/e2e/build.mjs`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionHostLine, openWorkbench, remoteUri } from './browser';
import { runServerCli, serverCommandFromEnv, startServer, type StateFolders } from './server';

const VALUE_OPTIONS = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir',
  'install-extension', 'uninstall-extension'];
const CLI_OPTIONS = ['install-extension', 'uninstall-extension', 'list-extensions'];

interface ParsedArgs {
  readonly values: Map<string, string[]>;
  readonly flags: Set<string>;
  readonly positional: string[];
}

/** Accepts both `--name=value` (test-electron) and `--name value` (the `code` CLI). */
function parseArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const option = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!option) {
      positional.push(arg);
      continue;
    }
    const [, name, inline] = option;
    flags.add(name);
    if (!VALUE_OPTIONS.includes(name)) continue;
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { values, flags, positional };
}

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

async function runTests(args: ParsedArgs, folders: StateFolders): Promise<number> {
  const command = serverCommandFromEnv();
  if (!command) throw new Error('PYINSIGHT_VSCODE_SERVER_MAIN is not set (source test/e2e/env.sh after .ci/e2e-install)');
  const testsPath = args.values.get('extensionTestsPath')?.[0];
  const developmentPaths = args.values.get('extensionDevelopmentPath') ?? [];
  const folder = args.positional[0] ?? temp('pyinsight-e2e-folder-');
  const timeoutMs = Number(process.env.PYINSIGHT_E2E_TIMEOUT_MS || 600000);

  const server = await startServer(command, folders);
  let workbench: Awaited<ReturnType<typeof openWorkbench>> | undefined;
  try {
    let finish: (code: number | string) => void = () => undefined;
    const finished = new Promise<number | string>((resolve) => (finish = resolve));
    const payload: [string, string][] = developmentPaths.map((path) => ['extensionDevelopmentPath', remoteUri(server.authority, path)]);
    if (testsPath) payload.push(['extensionTestsPath', remoteUri(server.authority, testsPath)]);
    workbench = await openWorkbench({
      origin: server.origin,
      folder,
      payload,
      beforeLoad: async (page) => {
        page.on('console', (message) => {
          void extensionHostLine(message).then((line) => line !== undefined && process.stdout.write(`${line}\n`));
        });
        await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
      },
    });
    const timer = setTimeout(() => finish(`no result within ${timeoutMs} ms`), timeoutMs);
    const crashed = server.exited.then((code) => `the VS Code server exited with ${code}`);
    const result = await Promise.race([finished, crashed]);
    clearTimeout(timer);
    if (result !== 0) process.stderr.write(`extension tests ended with ${result}\n--- server log (tail) ---\n${server.logTail()}\n`);
    return typeof result === 'number' ? result : 1;
  } finally {
    await workbench?.close();
    await server.stop();
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const folders: StateFolders = {
    userDataDir: args.values.get('user-data-dir')?.[0] ?? temp('pyinsight-e2e-user-'),
    extensionsDir: args.values.get('extensions-dir')?.[0] ?? temp('pyinsight-e2e-extensions-'),
  };
  const cli = CLI_OPTIONS.filter((name) => args.flags.has(name));
  if (cli.length > 0) {
    const command = serverCommandFromEnv();
    if (!command) throw new Error('PYINSIGHT_VSCODE_SERVER_MAIN is not set');
    const cliArgs = cli.flatMap((name) => (args.values.get(name) ?? [undefined]).flatMap((v) => (v === undefined ? [`--${name}`] : [`--${name}`, v])));
    const { code, output } = await runServerCli(command, folders, [...cliArgs, ...(args.flags.has('force') ? ['--force'] : [])]);
    process.stdout.write(output);
    return code;
  }
  return runTests(args, folders);
}

// Signals from `timeout` or Ctrl+C: exit through 'exit' handlers, which kill the server's process group.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`launcher: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(2);
  },
);
