import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAll } from '../helpers/fixes';
import { analyze, assertCarets, findings, fixed, py } from '../helpers/service';

const FIXTURE = join(__dirname, '..', 'fixtures', 'pin508.py');
/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function fixedText(text: string): Promise<string> {
  const result = await fixed(text, 'PIN508');
  produced.push(result);
  return result;
}

describe('PIN508 descriptor-get-without-class-access', () => {
  it('reports the caret-marked dereferences of the fixture and nothing else', async () => {
    await assertCarets(readFileSync(FIXTURE, 'utf8'), 'PIN508');
    produced.push(readFileSync(FIXTURE, 'utf8'));
  });

  it("names CPython's exception for an attribute read and for a subscript", async () => {
    const [attribute] = await analyze('class D:\n    def __get__(self, inst, owner):\n        return inst.value\n', { select: ['PIN508'] });
    assert.match(attribute.message, /`__get__` with `inst` set to None, so `inst\.value` raises AttributeError: 'NoneType' object has no attribute 'value'/);
    const [subscript] = await analyze('class D:\n    def __get__(self, inst, owner):\n        return inst["k"]\n', { select: ['PIN508'] });
    assert.match(subscript.message, /raises TypeError: 'NoneType' object is not subscriptable/);
  });

  it('inserts the class-access guard after the docstring, in the body\'s indentation', async () => {
    assert.equal(await fixedText(py`
      class Field:
          def __get__(self, instance, owner=None):
              return instance.__dict__["x"]
    `), py`
      class Field:
          def __get__(self, instance, owner=None):
              if instance is None:
                  return self
              return instance.__dict__["x"]
    `);
    assert.equal(await fixedText(py`
      class Lazy:
      	def __get__(desc, obj, cls):
      		"""Doc."""
      		return obj.x
    `), py`
      class Lazy:
      	def __get__(desc, obj, cls):
      		"""Doc."""
      		if obj is None:
      			return desc
      		return obj.x
    `);
    assert.equal(await fixedText('class D:\r\n    def __get__(self, i, o):\r\n        return i.x\r\n'), 'class D:\r\n    def __get__(self, i, o):\r\n        if i is None:\r\n            return self\r\n        return i.x\r\n');
  });

  it('marks the fix unsafe and offers none for a one-line body', async () => {
    const [finding] = await analyze('class D:\n    def __get__(self, i, o):\n        return i.x\n', { select: ['PIN508'] });
    assert.equal(finding.fix?.safety, 'unsafe');
    const [oneLine] = await analyze('class D:\n    def __get__(self, i, o): return i.x\n', { select: ['PIN508'] });
    assert.equal(oneLine.fix, undefined);
  });

  it('is suppressed by # noqa and # noqa: PIN508', async () => {
    for (const comment of ['# noqa', '# noqa: PIN508']) {
      assert.deepEqual(await findings(`class D:\n    def __get__(self, i, o):\n        return i.x  ${comment}\n`, 'PIN508'), [], comment);
    }
    assert.equal((await findings('class D:\n    def __get__(self, i, o):\n        return i.x  # noqa: B019\n', 'PIN508')).length, 1);
  });

  after('every fixed text (and the fixture) compiles with CPython', () => {
    assert.equal(compileAll(produced), 'ok');
  });
});
