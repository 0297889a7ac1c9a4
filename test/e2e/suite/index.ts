// The extensionTestsPath module: VS Code's extension host calls run() once the workbench is up, and turns a rejected
// promise into a non-zero exit code of the whole run. Mocha 12 is ESM-only, so it is imported, not required; the
// test files are CommonJS bundles (they require `vscode`, which only the extension host's require can resolve).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eMocha, importMocha, type RunSummary } from '../reporter';

export async function run(): Promise<void> {
  const Mocha = await importMocha();
  let summary: RunSummary | undefined;
  const mocha = e2eMocha(Mocha, 'ext-host', (line) => console.log(line), (s) => (summary = s), {
    // Generous: the first diagnostics wait for the language server to start inside a cold extension host.
    timeout: 60000,
  });
  // What mocha.loadFiles does, with our own require: set up describe/it on the global object, then load each file.
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  if (files.length === 0) throw new Error(`no *.test.js beside ${__filename}: run node test/e2e/build.mjs`);
  for (const file of files) {
    const path = join(__dirname, file);
    mocha.suite.emit('pre-require', globalThis, path, mocha);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose: see the top of this file
    require(path);
    mocha.suite.emit('post-require', globalThis, path, mocha);
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  // The runner outside reads this file: console lines from the extension host are forwarded on a best-effort basis.
  const reportFile = process.env.PYINSIGHT_E2E_REPORT;
  if (reportFile && summary) writeFileSync(reportFile, JSON.stringify(summary));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
