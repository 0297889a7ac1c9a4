// The helper's life cycle against the real python3: timeouts, kills, inputs that make CPython give up, the bounded
// queue. After each failure the very next request must work: the bridge never stays broken.
import assert from 'node:assert/strict';
import type { PythonAstResult } from '../../server/src/protocol';
import { defaultHelperScript, PythonService } from '../../server/src/python/pythonService';

const PY = 'python3';
const NO_CACHES = { optimize: 0, showCaches: false, adaptive: false } as const;

/** A large, valid module: compiling and disassembling it takes CPython well over a second. */
function bigModule(lines: number): string {
  const parts: string[] = [];
  for (let i = 0; i < lines; i++) parts.push(`def f${i}(a, b=[1, 2]):\n    return {a: b for b in range(a) if b % 3} or f"{a!r}"\n`);
  return parts.join('');
}

function assertOk(result: PythonAstResult): void {
  assert.equal(result.kind, 'ok', JSON.stringify(result).slice(0, 300));
}

/** Polls `probe` until it returns a value (no fixed sleeps); fails after `timeoutMs`. */
async function waitFor<T>(probe: () => T | undefined, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** One turn of the event loop: a request just made is then on its way to the helper. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function reasonOf(result: { kind: string; reason?: string }): string | undefined {
  return result.kind === 'unavailable' ? result.reason : result.kind;
}

describe('PythonService life cycle', function () {
  this.timeout(60000);
  const services: PythonService[] = [];
  const make = (timeoutMs?: number) => {
    const service = new PythonService({ helperScript: defaultHelperScript(), timeoutMs });
    services.push(service);
    return service;
  };
  /** A service whose helper is already running: its first answer was checked. */
  const started = async (timeoutMs?: number) => {
    const service = make(timeoutMs);
    assertOk(await service.pythonAst('x = 1\n', PY));
    return service;
  };
  after(() => services.forEach((s) => s.dispose()));

  it('stops a request that runs past its timeout, kills the helper, and serves the next request', async () => {
    const service = await started(400);
    const firstPid = service.helperPid(PY);
    const slow = await service.bytecode(bigModule(40000), PY, NO_CACHES);
    assert.equal(reasonOf(slow), 'timeout', JSON.stringify(slow).slice(0, 300));
    if (slow.kind === 'unavailable') {
      assert.match(slow.message, /longer than 0\.4 s/);
      assert.equal(slow.interpreter?.command, PY, 'the message still names the interpreter');
    }
    assertOk(await service.pythonAst('y = 2\n', PY));
    assert.notEqual(service.helperPid(PY), firstPid, 'a fresh helper');
  });

  it('restarts after the helper is killed between requests', async () => {
    const service = await started();
    const pid = service.helperPid(PY)!;
    process.kill(pid, 'SIGKILL');
    assertOk(await service.pythonAst('x = 2\n', PY));
    assert.notEqual(service.helperPid(PY), pid);
  });

  it('restarts a helper killed during a request and tries that request once more', async () => {
    const service = await started();
    const pid = service.helperPid(PY)!;
    const pending = service.bytecode(bigModule(1500), PY, NO_CACHES);
    await nextTurn();
    process.kill(pid, 'SIGKILL');
    assert.equal((await pending).kind, 'ok');
    assert.notEqual(service.helperPid(PY), pid);
  });

  it('answers `crashed` when the helper dies twice on one request, then serves the next', async () => {
    const service = await started();
    const first = service.helperPid(PY)!;
    const pending = service.bytecode(bigModule(20000), PY, NO_CACHES);
    await nextTurn();
    process.kill(first, 'SIGKILL');
    const second = await waitFor(() => {
      const pid = service.helperPid(PY);
      return pid !== undefined && pid !== first ? pid : undefined;
    });
    process.kill(second, 'SIGKILL');
    const killed = await pending;
    assert.equal(reasonOf(killed), 'crashed');
    if (killed.kind === 'unavailable') assert.match(killed.message, /killed by SIGKILL/);
    assertOk(await service.pythonAst('x = 3\n', PY));
  });

  it('answers inputs CPython gives up on with an error, not a crash', async () => {
    const service = make();
    const parens = await service.pythonAst('('.repeat(200000), PY);
    assert.equal(parens.kind, 'syntaxError', JSON.stringify(parens).slice(0, 300)); // "too many nested parentheses"
    const deepUnary = await service.pythonAst(`${'-'.repeat(100000)}1\n`, PY);
    assert.equal(reasonOf(deepUnary), 'tooLarge', JSON.stringify(deepUnary).slice(0, 300));
    if (deepUnary.kind === 'unavailable') assert.match(deepUnary.message, /MemoryError|RecursionError/);
    const longChain = await service.bytecode(`x${'+x'.repeat(100000)}\n`, PY, NO_CACHES);
    assert.equal(reasonOf(longChain), 'tooLarge', JSON.stringify(longChain).slice(0, 300));
    if (longChain.kind === 'unavailable') assert.match(longChain.message, /RecursionError/);
    assertOk(await service.pythonAst('x = 1\n', PY));
  });

  it('refuses trees too deep to cross JSON-RPC, and says so', async () => {
    const service = make();
    const deep = await service.pythonAst(`x${' + x'.repeat(800)}\n`, PY);
    assert.equal(reasonOf(deep), 'tooLarge');
    if (deep.kind === 'unavailable') assert.match(deep.message, /nested more than 500 levels/);
    assertOk(await service.pythonAst(`x${' + x'.repeat(300)}\n`, PY));
  });

  it('keeps at most 8 requests waiting: the oldest waiting one is answered `busy`', async () => {
    const service = await started();
    const slow = service.bytecode(bigModule(500), PY, NO_CACHES);
    await nextTurn();
    const waiting = Array.from({ length: 9 }, (_, i) => service.pythonAst(`x = ${i}\n`, PY));
    const answers = await Promise.all(waiting);
    assert.equal(reasonOf(answers[0]), 'busy');
    answers.slice(1).forEach(assertOk);
    assert.equal((await slow).kind, 'ok');
  });

  it('answers identical waiting requests together, in one queue slot', async () => {
    const service = await started();
    const slow = service.bytecode(bigModule(500), PY, NO_CACHES);
    await nextTurn();
    // Twenty requests would overflow the queue of 8 if each took a slot; identical ones share one.
    const answers = await Promise.all(Array.from({ length: 20 }, () => service.pythonAst('same = 1\n', PY)));
    answers.forEach(assertOk);
    await slow;
  });

  it('answers pending requests when disposed, and refuses new ones', async () => {
    const service = await started();
    const pending = service.bytecode(bigModule(20000), PY, NO_CACHES);
    await nextTurn();
    service.dispose();
    assert.equal(reasonOf(await pending), 'crashed');
    assert.equal(reasonOf(await service.pythonAst('x = 1\n', PY)), 'crashed');
  });
});
