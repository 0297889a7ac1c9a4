// Real bytecode results for the bytecode-text tests: the bridge's PythonService on a fixture that has every kind of
// code object (module, function, closure, comprehension, lambda, class, method), jumps and an exception table.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BytecodeOk } from '../../server/src/protocol';
import { defaultHelperScript, PythonService } from '../../server/src/python/pythonService';

export const BYTECODE_FIXTURE = `import os

def total(xs, scale=1):
    acc = 0
    for x in xs:
        try:
            acc += x * scale
        except TypeError:
            continue
    return [y for y in xs if y is not None] or acc

def outer():
    name = "héllo 𝒳\\n<script>"
    def inner():
        return name
    return inner, (lambda v: v + 1)

class Account:
    def __init__(self, balance):
        self.__balance = balance
`;

const PYENV = '/root/.pyenv/versions';

/** python3 plus the pyenv interpreters present on this machine (3.8 and 3.13 bracket the formats dis has had). */
export function bytecodeInterpreters(): string[] {
  return ['python3', ...['3.8.18', '3.13.0'].map((v) => join(PYENV, v, 'bin', 'python3')).filter((p) => existsSync(p))];
}

export async function realBytecode(pythons: readonly string[], source = BYTECODE_FIXTURE): Promise<Map<string, BytecodeOk>> {
  const service = new PythonService({ helperScript: defaultHelperScript(), timeoutMs: 30000 });
  try {
    const results = new Map<string, BytecodeOk>();
    for (const python of pythons) {
      const result = await service.bytecode(source, python, { optimize: 0, showCaches: false, adaptive: false });
      if (result.kind !== 'ok') throw new Error(`${python}: ${result.kind}: ${result.message}`);
      results.set(python, result);
    }
    return results;
  } finally {
    service.dispose();
  }
}
