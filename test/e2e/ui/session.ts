// One VS Code for all UI scenarios: the packaged .vsix installed into a fresh extensions folder, the VS Code server
// from code-server, and the workbench in headless Chromium on a throwaway copy of test/e2e/workspace. Started on
// first use, closed by ui/run.ts's root after-hook.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openWorkbench, type Workbench } from '../launcher/browser';
import { runServerCli, serverCommandFromEnv, startServer, type RunningServer } from '../launcher/server';
import { screenshot } from './workbench';

const ROOT = join(__dirname, '..', '..', '..');
// PYINSIGHT_E2E_VSIX tests another package (a release candidate); the default is what npm run package made.
const VSIX = process.env.PYINSIGHT_E2E_VSIX || join(ROOT, 'artifacts', 'pyinsight.vsix');

export interface UiSession {
  readonly page: Page;
  /** The workspace copy the workbench has open. */
  readonly workspace: string;
  /** The installed extension's manifest: which commands this build contributes. */
  readonly manifest: { readonly contributes?: { readonly commands?: readonly { command: string; title: string; category?: string }[] } };
}

let started: Promise<UiSession> | undefined;
let cleanup: (() => Promise<void>)[] = [];

async function start(): Promise<UiSession> {
  const command = serverCommandFromEnv();
  if (!command) throw new Error('PYINSIGHT_VSCODE_SERVER_MAIN is not set (source test/e2e/env.sh after .ci/e2e-install)');
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package first`);
  const scratch = mkdtempSync(join(tmpdir(), 'pyinsight-e2e-ui-'));
  cleanup.push(async () => rmSync(scratch, { recursive: true, force: true }));
  const folders = { userDataDir: join(scratch, 'user-data'), extensionsDir: join(scratch, 'extensions') };
  const workspace = join(scratch, 'workspace');
  cpSync(join(__dirname, '..', 'workspace'), workspace, { recursive: true });

  const installed = await runServerCli(command, folders, ['--install-extension', VSIX]);
  if (installed.code !== 0) throw new Error(`installing the .vsix failed:\n${installed.output}`);
  const manifest = JSON.parse(readFileSync(join(folders.extensionsDir, 'pyinsight.pyinsight-' + packageVersion(), 'package.json'), 'utf8'));

  const server: RunningServer = await startServer(command, folders);
  cleanup.unshift(() => server.stop());
  const workbench: Workbench = await openWorkbench({ origin: server.origin, folder: workspace, viewport: { width: 1280, height: 800 } });
  cleanup.unshift(() => workbench.close());
  const { page } = workbench;
  await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
  // The explorer lists the folder once the remote file system answers: the workbench is usable from then on.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row[aria-label*="quickfix.py"]', { timeout: 90000 });
  return { page, workspace, manifest };
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function uiSession(): Promise<UiSession> {
  started ??= start();
  return started;
}

/** Root after-each hook: a failed scenario leaves a screenshot of the moment, `failed-<title>.png`. */
export async function screenshotFailure(this: Mocha.Context): Promise<void> {
  const test = this.currentTest;
  if (!started || test?.state !== 'failed') return;
  const { page } = await started;
  await screenshot(page, `failed-${test.title.replace(/[^\w]+/g, '-').slice(0, 60)}`).catch(() => undefined);
}

export async function closeUiSession(): Promise<void> {
  for (const step of cleanup) await step().catch(() => undefined);
  cleanup = [];
  started = undefined;
}
