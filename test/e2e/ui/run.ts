// Runs the UI scenarios (ui/*.ui.ts) with mocha in plain Node: `tsx test/e2e/ui/run.ts`. They share one VS Code
// (ui/session.ts), closed after the last scenario whatever happened. Prints `ui: N passed, N failed, N skipped`.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { e2eMocha, importMocha, type RunSummary } from '../reporter';
import { closeUiSession, screenshotFailure } from './session';
import { ARTIFACTS } from './workbench';

async function main(): Promise<number> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  const Mocha = await importMocha();
  let summary: RunSummary | undefined;
  const mocha = e2eMocha(Mocha, 'ui', (line) => process.stdout.write(`${line}\n`), (s) => (summary = s), {
    // The first scenario starts the server and the workbench, and waits for the extension host.
    timeout: 150000,
    rootHooks: { afterEach: screenshotFailure, afterAll: closeUiSession },
  });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.ui.ts')).sort()) mocha.addFile(join(__dirname, file));
  await mocha.loadFilesAsync();
  await new Promise<number>((resolve) => mocha.run(resolve));
  return summary && summary.failed === 0 && summary.passed > 0 ? 0 : 1;
}

// `timeout` sends SIGTERM: close the browser and stop the server before going.
process.once('SIGTERM', () => void closeUiSession().finally(() => process.exit(143)));

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.stdout.write('ui: 0 passed, 1 failed, 0 skipped\n');
    await closeUiSession();
    process.exit(1);
  },
);
