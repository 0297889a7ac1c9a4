import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed } from '../helpers/service';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** CPython's verdict on the text: compiled only, never run. */
function compiles(source: string): boolean {
  const script = 'import sys\ntry:\n    compile(sys.stdin.read(), "<fixed>", "exec")\n    print("ok")\nexcept SyntaxError as e:\n    print(e)';
  return execFileSync('python3', ['-c', script], { input: source, encoding: 'utf8' }).trim() === 'ok';
}

const HEAD = 'import multiprocessing as mp\n\n\ndef scale(value, factor=2):\n    return value * factor\n\n\n';

/** A pool call inside `def run(values, factor)`, preceded by the imports and `scale`. */
function inRun(call: string): string {
  return `${HEAD}def run(values, factor):\n    with mp.Pool() as pool:\n        return ${call}\n`;
}

async function only(text: string) {
  const results = await analyze(text, { select: ['PIN102'] });
  assert.equal(results.length, 1, results.map((r) => r.message).join('\n'));
  return results[0];
}

describe('PIN102 unpicklable-worker', () => {
  it('reports the caret-marked workers of the fixture', async () => {
    await assertCarets(readFileSync(join(FIXTURES, 'pin102.py'), 'utf8'), 'PIN102');
  });

  it('stays quiet on near misses: builtin map, other libraries, unknown receivers, module-level defs, callbacks, shadowing', async () => {
    assert.deepEqual(await findings(readFileSync(join(FIXTURES, 'pin102_negatives.py'), 'utf8'), 'PIN102'), []);
  });

  it('is an error for pools and a warning for Process, naming the target version default', async () => {
    const pool = await only(inRun('pool.map(lambda v: v, values)'));
    assert.equal(pool.severity, 'error');
    assert.match(pool.message, /`Pool\.map` always pickles the function .* whatever the start method/);
    const text = `${HEAD}def run():\n    def nested():\n        pass\n    mp.Process(target=nested).start()\n`;
    const process = await only(text);
    assert.equal(process.severity, 'warning');
    assert.match(process.message, /`nested` is defined inside `run`/);
    assert.match(process.message, /spawn \(the default on macOS and Windows\)/);
    assert.match(process.message, /Under fork, the Linux default for target Python 3\.11/);
    const [recent] = await analyze(text, { select: ['PIN102'], targetVersion: { major: 3, minor: 14 } });
    assert.match(recent.message, /forkserver \(the default on Linux from Python 3\.14, so for target 3\.14 too\)/);
  });

  it('is quiet for Process targets when the file selects fork', async () => {
    const text = `${HEAD}def run():\n    mp.Process(target=lambda: None).start()\n\n\nif __name__ == "__main__":\n    mp.set_start_method("fork")\n`;
    assert.deepEqual(await findings(text, 'PIN102'), []);
  });

  it('replaces `lambda v: f(v)` with `f` (safe)', async () => {
    const text = inRun('pool.map(lambda v: scale(v), values)');
    assert.equal((await only(text)).fix?.safety, 'safe');
    assert.equal(await fixed(text, 'PIN102'), inRun('pool.map(scale, values)'));
  });

  it('rewrites `lambda v: f(v, k)` to functools.partial with keywords from the signature (unsafe), adding the import', async () => {
    const text = inRun('pool.map(lambda v: scale(v, factor), values)');
    const finding = await only(text);
    assert.equal(finding.fix?.safety, 'unsafe');
    const after = await fixed(text, 'PIN102');
    assert.equal(after, inRun('pool.map(functools.partial(scale, factor=factor), values)').replace('import multiprocessing as mp\n', 'import multiprocessing as mp\nimport functools\n'));
    assert.ok(compiles(after));
  });

  it('keeps leading fixed arguments positional and reuses an existing partial import', async () => {
    const text = `from functools import partial\n${inRun('pool.map(lambda v: scale(factor, v), values)')}`;
    assert.equal(await fixed(text, 'PIN102'), `from functools import partial\n${inRun('pool.map(partial(scale, factor), values)')}`);
    // An import only type checkers see binds nothing at run time: the fix imports functools itself.
    const typeOnly = `from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from functools import partial\n${inRun('pool.map(lambda v: scale(factor, v), values)')}`;
    assert.match(await fixed(typeOnly, 'PIN102'), /^from typing import TYPE_CHECKING\nimport functools\n[^]*pool\.map\(functools\.partial\(scale, factor\), values\)/);
  });

  it('does not use partial when it would not be exact', async () => {
    const notExact = [
      'pool.map(lambda v: scale(v, v), values)', // a fixed argument uses the parameter
      'pool.map(lambda v: scale(factor=v, value=1), values)', // the parameter goes in by keyword
      'pool.map(lambda v, w: scale(w, v), values)', // reordered
      'pool.map(lambda v: scale(v, *values), values)', // a splat
    ];
    for (const call of notExact) {
      const finding = await only(inRun(call));
      assert.ok(!finding.fix || !/partial|itself/.test(finding.fix.title), `${call}: ${finding.fix?.title}`);
    }
    const positionalOnly = `import multiprocessing as mp\n\n\ndef add(a, b, /):\n    return a + b\n\n\ndef run(values, k):\n    with mp.Pool() as pool:\n        return pool.map(lambda v: add(v, k), values)\n`;
    assert.equal((await only(positionalOnly)).fix, undefined, 'b is positional-only, and the lambda is a closure');
  });

  it('moves a closure-free lambda to a new module-level def with an unused name', async () => {
    const text = `${HEAD}worker = None\n\nif __name__ == "__main__":\n    with mp.Pool() as pool:\n        print(pool.map(lambda v: v * 2, range(3)))\n`;
    const finding = await only(text);
    assert.equal(finding.fix?.safety, 'safe');
    const after = await fixed(text, 'PIN102');
    assert.equal(after, `${HEAD}worker = None\n\ndef worker_2(v):\n    return v * 2\n\n\nif __name__ == "__main__":\n    with mp.Pool() as pool:\n        print(pool.map(worker_2, range(3)))\n`);
    assert.ok(compiles(after));
  });

  it('moves a closure-free nested def (with its decorator) to module level, dedented', async () => {
    const text = `${HEAD}def run(values):\n    @staticmethod\n    def double(v):\n        """Twice
    v."""\n        return double_of(v)\n\n    with mp.Pool() as pool:\n        return pool.map(double, values)\n`.replace('double_of', 'scale');
    const after = await fixed(text, 'PIN102');
    assert.equal(after, `${HEAD}@staticmethod\ndef double(v):\n    """Twice
    v."""\n    return scale(v)\n\n\ndef run(values):\n\n    with mp.Pool() as pool:\n        return pool.map(double, values)\n`);
    assert.ok(compiles(after));
  });

  it('lets a nested def that calls itself move, but not one whose name is taken at module level', async () => {
    const recursive = `${HEAD}def run(values):\n    def fact(n):\n        return 1 if n < 2 else n * fact(n - 1)\n    with mp.Pool() as pool:\n        return pool.map(fact, values)\n`;
    assert.match((await only(recursive)).fix?.title ?? '', /Move `fact` to module level/);
    assert.equal((await only(`fact = 1\n${recursive}`)).fix, undefined);
  });

  it('offers no fix for closures and says why', async () => {
    const lambda = await only(inRun('pool.map(lambda v: v * factor, values)'));
    assert.equal(lambda.fix, undefined);
    assert.match(lambda.message, /No automatic fix: it uses `factor` from an enclosing function/);
    const nested = await only(`${HEAD}def run(values, k):\n    def add(v):\n        return v + k\n    with mp.Pool() as pool:\n        return pool.map(add, values)\n`);
    assert.equal(nested.fix, undefined);
    assert.match(nested.message, /uses `k` from an enclosing function/);
  });

  it('offers no move for names that only exist under the main guard, since spawned children never set them', async () => {
    const text = `${HEAD}if __name__ == "__main__":\n    k = 3\n    with mp.Pool() as pool:\n        print(pool.map(lambda v: v * k, range(3)))\n`;
    const finding = await only(text);
    assert.equal(finding.fix, undefined);
    assert.match(finding.message, /uses `k`, which is only set under `if __name__ == "__main__":`/);
  });

  it('spells the __qualname__ pickle fails to look up, enclosing classes included', async () => {
    const method = `${HEAD}class Job:\n    def run(self, jobs):\n        def get(j):\n            return j\n        class Local:\n            pass\n        with mp.Pool() as pool:\n            pool.map(get, jobs)\n            pool.apply(Local)\n`;
    const [get, local] = await analyze(method, { select: ['PIN102'] });
    assert.match(get.message, /`get` is defined inside `run`, .* and `Job\.run\.<locals>\.get` cannot be looked up/);
    assert.match(local.message, /and `Job\.run\.<locals>\.Local` cannot be looked up/);
  });

  it('offers no move for code that uses a private name of its class, which the compiler mangles', async () => {
    // Checked with CPython: inside class _Job, `j.__secret` compiles to the attribute name `_Job__secret`.
    const names = execFileSync('python3', ['-c', 'class _Job:\n    f = lambda j: j.__secret\nprint(*_Job.f.__code__.co_names)'], { encoding: 'utf8' }).trim();
    assert.equal(names, '_Job__secret');
    const method = `${HEAD}class _Job:\n    def run(self, jobs):\n        with mp.Pool() as pool:\n            return pool.map(lambda j: j.__secret, jobs)\n`;
    const lambda = await only(method);
    assert.equal(lambda.fix, undefined);
    assert.match(lambda.message, /inside class `_Job` the compiler turns `__secret` into `_Job__secret`/);
    const nested = await only(method.replace('return pool.map(lambda j: j.__secret, jobs)', 'def get(j):\n                return j.__secret\n            return pool.map(get, jobs)'));
    assert.equal(nested.fix, undefined);
    // Dunder names are not mangled, so those still move.
    assert.equal((await only(method.replace('j.__secret', 'j.__len__()'))).fix?.safety, 'safe');
  });

  it('sees through functools.partial and bound methods of local classes', async () => {
    const text = `import functools\n${HEAD}def run(values):\n    class Local:\n        def go(self, v):\n            return v\n    with mp.Pool() as pool:\n        pool.map(functools.partial(Local().go), values)\n`;
    const finding = await only(text);
    assert.match(finding.message, /`Local\(\)\.go` needs the class `Local`, which is defined inside `run`/);
  });

  it('is suppressed by # noqa and # noqa: PIN102 only', async () => {
    for (const comment of ['# noqa', '# noqa: PIN102', '# noqa:PIN101,PIN102']) {
      assert.deepEqual(await findings(inRun(`pool.map(lambda v: v, values)  ${comment}`), 'PIN102'), [], comment);
    }
    assert.equal((await findings(inRun('pool.map(lambda v: v, values)  # noqa: PIN101'), 'PIN102')).length, 1);
  });

  it('fixtures are valid Python', () => {
    for (const name of ['pin102.py', 'pin102_negatives.py']) assert.ok(compiles(readFileSync(join(FIXTURES, name), 'utf8')), name);
  });
});
