// The VS Code workbench in headless Chromium (Debian's, driven by playwright-core): the browser half of the editor
// whose other half is launcher/server.ts. A fresh profile per run, removed on close.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

export interface Workbench {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** `http://127.0.0.1:PORT` of the server. */
  readonly origin: string;
  /** Absolute folder on the server's machine to open. */
  readonly folder: string;
  /** `[key, value]` pairs the workbench reads at start-up: extensionDevelopmentPath, extensionTestsPath. */
  readonly payload?: readonly (readonly [string, string])[];
  /** Runs before the page loads: the place for page.exposeFunction. */
  readonly beforeLoad?: (page: Page) => Promise<void>;
  readonly viewport?: { readonly width: number; readonly height: number };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  // Playwright refuses --user-data-dir in args; a persistent context takes the profile folder instead.
  const profile = mkdtempSync(join(tmpdir(), 'pyinsight-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.PYINSIGHT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ? { ...options.viewport } : { width: 1400, height: 900 },
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await options.beforeLoad?.(page);
    const url = new URL(options.origin);
    url.searchParams.set('folder', resolve(options.folder));
    if (options.payload) url.searchParams.set('payload', JSON.stringify(options.payload));
    await page.goto(url.toString());
    return { context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** `vscode-remote://AUTHORITY/abs/path`: how the browser names a path on the server. */
export function remoteUri(authority: string, path: string): string {
  return `vscode-remote://${authority}${resolve(path)}`;
}

// The workbench's own start-up chatter, which reaches the console in the same form as the extension host's output.
const CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[(reconnection-grace-time|AgentHost[^\]]*|AccountPolicyGate|Service Worker)\])/;

/**
 * The extension host's console (mocha's output included) reaches the page console as `%c INFO`, css, text…; this
 * returns the text as the extension wrote it, or undefined for anything else (the workbench's own chatter included).
 */
export async function extensionHostLine(message: ConsoleMessage): Promise<string | undefined> {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => undefined)));
  const [tag, , first, ...rest] = values;
  if (typeof tag !== 'string' || !/^%c\s*(INFO|WARN|ERR)$/.test(tag) || typeof first !== 'string' || CHATTER.test(first)) return undefined;
  return format(first, ...rest).trimEnd();
}
