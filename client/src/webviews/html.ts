// The one place HTML is written for the webviews (design.md §6). The page is a shell: a CSP that allows only the
// bundle's own styles, one script by nonce, and an empty root the script fills with DOM built from textContent.
// Pure (no vscode import) so the webview tests render exactly the page VS Code shows.
import { randomBytes } from 'node:crypto';

export interface WebviewHtmlOptions {
  readonly title: string;
  /** `webview.cspSource`: the origin the bundle's scripts, styles, images and fonts are served from. */
  readonly cspSource: string;
  /** From createNonce(), fresh for each page. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
}

/** A fresh nonce for one page: 128 random bits, base64 (valid in a CSP nonce-source). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

// Everything interpolated below is escaped for both text and double-quoted attribute contexts.
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderWebviewHtml(options: WebviewHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(options.nonce)) throw new Error('renderWebviewHtml: the nonce must be base64');
  const source = options.cspSource;
  // No 'unsafe-inline' anywhere: inline style attributes are refused too; scripts size rows through the CSSOM.
  const csp = [
    "default-src 'none'",
    `style-src ${source}`,
    `script-src 'nonce-${options.nonce}'`,
    `img-src ${source} data:`,
    `font-src ${source}`,
  ].join('; ');
  const styles = options.styleUris.map((uri) => `  <link rel="stylesheet" href="${escapeHtml(uri)}">`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '  <meta charset="UTF-8">',
    `  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '  <meta name="viewport" content="width=device-width, initial-scale=1.0">',
    ...styles,
    `  <title>${escapeHtml(options.title)}</title>`,
    '</head>',
    '<body>',
    '  <div id="root"></div>',
    `  <script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
