// Runs the BUILT CLI (dist/cli.js) as users do. Builds it first when it is missing or older than the sources, and
// copies the fixture projects to a temporary folder: there, nothing above them has a pyproject.toml, and the
// folders .gitignore keeps out of the repository (node_modules/, dist/) can be created for the skip tests.
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(join(ROOT, 'server', 'src'))) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
}

export function runCli(args: readonly string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh copy of test/fixtures/cli; returns its path. */
export function fixtureCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'pyinsight-cli-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'cli'), root, { recursive: true });
  for (const [path, text] of [
    ['project/node_modules/pkg/vendored.py', 'x = 1\nv = x is 1\n'],
    ['project/dist/out.py', 'x = 1\nv = x is 1\n'],
  ]) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export function removeCopy(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Lines of the text format, for order-sensitive comparisons. */
export const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');
