// Runs test/e2e/suite inside VS Code's extension host against the PACKAGED extension, through @vscode/test-electron.
//
// Which VS Code: with PYINSIGHT_VSCODE_SERVER_MAIN set (test/e2e/env.sh after .ci/e2e-install) the "executable" is
// our launcher (the VS Code server from code-server + headless Chromium); else PYINSIGHT_VSCODE_EXECUTABLE (a desktop
// VS Code binary, e.g. /usr/share/code/code); else test-electron downloads one. Either way the same steps follow:
//   1. install artifacts/pyinsight.vsix into a fresh extensions folder with the executable's own CLI
//      (`--install-extension`), as a user would;
//   2. run the suite with extensionDevelopmentPath = test/e2e/harness, an empty extension. The runner needs some
//      development extension to attach the tests to; making it pyinsight's installed folder would turn the product
//      into a "development" extension (which VS Code loads differently, in development mode), so pyinsight stays
//      an ordinary installed extension and the activation test checks it was loaded from that extensions folder;
//   3. open a throwaway copy of test/e2e/workspace, which the tests edit and save.
// Prints `ext-host: N passed, N failed, N skipped` and exits non-zero on any failure or when nothing ran.
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from './reporter';
import { summaryLine } from './reporter';

const ROOT = join(__dirname, '..', '..');
const E2E = __dirname;
// PYINSIGHT_E2E_VSIX tests another package (a release candidate); the default is what npm run package made.
const VSIX = process.env.PYINSIGHT_E2E_VSIX || join(ROOT, 'artifacts', 'pyinsight.vsix');

function installVsix(executable: string, profileArgs: readonly string[]): void {
  const [cli, ...cliArgs] = process.env.PYINSIGHT_VSCODE_SERVER_MAIN ? [executable] : resolveCliArgsFromVSCodeExecutablePath(executable);
  const result = spawnSync(cli, [...cliArgs, ...profileArgs, '--install-extension', VSIX, '--force'], { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${VSIX} failed (exit ${result.status}):\n${output}`);
  }
}

/** On failure, the end of pyinsight's output channel (client and server log), wherever this VS Code wrote it. */
function printExtensionLogs(scratch: string): void {
  const logs = (readdirSync(scratch, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => /pyinsight[^/]*\.log$/i.test(file));
  for (const file of logs) {
    const lines = readFileSync(join(scratch, file), 'utf8').trimEnd().split('\n');
    process.stdout.write(`--- ${file} (last ${Math.min(lines.length, 80)} lines) ---\n${lines.slice(-80).join('\n')}\n`);
  }
}

async function main(): Promise<number> {
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package first`);
  if (!existsSync(join(E2E, 'out', 'suite', 'index.js'))) throw new Error('test/e2e/out is missing: run node test/e2e/build.mjs first');
  const scratch = mkdtempSync(join(tmpdir(), 'pyinsight-e2e-ext-'));
  try {
    const extensionsDir = join(scratch, 'extensions');
    const userDataDir = join(scratch, 'user-data');
    const workspace = join(scratch, 'workspace');
    const report = join(scratch, 'report.json');
    cpSync(join(E2E, 'workspace'), workspace, { recursive: true });
    const profileArgs = [`--extensions-dir=${extensionsDir}`, `--user-data-dir=${userDataDir}`];

    const executable = process.env.PYINSIGHT_VSCODE_SERVER_MAIN
      ? join(E2E, 'launcher', 'code')
      : process.env.PYINSIGHT_VSCODE_EXECUTABLE || (await downloadAndUnzipVSCode());
    installVsix(executable, profileArgs);

    let code: number;
    try {
      code = await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: join(E2E, 'harness'),
        extensionTestsPath: join(E2E, 'out', 'suite', 'index.js'),
        launchArgs: [workspace, ...profileArgs],
        extensionTestsEnv: { PYINSIGHT_E2E_REPORT: report, PYINSIGHT_E2E_EXTENSIONS_DIR: extensionsDir },
      });
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      code = 1;
    }
    const summary: RunSummary | undefined = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined;
    if (!summary) {
      printExtensionLogs(scratch);
      process.stdout.write('ext-host: 0 passed, 1 failed, 0 skipped (the suite never reported: see the output above)\n');
      return 1;
    }
    if (summary.failed > 0) printExtensionLogs(scratch);
    for (const failure of summary.failures) process.stdout.write(`FAILED ${failure}\n`);
    process.stdout.write(`${summaryLine('ext-host', summary)}\n`);
    return code === 0 && summary.failed === 0 && summary.passed > 0 ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.stdout.write('ext-host: 0 passed, 1 failed, 0 skipped\n');
    process.exit(1);
  },
);
