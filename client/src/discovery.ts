// The file-system side of finding interpreters (no vscode): what counts as executable, one key per real file, and
// the versioned interpreters on this machine that the bytecode view can offer for comparison.
import { accessSync, constants, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { findOnPath, VERSIONED_NAMES, type HostFacts } from './interpreters';

export function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The same interpreter reached through a symlink (/bin → /usr/bin, a venv's python) gets the same key. */
export function canonical(file: string): string {
  let real = file;
  try {
    real = realpathSync(file);
  } catch {
    // A configured command that does not exist yet still gets a stable key.
  }
  return process.platform === 'win32' ? real.toLowerCase() : real;
}

/**
 * python3.N on PATH, newest first — but not through version-manager shims (pyenv, asdf), which pick the version by
 * folder and fail for the others — then each version pyenv has installed under `pyenvRoot`.
 */
export function versionedInterpreters(host: HostFacts, pyenvRoot: string | undefined): string[] {
  const found: string[] = [];
  const p = host.platform === 'win32' ? path.win32 : path.posix;
  const noShims: HostFacts = { ...host, isExecutable: (file) => p.basename(p.dirname(file)) !== 'shims' && host.isExecutable(file) };
  for (const name of VERSIONED_NAMES) {
    const file = findOnPath(name, noShims);
    if (file) found.push(file);
  }
  if (!pyenvRoot) return found;
  let versions: string[];
  try {
    versions = readdirSync(p.join(pyenvRoot, 'versions'));
  } catch {
    return found; // no pyenv here
  }
  versions.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  for (const version of versions) {
    const file = host.platform === 'win32' ? p.join(pyenvRoot, 'versions', version, 'python.exe') : p.join(pyenvRoot, 'versions', version, 'bin', 'python3');
    if (host.isExecutable(file)) found.push(file);
  }
  return found;
}
