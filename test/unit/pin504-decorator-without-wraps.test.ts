import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin504.py');

function compiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

const BARE = py`
  def logged(func):
      def wrapper(*args, **kwargs):
          return func(*args, **kwargs)
      return wrapper
`;

describe('PIN504 decorator-without-wraps: detection', () => {
  it('reports the caret-marked wrappers of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN504');
  });

  it('names what the decorated functions lose', async () => {
    const [d] = await analyze(BARE, { select: ['PIN504'] });
    assert.match(d.message, /`logged` returns `wrapper` in place of `func` without `@functools.wraps\(func\)`/);
    assert.match(d.message, /`__name__` "wrapper".*the signature `\(\*args, \*\*kwargs\)`/);
  });

  it('stays quiet when a second def of the same name may be the one returned', async () => {
    const text = 'def d(func):\n    def wrapper(*a):\n        return func(*a)\n    if func:\n        def wrapper(*a):\n            return 1\n    return wrapper\n';
    assert.deepEqual(await findings(text, 'PIN504'), []);
  });
});

describe('PIN504 decorator-without-wraps: fix', () => {
  it('adds @functools.wraps(func) and the import', async () => {
    const after = await fixed(BARE, 'PIN504');
    assert.equal(after, 'import functools\n' + BARE.replace('    def wrapper', '    @functools.wraps(func)\n    def wrapper'));
    compiles(after);
    const [d] = await analyze(BARE, { select: ['PIN504'] });
    assert.equal(d.fix?.safety, 'unsafe');
    assert.deepEqual(await findings(after, 'PIN504'), []);
  });

  it('reuses the imports the file has, after its docstring and imports', async () => {
    const fromImport = await fixed(`"""Doc."""\nfrom functools import wraps\n\n${BARE}`, 'PIN504');
    assert.match(fromImport, /^"""Doc."""\nfrom functools import wraps\n\n/);
    assert.match(fromImport, /\n {4}@wraps\(func\)\n {4}def wrapper/);
    compiles(fromImport);
    const alias = await fixed(`import functools as ft\n${BARE}`, 'PIN504');
    assert.match(alias, /^import functools as ft\ndef logged/);
    assert.match(alias, /\n {4}@ft.wraps\(func\)\n {4}def wrapper/);
    compiles(alias);
  });

  it('keeps the indentation of nested decorators (factories) and tabs', async () => {
    const text = 'import functools\ndef retry(n):\n\tdef deco(f):\n\t\tasync def run(*a):\n\t\t\treturn await f(*a)\n\t\treturn run\n\treturn deco\n';
    const after = await fixed(text, 'PIN504');
    assert.equal(after, text.replace('\t\tasync def run', '\t\t@functools.wraps(f)\n\t\tasync def run'));
    compiles(after);
  });

  it('offers no fix when functools would name something else there', async () => {
    const text = 'def logged(func, functools=None):\n    pass\nfunctools = 1\n' + BARE;
    const [d] = await analyze(text, { select: ['PIN504'] });
    assert.ok(d);
    assert.equal(d.fix, undefined);
  });
});

describe('PIN504 decorator-without-wraps: noqa', () => {
  it('is suppressed by # noqa and # noqa: PIN504 on the wrapper line', async () => {
    for (const comment of ['# noqa', '# noqa: PIN504']) {
      assert.deepEqual(await findings(BARE.replace('**kwargs):', `**kwargs):  ${comment}`), 'PIN504'), [], comment);
    }
    assert.equal((await findings(BARE.replace('**kwargs):', '**kwargs):  # noqa: PIN505'), 'PIN504')).length, 1);
  });
});
