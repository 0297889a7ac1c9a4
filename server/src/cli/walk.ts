// Which files `pyinsight check PATHS` looks at. Folders are walked in sorted order (by name, code unit order, so the
// output is the same on every machine); explicitly named files are checked whatever their extension, and explicitly
// named folders are walked even if their own name is excluded, as Ruff does without --force-exclude.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/**
 * Ruff's default `exclude` (crates/ruff_workspace/src/settings.rs), plus `__pycache__`, which only holds bytecode.
 * `build` is deliberately absent: Ruff dropped it because it is a common package name.
 */
export const EXCLUDED_FOLDERS: ReadonlySet<string> = new Set([
  '.bzr', '.direnv', '.eggs', '.git', '.git-rewrite', '.hg', '.ipynb_checkpoints', '.mypy_cache', '.nox', '.pants.d',
  '.pyenv', '.pytest_cache', '.pytype', '.ruff_cache', '.svn', '.tox', '.venv', '.vscode', '__pypackages__', '_build',
  'buck-out', 'dist', 'node_modules', 'site-packages', 'venv', '__pycache__',
]);

const PYTHON_EXTENSIONS = new Set(['.py', '.pyi']);

export interface WalkProblem {
  readonly path: string;
  readonly message: string;
}

export interface WalkResult {
  /** Absolute paths, each once, in argument order and then walk order. */
  readonly files: string[];
  readonly problems: WalkProblem[];
}

export function collectFiles(paths: readonly string[], cwd: string): WalkResult {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: WalkProblem[] = [];
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };

  function walk(folder: string, isRoot: boolean): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: folder, message: describe(error) });
      return;
    }
    // A virtualenv under any name (`env`, `.env-3.12`, …) is recognised by the marker file venv writes.
    if (!isRoot && entries.some((e) => e.name === 'pyvenv.cfg' && !e.isDirectory())) return;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? linkKind(path) : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      // Symlinked folders are not followed: they can form cycles, and Ruff's walker does not follow them either.
      if (kind === 'folder' && !entry.isSymbolicLink() && !EXCLUDED_FOLDERS.has(entry.name)) walk(path, false);
      else if (kind === 'file' && PYTHON_EXTENSIONS.has(extname(entry.name))) add(path);
    }
  }

  for (const given of paths) {
    const path = resolve(cwd, given);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      problems.push({ path, message: describe(error) });
      continue;
    }
    if (isFolder) walk(path, true);
    else add(path);
  }
  return { files, problems };
}

function linkKind(path: string): 'file' | 'folder' | 'other' {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
  } catch {
    return 'other'; // A dangling link is not a file to check.
  }
}

/** A one-line reason for a file system error: "No such file or directory" rather than Node's full message. */
export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
