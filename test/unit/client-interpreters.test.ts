// Which interpreter the views run (client/src/interpreters.ts), on real files in a temporary folder: the order of
// issue 5 (setting → Python extension → python3 → python), the workspace-trust rule, path expansion, PATH lookup,
// and the deduplicated list offered for comparison.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonical, versionedInterpreters } from '../../client/src/discovery';
import { chooseInterpreter, dedupeInterpreters, findOnPath, locateConfigured, pickSetting, type HostFacts } from '../../client/src/interpreters';

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

describe('client: choosing the interpreter', () => {
  let root: string;
  let bin1: string;
  let bin2: string;
  let folder: string;

  function tool(dir: string, name: string, mode = 0o755): string {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    writeFileSync(file, '#!/bin/sh\necho fake\n');
    chmodSync(file, mode);
    return file;
  }

  /** `noFolder`: as when no folder is open. */
  function host(pathEnv: string, noFolder?: 'noFolder'): HostFacts {
    return { platform: 'linux', pathEnv, home: join(root, 'home'), workspaceFolder: noFolder ? undefined : folder, isExecutable };
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pyinsight-interp-'));
    bin1 = join(root, 'bin1');
    bin2 = join(root, 'bin2');
    folder = join(root, 'project');
    mkdirSync(folder);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('uses the folder value, then the workspace value, then the user value when the workspace is trusted', () => {
    assert.deepEqual(pickSetting({ globalValue: 'u', workspaceValue: 'w', workspaceFolderValue: 'f' }, true), { value: 'f', from: 'folder settings' });
    assert.deepEqual(pickSetting({ globalValue: 'u', workspaceValue: 'w' }, true), { value: 'w', from: 'workspace settings' });
    assert.deepEqual(pickSetting({ globalValue: 'u' }, true), { value: 'u', from: 'user settings' });
    assert.deepEqual(pickSetting(undefined, true), { value: undefined, from: undefined });
  });

  it('in an untrusted workspace, uses only the user value and reports the ignored workspace value', () => {
    assert.deepEqual(pickSetting({ globalValue: 'u', workspaceValue: 'w' }, false), { value: 'u', from: 'user settings', ignored: 'workspace settings' });
    assert.deepEqual(pickSetting({ workspaceFolderValue: 'f' }, false), { value: undefined, from: undefined, ignored: 'folder settings' });
  });

  it('never runs a repository-shipped interpreter named in an untrusted workspace\'s settings', () => {
    const evil = tool(join(folder, '.venv', 'bin'), 'python');
    const safe = tool(bin1, 'python3');
    const inputs = { pythonPath: { workspaceValue: evil }, host: host(bin1) };
    const untrusted = chooseInterpreter({ ...inputs, trusted: false });
    assert.equal(untrusted.kind, 'found');
    assert.equal(untrusted.kind === 'found' && untrusted.command, safe);
    assert.match(untrusted.notes.join('\n'), /pyinsight\.pythonPath in the workspace settings is ignored because this workspace is not trusted/);
    const trusted = chooseInterpreter({ ...inputs, trusted: true });
    assert.equal(trusted.kind === 'found' && trusted.command, evil);
    assert.equal(trusted.kind === 'found' && trusted.origin, 'pyinsight.pythonPath (workspace settings)');
  });

  it('in an untrusted workspace, does not let even a user setting reach into the workspace folder', () => {
    tool(join(folder, '.venv', 'bin'), 'python');
    tool(bin1, 'python3');
    for (const value of ['${workspaceFolder}/.venv/bin/python', '.venv/bin/python']) {
      const untrusted = chooseInterpreter({ pythonPath: { globalValue: value }, trusted: false, host: host(bin1) });
      assert.equal(untrusted.kind, 'missing', value);
      assert.match(untrusted.kind === 'missing' ? untrusted.message : '', /the workspace is not trusted, so paths inside it are not run/);
      const trusted = chooseInterpreter({ pythonPath: { globalValue: value }, trusted: true, host: host(bin1) });
      assert.equal(trusted.kind === 'found' && trusted.command, join(folder, '.venv', 'bin', 'python'), value);
    }
  });

  it('prefers the setting, then the Python extension, then python3, then python', () => {
    const python = tool(bin2, 'python');
    const python3 = tool(bin2, 'python3');
    const fromExtension = tool(join(root, 'env', 'bin'), 'python');
    const configured = tool(join(root, 'opt'), 'py');
    const base = { trusted: true, host: host(`${bin1}:${bin2}`) };
    const pick = (inputs: Parameters<typeof chooseInterpreter>[0]) => {
      const choice = chooseInterpreter(inputs);
      return choice.kind === 'found' ? choice.command : choice.message;
    };
    assert.equal(pick({ ...base, pythonPath: { globalValue: configured }, pythonExtension: fromExtension }), configured);
    assert.equal(pick({ ...base, pythonPath: { globalValue: '  ' }, pythonExtension: fromExtension }), fromExtension);
    assert.equal(pick({ ...base, pythonPath: undefined }), python3);
    rmSync(python3);
    assert.equal(pick({ ...base, pythonPath: undefined }), python);
    // A Python extension answer that is not a file falls through to PATH, with a note.
    const gone = chooseInterpreter({ ...base, pythonPath: undefined, pythonExtension: join(root, 'missing', 'python') });
    assert.equal(gone.kind === 'found' && gone.command, python);
    assert.match(gone.notes.join(), /is not an executable file/);
  });

  it('reports a configured interpreter that does not exist instead of replacing it', () => {
    tool(bin1, 'python3');
    const choice = chooseInterpreter({ pythonPath: { globalValue: '/nowhere/python9' }, trusted: true, host: host(bin1) });
    assert.equal(choice.kind, 'missing');
    assert.match(choice.kind === 'missing' ? choice.message : '', /^pyinsight\.pythonPath \(user settings\) is "\/nowhere\/python9", which names \/nowhere\/python9, which is not an executable file\./);
  });

  it('says plainly when there is no interpreter at all', () => {
    const choice = chooseInterpreter({ pythonPath: undefined, trusted: true, host: host(bin1) });
    assert.equal(choice.kind, 'missing');
    assert.match(choice.kind === 'missing' ? choice.message : '', /No Python interpreter found: .*neither python3 nor python is on PATH\. Set pyinsight\.pythonPath/);
  });

  it('expands ~, ${userHome} and ${workspaceFolder}, resolves relative paths from the folder and bare names on PATH', () => {
    const venv = tool(join(folder, '.venv', 'bin'), 'python');
    const home = tool(join(root, 'home', 'py', 'bin'), 'python3');
    const onPath = tool(bin1, 'python3.12');
    assert.deepEqual(locateConfigured('${workspaceFolder}/.venv/bin/python', host(bin1)), { ok: true, file: venv });
    assert.deepEqual(locateConfigured('.venv/bin/python', host(bin1)), { ok: true, file: venv });
    assert.deepEqual(locateConfigured('~/py/bin/python3', host(bin1)), { ok: true, file: home });
    assert.deepEqual(locateConfigured('${userHome}/py/bin/python3', host(bin1)), { ok: true, file: home });
    assert.deepEqual(locateConfigured('python3.12', host(bin1)), { ok: true, file: onPath });
    assert.deepEqual(locateConfigured('python3.99', host(bin1)), { ok: false, problem: 'is not on PATH' });
    assert.deepEqual(locateConfigured('${workspaceFolder}/x', host(bin1, 'noFolder')), { ok: false, problem: 'uses ${workspaceFolder}, but no folder is open' });
    assert.deepEqual(locateConfigured('.venv/bin/python', host(bin1, 'noFolder')), { ok: false, problem: 'is a relative path, but no folder is open' });
  });

  it('skips relative PATH entries, directories and files without the execute bit', () => {
    tool(folder, 'python3'); // reachable only through a relative entry
    mkdirSync(join(bin1, 'python3'), { recursive: true }); // a directory named like the command
    tool(bin2, 'python3', 0o644); // not executable
    const real = tool(join(root, 'bin3'), 'python3');
    const pathEnv = ['.', '', 'project', join(bin1), bin2, join(root, 'bin3')].join(':');
    assert.equal(findOnPath('python3', { ...host(pathEnv), workspaceFolder: folder }), real);
  });

  it('tries PATHEXT on Windows', () => {
    const files = new Set(['C:\\Python312\\python3.EXE']);
    const win: HostFacts = { platform: 'win32', pathEnv: 'relative;C:\\Tools;C:\\Python312', pathExt: '.COM;.EXE', home: 'C:\\Users\\me', isExecutable: (f) => files.has(f) };
    assert.equal(findOnPath('python3', win), 'C:\\Python312\\python3.EXE');
    assert.equal(locateConfigured('C:\\Python312\\python3.EXE', win).ok, true);
  });

  it('finds a python3 on this machine that really runs', () => {
    const choice = chooseInterpreter({ pythonPath: undefined, trusted: true, host: { platform: process.platform, pathEnv: process.env.PATH, home: homedir(), isExecutable } });
    assert.equal(choice.kind, 'found');
    const version = execFileSync(choice.kind === 'found' ? choice.command : 'false', ['-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' });
    assert.equal(version.trim(), '3');
  });

  it('offers each other interpreter once, in order, without the current one, at most eight', () => {
    const a = tool(bin1, 'python3.12');
    const link = join(bin2, 'python3');
    mkdirSync(bin2, { recursive: true });
    symlinkSync(a, link);
    const key = (file: string) => {
      try {
        return realpathSync(file);
      } catch {
        return file;
      }
    };
    assert.deepEqual(dedupeInterpreters([a, ' ', link, '/x/p1', '/x/p1', '/x/p2'], undefined, key), [a, '/x/p1', '/x/p2']);
    assert.deepEqual(dedupeInterpreters([a, '/x/p1'], link, key), ['/x/p1'], 'the current interpreter (through a symlink) is left out');
    const many = Array.from({ length: 12 }, (_, i) => `/x/python${i}`);
    assert.equal(dedupeInterpreters(many, undefined, key).length, 8);
  });

  it('finds versioned interpreters on PATH (not through shims) and in pyenv, newest first', () => {
    const shims = join(root, '.pyenv', 'shims');
    tool(shims, 'python3.12'); // a shim: picks a version by folder, so it is not offered
    const usr = tool(bin1, 'python3.11');
    const older = tool(bin1, 'python3.9');
    const pyenv = join(root, '.pyenv');
    const v312 = tool(join(pyenv, 'versions', '3.12.1', 'bin'), 'python3');
    const v310 = tool(join(pyenv, 'versions', '3.10.13', 'bin'), 'python3');
    mkdirSync(join(pyenv, 'versions', '3.13.0-broken'), { recursive: true }); // no interpreter inside
    const found = versionedInterpreters(host(`${shims}:${bin1}`), pyenv);
    assert.deepEqual(found, [usr, older, v312, v310]);
    assert.deepEqual(versionedInterpreters(host(bin1), join(root, 'no-pyenv')), [usr, older]);
    assert.equal(canonical(join(root, 'bin1', '..', 'bin1', 'python3.11')), realpathSync(usr));
  });

  it('offers only interpreters on this machine that really run', function () {
    const found = versionedInterpreters({ platform: process.platform, pathEnv: process.env.PATH, home: homedir(), isExecutable }, join(homedir(), '.pyenv'));
    if (found.length === 0) this.skip(); // no python3.N on PATH and no pyenv on this machine
    for (const file of found) {
      assert.match(execFileSync(file, ['-I', '-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' }), /^3\s*$/, file);
    }
  });
});
