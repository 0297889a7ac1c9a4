// Bundles what cannot run as TypeScript: the extension-host test suite (VS Code loads it with require) and the
// launcher that test-electron spawns as "the VS Code executable". Output: test/e2e/out/ (gitignored).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
rmSync(out, { recursive: true, force: true });

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', logLevel: 'warning' };
const tests = readdirSync(join(here, 'suite')).filter((name) => name.endsWith('.test.ts'));

await Promise.all([
  esbuild.build({ ...common, entryPoints: { launcher: join(here, 'launcher', 'main.ts') }, outdir: out, external: ['playwright-core'] }),
  esbuild.build({
    ...common,
    // Each test file is its own bundle, required by suite/index.js after mocha has set up describe/it.
    entryPoints: ['index.ts', ...tests].map((name) => join(here, 'suite', name)),
    outdir: join(out, 'suite'),
    // vscode is provided by the extension host; mocha 12 is ESM and is loaded from node_modules at run time.
    external: ['vscode', 'mocha'],
  }),
]);
