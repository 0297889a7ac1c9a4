// Which Python to run, as pure decisions over data the caller gathers (settings, trust, the Python extension's
// answer, the file system through callbacks), so the whole order — and the workspace-trust rule — is unit-tested
// without VS Code. python.ts gathers the inputs and owns the events.
import * as path from 'node:path';

/** The parts of `WorkspaceConfiguration.inspect()` that decide a value (language-specific values do not apply). */
export interface SettingInspection<T> {
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
}

export interface PickedSetting<T> {
  readonly value?: T;
  /** Where the value came from, for messages: `user settings`, `workspace settings`, `folder settings`. */
  readonly from?: string;
  /** Set when a workspace or folder value exists but was not used because the workspace is not trusted. */
  readonly ignored?: string;
}

/**
 * The effective value of a setting that names a program to run. In an untrusted workspace, a value from the
 * workspace or folder settings could make us run a binary the repository ships, so only the user's own value counts.
 */
export function pickSetting<T>(inspection: SettingInspection<T> | undefined, trusted: boolean): PickedSetting<T> {
  const folder = inspection?.workspaceFolderValue;
  const workspace = inspection?.workspaceValue;
  const user = inspection?.globalValue;
  if (!trusted) {
    const ignored = folder !== undefined ? 'folder settings' : workspace !== undefined ? 'workspace settings' : undefined;
    return { value: user, from: user === undefined ? undefined : 'user settings', ignored };
  }
  if (folder !== undefined) return { value: folder, from: 'folder settings' };
  if (workspace !== undefined) return { value: workspace, from: 'workspace settings' };
  return { value: user, from: user === undefined ? undefined : 'user settings' };
}

