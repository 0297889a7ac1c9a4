// Hovers of the 'object-model' family: the right topic on real code, nothing on look-alikes.
import assert from 'node:assert/strict';
import { hoverAt } from '../helpers/hover';

const detailed = { hoverLevel: 'detailed' } as const;

function shows(markdown: string | undefined, title: string): boolean {
  return !!markdown && markdown.includes(`**${title}**`);
}

describe('hover: object-model topics', () => {
  it('explains private name mangling, but not on dunder names', async () => {
    const code = 'class Account:\n    def __init__(self):\n        self.__bal$0ance = 0\n';
    assert.ok(shows(await hoverAt(code), 'Private name mangling'));
    assert.ok(!shows(await hoverAt('class Account:\n    def __in$0it__(self):\n        pass\n', detailed), 'Private name mangling'));
    assert.ok(!shows(await hoverAt('class A:\n    __sl$0ots__ = ("x",)\n', detailed), 'Private name mangling'));
  });

  it('explains property and its setter, but not a home-made property', async () => {
    const code = 'class T:\n    @prop$0erty\n    def c(self): return self._c\n    @c.set$0ter\n    def c(self, v): self._c = v\n';
    const getter = code.replace('set$0ter', 'setter');
    const setter = code.replace('prop$0erty', 'property');
    assert.ok(shows(await hoverAt(getter), '`property`'));
    assert.ok(shows(await hoverAt(setter), '`property`'));
    const own = 'class property:\n    def __init__(self, f): self.f = f\n\nclass T:\n    @prop$0erty\n    def c(self): return 1\n';
    assert.ok(!shows(await hoverAt(own, detailed), '`property`'));
  });

  it('states the descriptor lookup order on __get__/__set__', async () => {
    const markdown = await hoverAt('class Field:\n    def __g$0et__(self, obj, objtype=None):\n        return self\n');
    assert.ok(shows(markdown, 'Descriptors and attribute lookup order'));
    assert.match(markdown!, /data descriptors on the type first, then the instance `__dict__`, then non-data descriptors/);
  });

  it('tells metaclass __call__ from an ordinary __call__', async () => {
    const meta = 'class Single(type):\n    def __ca$0ll__(cls, *args, **kwargs):\n        return super().__call__(*args, **kwargs)\n';
    const plain = 'class Counter:\n    def __ca$0ll__(self, x):\n        return x\n';
    assert.ok(shows(await hoverAt(meta), 'Metaclass `__call__` (instance creation)'));
    assert.ok(!shows(await hoverAt(meta, detailed), 'Special (dunder) methods'));
    assert.ok(shows(await hoverAt(plain), 'Special (dunder) methods'));
    assert.ok(!shows(await hoverAt(plain, detailed), 'Metaclass `__call__` (instance creation)'));
  });

  it('explains metaclass= and classes deriving from type', async () => {
    assert.ok(shows(await hoverAt('class Plugin(Base, meta$0class=Registry):\n    pass\n'), 'Metaclasses'));
    assert.ok(shows(await hoverAt('class Registry(ty$0pe):\n    pass\n'), 'Metaclasses'));
    assert.ok(!shows(await hoverAt('class Registry(ty$0ped):\n    pass\n', detailed), 'Metaclasses'));
  });

  it('explains type() comparisons and isinstance, not a shadowed isinstance', async () => {
    assert.ok(shows(await hoverAt('if ty$0pe(value) == dict:\n    pass\n'), '`isinstance` versus `type()` checks'));
    assert.ok(shows(await hoverAt('ok = isin$0stance(value, (int, float))\n'), '`isinstance` versus `type()` checks'));
    const shadowed = 'def isinstance(x, t):\n    return True\nok = isin$0stance(value, int)\n';
    assert.ok(!shows(await hoverAt(shadowed, detailed), '`isinstance` versus `type()` checks'));
    assert.ok(!shows(await hoverAt('name = ty$0pe(value).__name__\n', detailed), '`isinstance` versus `type()` checks'));
  });

  it('explains dataclasses from the stdlib only', async () => {
    assert.ok(shows(await hoverAt('from dataclasses import dataclass\n@data$0class(frozen=True)\nclass P:\n    x: int\n'), 'Dataclasses'));
    assert.ok(!shows(await hoverAt('from pydantic.dataclasses import dataclass\n@data$0class\nclass P:\n    x: int\n', detailed), 'Dataclasses'));
  });

  it('explains ABCs, exceptions, finally and the MRO', async () => {
    assert.ok(shows(await hoverAt('from collections.abc import Mapping\nclass Registry(Map$0ping):\n    pass\n'), 'Abstract base classes'));
    assert.ok(!shows(await hoverAt('from mylib import Mapping\nclass Registry(Map$0ping):\n    pass\n', detailed), 'Abstract base classes'));
    assert.ok(shows(await hoverAt('class ConfigError(Exce$0ption):\n    pass\n'), 'Exception hierarchy and `finally`'));
    assert.ok(shows(await hoverAt('try:\n    work()\nfin$0ally:\n    cleanup()\n'), 'Exception hierarchy and `finally`'));
    assert.ok(shows(await hoverAt('class Server(ThreadingMixIn, TCP$0Server):\n    pass\n'), 'Mixins, base order and the MRO'));
    assert.ok(shows(await hoverAt('class B(A):\n    def f(self):\n        return su$0per().f()\n'), 'Mixins, base order and the MRO'));
  });
});
