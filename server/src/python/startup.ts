// Starting a helper: reading its greeting, and, when it did not start, why: no such program, not Python at all, a
// Python too old for the helper, or a real crash. The probe runs only after a failed start, so the common path
// costs one process, not two.
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { InterpreterInfo, PythonUnavailable } from '../protocol';
import { asNumber, asString, type WireObject } from './wire';

const PROBE_TIMEOUT_MS = 10000;
/** Valid in Python 2 and 3 alike, so even an interpreter that cannot compile the helper reports its version. */
const PROBE = 'import sys; sys.stdout.write("%d.%d.%d" % tuple(sys.version_info[:3]))';

export const MINIMUM_VERSION: readonly [number, number] = [3, 8];

const SETTING = 'Set pyinsight.pythonPath to a Python 3.8+ interpreter (or select one with the Python extension).';

export function noInterpreter(command: string): PythonUnavailable {
  return { kind: 'unavailable', reason: 'noInterpreter', message: `No Python interpreter found at "${command}". ${SETTING}` };
}

export function tooOld(command: string, version: string): PythonUnavailable {
  return {
    kind: 'unavailable',
    reason: 'unsupportedVersion',
    message: `Python ${version} at "${command}" is too old: pyinsight needs Python 3.8 or later. ${SETTING}`,
  };
}

export function isSupported(version: readonly number[]): boolean {
  const [major = 0, minor = 0] = version;
  return major > MINIMUM_VERSION[0] || (major === MINIMUM_VERSION[0] && minor >= MINIMUM_VERSION[1]);
}

/** `sys.version_info` as "3.12.1", or undefined when the program does not behave like Python. */
export function probeVersion(command: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile(command, ['-c', PROBE], { timeout: PROBE_TIMEOUT_MS, cwd: tmpdir(), windowsHide: true }, (error, stdout) => {
        const text = String(stdout).trim();
        resolve(!error && /^\d+\.\d+\.\d+$/.test(text) ? text : undefined);
      });
    } catch {
      resolve(undefined);
    }
  });
}

export interface StartFailure {
  readonly command: string;
  /** The code of spawn's error (ENOENT, EACCES), if spawning itself failed. */
  readonly spawnErrorCode?: string;
  /** What happened: "exited with code 1", "no answer within 20 s", … */
  readonly description: string;
  readonly stderr: string;
}

export async function classifyStartFailure(failure: StartFailure): Promise<PythonUnavailable> {
  const { command, spawnErrorCode, description, stderr } = failure;
  if (spawnErrorCode === 'ENOENT' || spawnErrorCode === 'ENOTDIR') return noInterpreter(command);
  if (spawnErrorCode === 'EACCES') {
    return { kind: 'unavailable', reason: 'noInterpreter', message: `"${command}" cannot be run (permission denied). ${SETTING}` };
  }
  const version = await probeVersion(command);
  if (version === undefined) {
    return { kind: 'unavailable', reason: 'notPython', message: `"${command}" does not run as a Python interpreter (${description}). ${SETTING}` };
  }
  if (!isSupported(version.split('.').map(Number))) return tooOld(command, version);
  const detail = stderr ? `\n${stderr}` : '';
  return { kind: 'unavailable', reason: 'crashed', message: `pyinsight's helper could not start under Python ${version} at "${command}" (${description}).${detail}` };
}

/** The interpreter the helper's `hello` describes, or why it cannot be used. Throws a WireError on a bad greeting. */
export function readGreeting(command: string, hello: WireObject): InterpreterInfo | PythonUnavailable {
  asNumber(hello.protocol, 'protocol');
  const interpreter: InterpreterInfo = {
    command,
    executable: asString(hello.executable, 'executable'),
    version: asString(hello.version, 'version'),
    implementation: asString(hello.implementation, 'implementation'),
  };
  return isSupported(interpreter.version.split('.').map(Number)) ? interpreter : { ...tooOld(command, interpreter.version), interpreter };
}
