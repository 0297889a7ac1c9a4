// Hovers of the 'typing' family: the right topic on real code, nothing on look-alikes.
import assert from 'node:assert/strict';
import { hoverAt } from '../helpers/hover';

const detailed = { hoverLevel: 'detailed' } as const;

function shows(markdown: string | undefined, title: string): boolean {
  return !!markdown && markdown.includes(`**${title}**`);
}

describe('hover: typing topics', () => {
  it('says annotations are not enforced on a parameter annotation, and only inside annotations', async () => {
    assert.ok(shows(await hoverAt('def add(a: in$0t, b: int) -> int:\n    return a + b\n', detailed), 'Annotations are not enforced'));
    assert.ok(!shows(await hoverAt('def add(a$0, b):\n    return a + b\n', detailed), 'Annotations are not enforced'));
    assert.ok(!shows(await hoverAt('count: int = le$0n(items)\n', detailed), 'Annotations are not enforced'));
  });

  it('explains generic hints first on list[int] and Optional[...]', async () => {
    assert.ok(shows(await hoverAt('def f(xs: li$0st[int]) -> None: ...\n'), 'Generic types: `list[int]`, `Optional`, `Union`'));
    assert.ok(shows(await hoverAt('from typing import Optional\ndef f(x: Opt$0ional[str]): ...\n'), 'Generic types: `list[int]`, `Optional`, `Union`'));
  });

  it('follows a TypeVar from its definition into annotations', async () => {
    const code = 'from typing import TypeVar\nT = TypeVar("T")\ndef first(items: list[T]) -> $0T:\n    return items[0]\n';
    assert.ok(shows(await hoverAt(code), '`TypeVar` and `Generic`'));
    assert.ok(!shows(await hoverAt('T = int\ndef first(items: list[T]) -> $0T:\n    return items[0]\n', detailed), '`TypeVar` and `Generic`'));
  });

  it('explains typing.Protocol, not a class that happens to be called Protocol', async () => {
    assert.ok(shows(await hoverAt('import typing\nclass Closer(typing.Proto$0col):\n    def close(self) -> None: ...\n'), 'Protocols (structural typing)'));
    const own = 'class Protocol:\n    pass\n\nclass Http(Proto$0col):\n    pass\n';
    assert.ok(!shows(await hoverAt(own, detailed), 'Protocols (structural typing)'));
  });
});
