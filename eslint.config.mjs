// Lint enforces the architecture of design.md §1, so no reviewer has to check the folder boundaries by eye.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const node = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'worker_threads'].flatMap((m) => [m, `node:${m}`]);
const editor = ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageclient', 'vscode-languageclient/node'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'artifacts/', '.scratch/', 'test/artifacts/', 'test/fixtures/', 'test/e2e/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', __dirname: 'readonly', require: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', module: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The server's stdout can be the LSP transport: log through the connection.
    files: ['server/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The language service is pure: no editor, no connection, no file system, no processes.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...node, ...editor].map((name) => ({ name, message: 'The language service is pure (design.md §1): pass data in from server.ts or the CLI.' })),
        patterns: [{ group: ['**/server', '**/cli/*', '**/workspace/*', '**/documents', '**/python/*'], message: 'service/ may import parsing/ and types only.' }],
      }],
    },
  },
  {
    files: ['server/src/parsing/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: editor.map((name) => ({ name, message: 'parsing/ knows nothing of editors or LSP connections.' })),
        patterns: [{ group: ['**/service/*', '**/server', '**/documents', '**/cli/*'], message: 'parsing/ is the bottom layer.' }],
      }],
    },
  },
  {
    // The client talks to the server only through the protocol, and may import only its typed messages.
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/src/**', '!**/server/src/protocol'], message: 'client/ may import server/src/protocol.ts only.' }],
      }],
    },
  },
  {
    // The webviews run in a browser sandbox: they import only the message and protocol types (type-only, so the
    // bundle never pulls in vscode-languageserver-protocol), and never write markup from strings.
    files: ['media/src/**/*.ts'],
    languageOptions: {
      globals: Object.fromEntries(['window', 'document', 'requestAnimationFrame', 'ResizeObserver', 'MessageEvent', 'KeyboardEvent', 'MouseEvent', 'Element', 'HTMLElement', 'Node', 'EventListener', 'setTimeout', 'clearTimeout'].map((name) => [name, 'readonly'])),
    },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [...node, ...editor, 'vscode-languageserver-protocol', 'vscode-languageserver-types'].map((name) => ({ name, message: 'media/ runs in the webview: no Node, editor or LSP libraries.' })),
        patterns: [
          { group: ['**/server/src/**', '**/client/src/**', '!**/server/src/protocol', '!**/client/src/webviews/messages'], message: 'media/ may import only the message types (design.md §1).' },
          { group: ['**/server/src/protocol', '**/client/src/webviews/messages'], allowTypeImports: true, message: 'media/ imports the message types with `import type` only.' },
        ],
      }],
      'no-restricted-properties': ['error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({ property, message: 'Build DOM with media/src/shared/dom.ts (textContent only).' })),
        { object: 'document', property: 'write', message: 'Build DOM with media/src/shared/dom.ts.' },
      ],
    },
  },
);
