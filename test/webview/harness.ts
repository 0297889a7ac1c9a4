// Runs the real webview bundles in headless Chromium (Debian's chromium through playwright-core) inside the page
// renderWebviewHtml writes, served over localhost so its CSP applies exactly as in VS Code. A fake
// acquireVsCodeApi, installed before the bundle runs, records every posted message and the saved state; host
// messages are delivered with window.postMessage, as VS Code does.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNonce, renderWebviewHtml } from '../../client/src/webviews/html';
import { disposePython } from './data';
import { themeVariables, type Theme } from './themes';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test/artifacts');

export type ViewName = 'astExplorer' | 'bytecodeView';

/** What the page's global object offers the test's page functions (the root tsconfig has no DOM types). */
export interface PageWindow {
  readonly __record: { posted: PageRecord['posted'] } & PageRecord;
  postMessage(message: unknown, targetOrigin: string): void;
  getComputedStyle(element: unknown): { readonly marginLeft: string };
}

export interface PageRecord {
  readonly posted: { readonly type: string; readonly [key: string]: unknown }[];
  readonly state: unknown;
  readonly violations: readonly string[];
}

/** The two bundles, built from media/src exactly as esbuild.mjs builds them (so the test never runs a stale dist). */
async function buildBundles(outdir: string): Promise<void> {
  await esbuild.build({
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    logLevel: 'error',
    outdir,
    entryPoints: { astExplorer: 'media/src/astExplorer/main.ts', bytecodeView: 'media/src/bytecodeView/main.ts' },
  });
}

// Installed before the bundle runs. Plain JavaScript in a string: a TypeScript function would be transformed by tsx
// (it inserts helpers such as __name) and would not run as written inside the page.
const FAKE_VSCODE_API = `function ({ state, theme, variables }) {
  const record = { posted: [], state, violations: [] };
  window.__record = record;
  let acquired = false;
  window.acquireVsCodeApi = function () {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      // Structured clone, as VS Code's channel does: the host never shares objects with the view.
      postMessage(message) { record.posted.push(structuredClone(message)); },
      getState() { return record.state; },
      setState(next) { record.state = structuredClone(next); },
    };
  };
  document.addEventListener('securitypolicyviolation', function (event) {
    record.violations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
  // VS Code sets the theme's variables on <html> and a theme class on <body>.
  function apply() {
    for (const name of Object.keys(variables)) document.documentElement.style.setProperty(name, variables[name]);
    if (document.body) {
      document.body.classList.add(theme === 'dark' ? 'vscode-dark' : 'vscode-light');
      document.body.dataset.vscodeThemeKind = theme === 'dark' ? 'vscode-dark' : 'vscode-light';
    }
  }
  if (document.documentElement) apply();
  document.addEventListener('DOMContentLoaded', apply);
}`;

export class WebviewHarness {
  private constructor(
    readonly browser: Browser,
    private readonly server: Server,
    readonly origin: string,
    private readonly bundleDir: string,
  ) {}

