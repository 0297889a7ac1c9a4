// Lint enforces the architecture of design.md §1, so no reviewer has to check the folder boundaries by eye.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const node = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'worker_threads'].flatMap((m) => [m, `node:${m}`]);
const editor = ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageclient', 'vscode-languageclient/node'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'artifacts/', '.scratch/', 'test/artifacts/', 'test/fixtures/'] },
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
);
