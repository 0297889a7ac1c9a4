// One build for everything that ships: the VS Code client, the language server, the CLI.
// The two .wasm files are copied next to the bundles because parsing/treeSitter.ts looks for them beside itself.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { version } = require('./package.json');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // parsing/treeSitter.ts resolves the .wasm files from node_modules only when not running from the bundle.
  logOverride: { 'require-resolve-not-external': 'silent' },
  outdir: 'dist',
  define: { 'process.env.PYINSIGHT_VERSION': JSON.stringify(version) },
  // web-tree-sitter's ESM build calls createRequire(import.meta.url), which is empty in a CJS bundle: use its CJS build.
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] },
  {
    ...common,
    entryPoints: { server: 'server/src/main.ts', cli: 'server/src/cli/main.ts' },
    banner: { js: '#!/usr/bin/env node' },
  },
  // The webviews run in the browser sandbox: one IIFE per view, no Node APIs, served from dist/media/.
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    outdir: 'dist/media',
    entryPoints: { astExplorer: 'media/src/astExplorer/main.ts', bytecodeView: 'media/src/bytecodeView/main.ts' },
  },
];

function copyWasm() {
  mkdirSync('dist', { recursive: true });
  const runtime = join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm');
  const grammar = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
  copyFileSync(runtime, 'dist/web-tree-sitter.wasm');
  copyFileSync(grammar, 'dist/tree-sitter-python.wasm');
  // The CPython bridge's helper runs from beside the bundle (python/pythonService.ts defaultHelperScript).
  copyFileSync('server/src/python/helper.py', 'dist/helper.py');
}

copyWasm();
mkdirSync('dist/media', { recursive: true });
copyFileSync('media/views.css', 'dist/media/views.css');
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
