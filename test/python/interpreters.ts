// Test helpers for the CPython bridge: which interpreters this machine has (python3 plus pyenv's 3.8–3.13), and
// running a short Python script (parse/compile/dis only, never user code) to compute expectations independently.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AstNode, AstValue } from '../../server/src/protocol';
import { defaultHelperScript, PythonService, type PythonServiceOptions } from '../../server/src/python/pythonService';

export interface Interpreter {
  readonly command: string;
  readonly version: string;
  readonly minor: number;
}

function versionOf(command: string): string | undefined {
  const result = spawnSync(command, ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

let cached: Interpreter[] | undefined;

/** One interpreter per minor version 3.8–3.13 found under pyenv, then python3.X on PATH. */
export function availableInterpreters(): Interpreter[] {
  if (cached) return cached;
  const byMinor = new Map<number, Interpreter>();
  const root = join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'versions');
  const candidates = existsSync(root) ? readdirSync(root).map((name) => join(root, name, 'bin', 'python3')) : [];
  for (let minor = 8; minor <= 13; minor++) candidates.push(`python3.${minor}`);
  for (const command of candidates) {
    if (command.includes('/') && !existsSync(command)) continue;
    const version = versionOf(command);
    const minor = version && version.startsWith('3.') ? Number(version.split('.')[1]) : NaN;
    if (version && minor >= 8 && minor <= 13 && !byMinor.has(minor)) byMinor.set(minor, { command, version, minor });
  }
  cached = [...byMinor.values()].sort((a, b) => a.minor - b.minor);
  return cached;
}

export function interpreterFor(minor: number): Interpreter | undefined {
  return availableInterpreters().find((i) => i.minor === minor);
}

/** The interpreter for Python 3.`minor`; where there is none, skips the running test and says why in its title. */
export function interpreterOrSkip(context: Mocha.Context, minor: number): Interpreter {
  const python = interpreterFor(minor);
  if (!python) {
    context.test!.title += ` — skipped: no Python 3.${minor} on this machine`;
    context.skip();
  }
  return python!;
}

/** A PythonService on the bundled helper.py for the enclosing suite, disposed after it (helpers start on first use). */
export function usePythonService(options: Omit<PythonServiceOptions, 'helperScript'> = {}): PythonService {
  const service = new PythonService({ helperScript: defaultHelperScript(), ...options });
  after(() => service.dispose());
  return service;
}

/** Runs `script` under `command` with `input` on stdin and returns stdout; throws with stderr on failure. */
export function runPython(command: string, script: string, input = ''): string {
  const result = spawnSync(command, ['-c', script], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

/** A pre-order over AST nodes written independently of helper.py (recursive, via ast.iter_child_nodes). */
export const PREORDER_PY = `
import ast
def preorder(node):
    yield node
    for child in ast.iter_child_nodes(node):
        yield from preorder(child)
`;

/** Code objects in the order helper.py lists them, walked independently of it: pre-order over co_consts, module first. */
export const CODE_WALK_PY = `
def walk(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from walk(const)
`;

/** Every node of a result, in id order (iteratively: results can be deep). */
export function allNodes(root: AstNode): AstNode[] {
  const out: AstNode[] = [];
  const stack: AstNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    out.push(node);
    const children: AstNode[] = [];
    const values: AstValue[] = node.fields.map((f) => f.value);
    while (values.length) {
      const value = values.shift()!;
      if (value.kind === 'node') children.push(value.node);
      else if (value.kind === 'list') values.unshift(...value.items);
    }
    stack.push(...children.reverse());
  }
  return out;
}