export interface HostFacts {
  readonly platform: NodeJS.Platform;
  readonly pathEnv: string | undefined;
  /** Windows' executable extensions (`.EXE;.CMD`); ignored elsewhere. */
  readonly pathExt?: string;
  readonly home: string;
  /** The resource's workspace folder (fs path), for `${workspaceFolder}` and relative paths. */
  readonly workspaceFolder?: string;
  /** Set by `withTrust` when the folder is held back because the workspace is not trusted. */
  readonly folderWithheld?: boolean;
  /** True when `file` is an existing file we may execute. */
  readonly isExecutable: (file: string) => boolean;
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Finds a bare command on PATH. Relative PATH entries (`.`, empty) are skipped: they would resolve inside the workspace. */
export function findOnPath(command: string, host: HostFacts): string | undefined {
  const p = pathApi(host.platform);
  const extensions = host.platform === 'win32' ? ['', ...(host.pathExt ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean)] : [''];
  for (const dir of (host.pathEnv ?? '').split(host.platform === 'win32' ? ';' : ':')) {
    if (!dir || !p.isAbsolute(dir)) continue;
    for (const ext of extensions) {
      const candidate = p.join(dir, command + ext);
      if (host.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * In an untrusted workspace even the user's own setting must not reach into the workspace: `${workspaceFolder}` and
 * relative paths would run whatever binary the repository ships there.
 */
export function withTrust(host: HostFacts, trusted: boolean): HostFacts {
  return trusted ? host : { ...host, workspaceFolder: undefined, folderWithheld: true };
}

function noFolder(host: HostFacts): string {
  return host.folderWithheld ? 'the workspace is not trusted, so paths inside it are not run' : 'no folder is open';
}

export type Located = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly problem: string };

/**
 * Turns a configured interpreter into a file: `~`, `${userHome}` and `${workspaceFolder}` are expanded, a bare name
 * (`python3.12`) is looked up on PATH, a relative path is taken from the workspace folder.
 */
export function locateConfigured(value: string, host: HostFacts): Located {
  const p = pathApi(host.platform);
  let text = value.trim();
  if (text.includes('${workspaceFolder}')) {
    if (!host.workspaceFolder) return { ok: false, problem: `uses \${workspaceFolder}, but ${noFolder(host)}` };
    text = text.split('${workspaceFolder}').join(host.workspaceFolder);
  }
  text = text.split('${userHome}').join(host.home);
  if (text === '~' || text.startsWith('~/') || text.startsWith('~\\')) text = host.home + text.slice(1);
  const bare = !text.includes('/') && !(host.platform === 'win32' && text.includes('\\'));
  if (bare) {
    const found = findOnPath(text, host);
    return found ? { ok: true, file: found } : { ok: false, problem: `is not on PATH` };
  }
  let file = text;
  if (!p.isAbsolute(file)) {
    if (!host.workspaceFolder) return { ok: false, problem: `is a relative path, but ${noFolder(host)}` };
    file = p.join(host.workspaceFolder, file);
  }
  file = p.normalize(file);
  return host.isExecutable(file) ? { ok: true, file } : { ok: false, problem: `names ${file}, which is not an executable file` };
}

export type InterpreterChoice =
  | { readonly kind: 'found'; readonly command: string; readonly origin: string; readonly notes: readonly string[] }
  | { readonly kind: 'missing'; readonly message: string; readonly notes: readonly string[] };

export interface ChoiceInputs {
  readonly pythonPath: SettingInspection<string> | undefined;
  readonly trusted: boolean;
  /** The executable of the Python extension's active environment, when that extension is installed and answered. */
  readonly pythonExtension?: string;
  readonly host: HostFacts;
}

/** pyinsight.pythonPath, else the Python extension's active interpreter, else python3, else python (issue 5). */
export function chooseInterpreter(inputs: ChoiceInputs): InterpreterChoice {
  const host = withTrust(inputs.host, inputs.trusted);
  const notes: string[] = [];
  const setting = pickSetting(inputs.pythonPath, inputs.trusted);
  if (setting.ignored) {
    notes.push(`pyinsight.pythonPath in the ${setting.ignored} is ignored because this workspace is not trusted.`);
  }
  const configured = setting.value?.trim();
  if (configured) {
    const located = locateConfigured(configured, host);
    if (located.ok) return { kind: 'found', command: located.file, origin: `pyinsight.pythonPath (${setting.from})`, notes };
    // An explicit setting that does not work is reported, not silently replaced by another interpreter.
    const message = `pyinsight.pythonPath (${setting.from}) is "${configured}", which ${located.problem}. Fix the setting or clear it to use the Python extension's interpreter or python3 on PATH.`;
    return { kind: 'missing', message, notes };
  }
  if (inputs.pythonExtension) {
    if (host.isExecutable(inputs.pythonExtension)) {
      return { kind: 'found', command: inputs.pythonExtension, origin: "the Python extension's active interpreter", notes };
    }
    notes.push(`The Python extension's active interpreter ${inputs.pythonExtension} is not an executable file; looking on PATH.`);
  }
  for (const name of ['python3', 'python']) {
    const found = findOnPath(name, host);
    if (found) return { kind: 'found', command: found, origin: `${name} on PATH`, notes };
  }
  const message =
    'No Python interpreter found: pyinsight.pythonPath is not set' +
    (inputs.trusted ? ", the Python extension reports no interpreter" : ' (for this untrusted workspace, in your user settings)') +
    ', and neither python3 nor python is on PATH. Set pyinsight.pythonPath to a Python 3.8+ executable.';
  return { kind: 'missing', message, notes };
}

/**
 * The interpreters offered for comparison: in the given order, without blanks, without the current one, each file
 * once (by `key`, e.g. its real path), at most `cap`.
 */
export function dedupeInterpreters(
  candidates: readonly string[],
  current: string | undefined,
  key: (command: string) => string,
  cap = 8,
): string[] {
  const seen = new Set<string>();
  if (current) seen.add(key(current));
  const out: string[] = [];
  for (const raw of candidates) {
    const command = raw.trim();
    if (!command) continue;
    const k = key(command);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(command);
    if (out.length >= cap) break;
  }
  return out;
}

/** `python3.8` … `python3.14`: versioned names worth looking for on PATH when offering comparisons. */
export const VERSIONED_NAMES: readonly string[] = [14, 13, 12, 11, 10, 9, 8].map((minor) => `python3.${minor}`);
