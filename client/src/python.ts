// Which interpreter the views ask the server to run (design.md §1, issue 5): pyinsight.pythonPath, else the Python
// extension's active interpreter, else python3/python on PATH. The decisions are in interpreters.ts; this file gathers
// their inputs from VS Code, caches the answer per workspace folder and says when it may have changed (settings,
// workspace trust granted, the Python extension's active environment or its list of environments).
import { PVSC_EXTENSION_ID, PythonExtension } from '@vscode/python-extension';
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { canonical, isExecutable, versionedInterpreters } from './discovery';
import { chooseInterpreter, dedupeInterpreters, locateConfigured, pickSetting, withTrust, type HostFacts, type InterpreterChoice } from './interpreters';

export type { InterpreterChoice };

/** Python API calls can wait on the Python extension's discovery; a view must not wait for ever. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(undefined)),
    );
  });
}

export class InterpreterResolver implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the answer of `resolve` or `others` may differ from before. */
  readonly onDidChange = this.changed.event;
  private readonly cache = new Map<string, Promise<InterpreterChoice>>();
  private readonly othersCache = new Map<string, Promise<string[]>>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private pythonApi: Promise<PythonExtension | undefined> | undefined;
  private readonly logged = new Set<string>();
  private pythonPresent = vscode.extensions.getExtension(PVSC_EXTENSION_ID) !== undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate('workspace trust granted')),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('pyinsight.pythonPath') || e.affectsConfiguration('pyinsight.compareInterpreters')) {
          this.invalidate('interpreter settings changed');
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate('workspace folders changed')),
      // The Python extension can be installed, enabled or disabled while we run.
      vscode.extensions.onDidChange(() => {
        const present = vscode.extensions.getExtension(PVSC_EXTENSION_ID) !== undefined;
        if (present !== this.pythonPresent) {
          this.pythonPresent = present;
          this.pythonApi = undefined;
          this.invalidate(`the Python extension was ${present ? 'enabled' : 'disabled'}`);
        }
      }),
      { dispose: () => clearTimeout(this.pending) },
    );
  }

  /** The interpreter for documents of `resource`'s workspace folder. */
  resolve(resource: vscode.Uri | undefined): Promise<InterpreterChoice> {
    return perFolder(this.cache, resource, (folder) => this.compute(resource, folder));
  }

  /** Interpreters to compare against: pyinsight.compareInterpreters, the Python extension's, versioned ones found. */
  others(resource: vscode.Uri | undefined): Promise<string[]> {
    return perFolder(this.othersCache, resource, (folder) => this.computeOthers(resource, folder));
  }

  private async computeOthers(resource: vscode.Uri | undefined, folder: vscode.WorkspaceFolder | undefined): Promise<string[]> {
    const trusted = vscode.workspace.isTrusted;
    const host = withTrust(this.hostFacts(folder), trusted);
    const setting = pickSetting(vscode.workspace.getConfiguration('pyinsight', resource).inspect<string[]>('compareInterpreters'), trusted);
    if (setting.ignored) this.note(`pyinsight.compareInterpreters in the ${setting.ignored} is ignored because this workspace is not trusted.`);
    const configured = (Array.isArray(setting.value) ? setting.value : [])
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      .map((value) => {
        const located = locateConfigured(value, host);
        return located.ok ? located.file : value;
      });
    const known: string[] = [];
    const api = trusted ? await this.api() : undefined;
    for (const env of api?.environments.known ?? []) {
      if (env.executable.uri) known.push(env.executable.uri.fsPath);
    }
    const current = await this.resolve(resource);
    return dedupeInterpreters([...configured, ...known, ...versionedInterpreters(host, process.env.PYENV_ROOT ?? path.join(host.home, '.pyenv'))], current.kind === 'found' ? current.command : undefined, canonical);
  }

  private async compute(resource: vscode.Uri | undefined, folder: vscode.WorkspaceFolder | undefined): Promise<InterpreterChoice> {
    const trusted = vscode.workspace.isTrusted;
    const inspection = vscode.workspace.getConfiguration('pyinsight', resource).inspect<string>('pythonPath');
    const configured = pickSetting(inspection, trusted).value?.trim();
    // The Python extension's choice can itself come from workspace settings, so it is not consulted when untrusted.
    const pythonExtension = !configured && trusted ? await this.activeEnvironment(resource) : undefined;
    const choice = chooseInterpreter({ pythonPath: inspection, trusted, pythonExtension, host: this.hostFacts(folder) });
    for (const note of choice.notes) this.note(note);
    if (!trusted && !configured && this.pythonPresent) this.note("This workspace is not trusted: the Python extension's interpreter is not used; looking on PATH.");
    this.note(choice.kind === 'found' ? `Python for the views: ${choice.command} (${choice.origin})` : choice.message);
    return choice;
  }

  private async activeEnvironment(resource: vscode.Uri | undefined): Promise<string | undefined> {
    const api = await this.api();
    if (!api) return undefined;
    const active = api.environments.getActiveEnvironmentPath(resource);
    const env = await within(api.environments.resolveEnvironment(active), 5000);
    return env?.executable.uri?.fsPath;
  }

  /** The Python extension's API, when it is installed; it is optional, so every failure here means "not there". */
  private api(): Promise<PythonExtension | undefined> {
    if (vscode.extensions.getExtension(PVSC_EXTENSION_ID) === undefined) return Promise.resolve(undefined);
    if (!this.pythonApi) {
      this.pythonApi = within(PythonExtension.api(), 10000).then((api) => {
        if (!api) {
          this.note('The Python extension did not answer; it is not used for choosing an interpreter.');
          return undefined;
        }
        this.disposables.push(
          api.environments.onDidChangeActiveEnvironmentPath(() => this.invalidate("the Python extension's interpreter changed")),
          // Discovery reports environments one by one: settle before refreshing the views.
          api.environments.onDidChangeEnvironments(() => {
            clearTimeout(this.pending);
            this.pending = setTimeout(() => this.invalidate("the Python extension's environments changed"), 1000);
          }),
        );
        return api;
      });
    }
    return this.pythonApi;
  }

  private hostFacts(folder: vscode.WorkspaceFolder | undefined): HostFacts {
    return {
      platform: process.platform,
      pathEnv: process.env.PATH ?? process.env.Path,
      pathExt: process.env.PATHEXT,
      home: homedir(),
      workspaceFolder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
      isExecutable,
    };
  }

  private invalidate(reason: string): void {
    this.cache.clear();
    this.othersCache.clear();
    this.logged.clear();
    this.log.info(`Choosing the Python interpreter again: ${reason}`);
    this.changed.fire();
  }

  /** The same note is written once until something changes, not on every refresh. */
  private note(text: string): void {
    if (this.logged.has(text)) return;
    this.logged.add(text);
    this.log.info(text);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The answer for `resource`'s workspace folder, computed once per folder (until the cache is cleared). */
function perFolder<T>(cache: Map<string, Promise<T>>, resource: vscode.Uri | undefined, compute: (folder: vscode.WorkspaceFolder | undefined) => Promise<T>): Promise<T> {
  const folder = resource ? vscode.workspace.getWorkspaceFolder(resource) : undefined;
  const key = folder?.uri.toString() ?? '';
  let answer = cache.get(key);
  if (!answer) cache.set(key, (answer = compute(folder)));
  return answer;
}