  static async start(): Promise<WebviewHarness> {
    const bundleDir = mkdtempSync(join(tmpdir(), 'pyinsight-webview-'));
    await buildBundles(bundleDir);
    const files: Record<string, { path: string; type: string }> = {
      '/media/astExplorer.js': { path: join(bundleDir, 'astExplorer.js'), type: 'text/javascript' },
      '/media/bytecodeView.js': { path: join(bundleDir, 'bytecodeView.js'), type: 'text/javascript' },
      '/media/views.css': { path: join(ROOT, 'media/views.css'), type: 'text/css' },
    };
    let origin = '';
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const view = /^\/view\/(astExplorer|bytecodeView)$/.exec(url.pathname)?.[1];
      if (view) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          renderWebviewHtml({
            title: view,
            cspSource: origin,
            nonce: createNonce(),
            scriptUri: `${origin}/media/${view}.js`,
            styleUris: [`${origin}/media/views.css`],
          }),
        );
        return;
      }
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      const file = files[url.pathname];
      if (!file || !existsSync(file.path)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': file.type });
      response.end(readFileSync(file.path));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return new WebviewHarness(browser, server, origin, bundleDir);
  }

  /** A fresh page of `view`; `state` is what getState returns (as after hide/show). */
  async open(view: ViewName, options: { theme?: Theme; state?: unknown; width?: number; height?: number } = {}): Promise<ViewPage> {
    const page = await this.browser.newPage({ viewport: { width: options.width ?? 900, height: options.height ?? 700 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const args = { state: options.state, theme: options.theme ?? 'light', variables: themeVariables(options.theme ?? 'light') };
    await page.addInitScript({ content: `(${FAKE_VSCODE_API})(${JSON.stringify(args)});` });
    await page.goto(`${this.origin}/view/${view}`);
    const viewPage = new ViewPage(page, errors);
    await viewPage.waitForPosted((m) => m.type === 'ready');
    return viewPage;
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await new Promise((done) => this.server.close(done));
    rmSync(this.bundleDir, { recursive: true, force: true });
  }
}

export class ViewPage {
  constructor(
    readonly page: Page,
    /** Uncaught exceptions and console errors; the tests assert it stays empty. */
    readonly errors: string[],
  ) {}

  /** Delivers a host message the way VS Code does (a message event on window). */
  async send(message: unknown): Promise<void> {
    // As a JSON string: Playwright's own serialisation of a large object (typing.py's AST) is many times slower.
    await this.page.evaluate((json) => (globalThis as unknown as PageWindow).postMessage(JSON.parse(json), '*'), JSON.stringify(message));
  }

  async record(): Promise<PageRecord> {
    return this.page.evaluate(() => (globalThis as unknown as PageWindow).__record);
  }

  async posted(): Promise<PageRecord['posted']> {
    return (await this.record()).posted;
  }

  /** Polls the recorded messages until one satisfies `match` (messages are async; never sleep a fixed time). */
  async waitForPosted(match: (message: PageRecord['posted'][number]) => boolean, timeoutMs = 10000): Promise<PageRecord['posted'][number]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.posted()).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching message; posted: ${JSON.stringify(await this.posted()).slice(0, 800)}`);
      await this.page.waitForTimeout(20);
    }
  }

  /** Polls until `read` returns a value that `accept` takes (default: truthy). */
  async waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean = Boolean, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (accept(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)?.slice(0, 800)}`);
      await this.page.waitForTimeout(20);
    }
  }

  async clearPosted(): Promise<void> {
    await this.page.evaluate(() => {
      (globalThis as unknown as PageWindow).__record.posted.length = 0;
    });
  }

  /** textContent of the rendered rows, in order. */
  async rowTexts(): Promise<string[]> {
    return this.page.$$eval('[role=treeitem]', (rows) =>
      rows.sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'))).map((row) => row.textContent ?? ''),
    );
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/**
 * The hooks a suite of view tests shares: one harness, started before the suite's own `before` hooks that come after
 * this call, and stopped after it together with the Python helpers. With `current`, the page it returns after each
 * test must have had no page errors and no CSP violations, and is closed.
 */
export function useHarness(current?: () => ViewPage | undefined): Pick<WebviewHarness, 'open'> {
  let harness: WebviewHarness | undefined;
  before(async () => {
    harness = await WebviewHarness.start();
  });
  after(async () => {
    await harness?.stop();
    disposePython();
  });
  if (current) {
    afterEach(async () => {
      const view = current();
      if (view) {
        assert.deepEqual(view.errors, [], 'no page errors');
        assert.deepEqual((await view.record()).violations, [], 'no CSP violations');
        await view.close();
      }
    });
  }
  return {
    open: (view, options) => {
      if (!harness) throw new Error('the harness starts in before()');
      return harness.open(view, options);
    },
  };
}
