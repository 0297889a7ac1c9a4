// pyproject.toml [tool.pyinsight] for a file on disk, shared by the language server and the CLI.
// Like Ruff, the nearest pyproject.toml upward that has our table wins; one without it (a plain [project]) is passed
// over, so a sub-package's pyproject.toml does not silently switch a monorepo's configuration off.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { settingsFromPyproject, type SettingsLayer } from '../service/config';

/** The file system as this module needs it; tests and virtual workspaces pass their own. */
export interface PyprojectFileSystem {
  readFile(path: string): string;
  exists(path: string): boolean;
}

export interface PyprojectLayer {
  readonly layer: SettingsLayer;
  /** Problems in the file, each naming it; the offending keys are left out, so defaults stay in force. */
  readonly errors: string[];
  /** The pyproject.toml the layer came from, if any. */
  readonly path?: string;
}

const nodeFileSystem: PyprojectFileSystem = {
  readFile: (path) => readFileSync(path, 'utf8'),
  exists: (path) => existsSync(path) && statSync(path).isFile(),
};

const NONE: PyprojectLayer = { layer: {}, errors: [] };

/** A pyproject.toml that does not configure pyinsight: the search goes on upward. */
const NOT_OURS = Symbol('not ours');

export class PyprojectSettings {
  /** Folder → the layer of its nearest configuring pyproject.toml (or NONE). */
  private readonly byFolder = new Map<string, PyprojectLayer>();
  /** pyproject.toml path → its parsed layer, or NOT_OURS. Kept apart so sibling folders share one parse. */
  private readonly byFile = new Map<string, PyprojectLayer | typeof NOT_OURS>();

  constructor(private readonly fs: PyprojectFileSystem = nodeFileSystem) {}

  /** The [tool.pyinsight] layer that applies to `filePath` (a file; its folder is where the search starts). */
  layerFor(filePath: string): PyprojectLayer {
    return this.forFolder(dirname(resolve(filePath)));
  }

  /**
   * Forgets cached results. Any pyproject.toml change can move which file is nearest for many folders, so every
   * folder's answer is dropped; only the changed file's own parse is (parses of the others stay valid).
   */
  invalidate(changedPath?: string): void {
    this.byFolder.clear();
    if (changedPath === undefined) this.byFile.clear();
    else this.byFile.delete(resolve(changedPath));
  }

  private forFolder(folder: string): PyprojectLayer {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const candidate = join(folder, 'pyproject.toml');
    const own = this.fs.exists(candidate) ? this.load(candidate) : NOT_OURS;
    const parent = dirname(folder);
    const result = own !== NOT_OURS ? own : parent === folder ? NONE : this.forFolder(parent);
    this.byFolder.set(folder, result);
    return result;
  }

  private load(path: string): PyprojectLayer | typeof NOT_OURS {
    let result = this.byFile.get(path);
    if (result === undefined) {
      result = this.read(path);
      this.byFile.set(path, result);
    }
    return result;
  }

  private read(path: string): PyprojectLayer | typeof NOT_OURS {
    let text: string;
    try {
      text = this.fs.readFile(path);
    } catch (error) {
      return { layer: {}, errors: [`${path}: could not be read (${error instanceof Error ? error.message : String(error)}); using defaults`], path };
    }
    // A file we cannot parse stops the search: it is the nearest one, and may well be meant for us. Its error
    // message comes from settingsFromPyproject so the server and the CLI word it the same way.
    let hasTable: boolean;
    try {
      const document = parseToml(text) as { tool?: Record<string, unknown> };
      hasTable = typeof document.tool === 'object' && document.tool !== null && document.tool.pyinsight !== undefined;
    } catch {
      hasTable = true;
    }
    if (!hasTable) return NOT_OURS;
    const { layer, errors } = settingsFromPyproject(text, path);
    return { layer, errors, path };
  }
}
