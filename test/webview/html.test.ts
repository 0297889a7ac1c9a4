// renderWebviewHtml: the page shell both views load, and proof that its CSP really applies in Chromium.
import assert from 'node:assert/strict';
import { createNonce, renderWebviewHtml } from '../../client/src/webviews/html';
import { useHarness, type PageWindow } from './harness';

const options = { title: 'AST <Explorer> & "more"', cspSource: 'https://*.vscode-cdn.net', nonce: 'abc123+/=', scriptUri: 'https://x/a.js?x="1"&y=2', styleUris: ['https://x/views.css'] };

describe('renderWebviewHtml', () => {
  it('writes a CSP with default-src none, the nonce for scripts and the cspSource for styles, images and fonts', () => {
    const html = renderWebviewHtml(options);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.equal(csp, "default-src 'none'; style-src https://*.vscode-cdn.net; script-src 'nonce-abc123+/='; img-src https://*.vscode-cdn.net data:; font-src https://*.vscode-cdn.net");
    assert.match(html, /<script nonce="abc123\+\/=" src="https:\/\/x\/a\.js\?x=&#34;1&#34;&#38;y=2"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/x\/views\.css">/);
    assert.match(html, /<title>AST &#60;Explorer&#62; &#38; &#34;more&#34;<\/title>/);
    assert.match(html, /<body>\s*<div id="root"><\/div>\s*<script/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, by nonce');
  });

  it('refuses a nonce that is not base64 and makes a fresh 128-bit one each time', () => {
    assert.throws(() => renderWebviewHtml({ ...options, nonce: "x' 'unsafe-inline" }), /nonce/);
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });

  describe('in Chromium', function () {
    this.timeout(60000);
    const harness = useHarness();

    it('blocks inline scripts and inline styles while the bundle runs', async () => {
      const view = await harness.open('astExplorer');
      const ran = await view.page.evaluate(() => {
        const page = globalThis as unknown as PageWindow & { document: { createElement(tag: string): { textContent: string; setAttribute(n: string, v: string): void }; body: { append(e: unknown): void } }; __ran?: boolean };
        const script = page.document.createElement('script');
        script.textContent = 'window.__ran = true';
        page.document.body.append(script);
        const styled = page.document.createElement('div');
        styled.setAttribute('style', 'color: red');
        page.document.body.append(styled);
        return page.__ran === true;
      });
      assert.equal(ran, false, 'the inline script did not run');
      const violations = await view.waitFor(async () => (await view.record()).violations, (v) => v.length >= 2);
      assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join(', '));
      assert.ok(violations.some((v) => v.startsWith('style-src')), violations.join(', '));
      // Chromium reports each refusal on the console too; nothing else went wrong.
      assert.deepEqual(view.errors.filter((e) => !e.includes('Content Security Policy')), []);
      await view.close();
    });
  });
});
