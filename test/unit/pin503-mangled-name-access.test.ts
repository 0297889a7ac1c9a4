import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, assertCarets, findings, fixed } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin503.py');

function compiles(source: string): void {
  execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "fixed.py", "exec")'], { input: source });
}

const COUNTER = 'class _Counter:\n    def __init__(self):\n        self.__count = 0\n\n\nc = _Counter()\n';

describe('PIN503 mangled-name-access: detection', () => {
  it('reports the caret-marked accesses of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN503');
  });

  it('shows the real mangled name (leading underscores of the class dropped)', async () => {
    const [d] = await analyze(`${COUNTER}print(c.__count)\n`, { select: ['PIN503'] });
    assert.match(d.message, /stores it as `_Counter__count`.*looking up `__count` on an instance of `_Counter` raises AttributeError/);
  });

  it('stays quiet when the unmangled name may be set', async () => {
    assert.deepEqual(await findings(`${COUNTER}c.__count = 1\nprint(c.__count)\n`, 'PIN503'), []);
    assert.deepEqual(await findings(`${COUNTER}setattr(c, "__count", 1)\nprint(c.__count)\n`, 'PIN503'), []);
    assert.deepEqual(await findings(`${COUNTER}del c.__count\n`, 'PIN503'), []);
  });

  it('stays quiet for classes with bases, keywords or decorators', async () => {
    for (const header of ['class A(object, metaclass=M):', '@dataclass\nclass A:', 'class A(B):']) {
      const text = `${header}\n    def __init__(self):\n        self.__x = 1\n\n\nprint(A().__x)\n`;
      assert.deepEqual(await findings(text, 'PIN503'), [], header);
    }
    assert.equal((await findings('class A(object):\n    __x = 1\nprint(A.__x)\n', 'PIN503')).length, 1);
  });
});

describe('PIN503 mangled-name-access: fix', () => {
  it('rewrites the access to the mangled name', async () => {
    const text = `${COUNTER}print(c.__count)\n`;
    const after = await fixed(text, 'PIN503');
    assert.equal(after, `${COUNTER}print(c._Counter__count)\n`);
    compiles(after);
    const [d] = await analyze(text, { select: ['PIN503'] });
    assert.equal(d.fix?.safety, 'unsafe');
  });

  it('offers no fix for a class-object access to an instance-only attribute', async () => {
    const [d] = await analyze(`${COUNTER}print(_Counter.__count)\n`, { select: ['PIN503'] });
    assert.ok(d);
    assert.equal(d.fix, undefined);
  });
});

describe('PIN503 mangled-name-access: noqa', () => {
  it('is suppressed by # noqa and # noqa: PIN503', async () => {
    for (const comment of ['# noqa', '# noqa: PIN503']) {
      assert.deepEqual(await findings(`${COUNTER}print(c.__count)  ${comment}\n`, 'PIN503'), [], comment);
    }
    assert.equal((await findings(`${COUNTER}print(c.__count)  # noqa: PIN502\n`, 'PIN503')).length, 1);
  });
});
