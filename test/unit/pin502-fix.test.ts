import assert from 'node:assert/strict';
import { compileAll } from '../helpers/fixes';
import { analyze, applyEdits, fixed, py } from '../helpers/service';
import type { SettingsLayer } from '../../server/src/service/config';

/** The fix of the PIN502 finding at `index`, with its safety, or undefined when the finding has none. */
async function fixOf(text: string, index = 0, settings: SettingsLayer = {}) {
  const results = await analyze(text, { select: ['PIN502'], ...settings });
  assert.ok(results[index], `expected a PIN502 finding #${index}`);
  const fix = results[index].fix;
  return fix && { text: applyEdits(text, fix.edits), safety: fix.safety, title: fix.title };
}

/** Every fixed text must still be valid Python: checked with CPython's compile() (nothing is executed). */
const produced: string[] = [];

async function fixedText(text: string, index = 0, settings: SettingsLayer = {}): Promise<string> {
  const fix = await fixOf(text, index, settings);
  assert.ok(fix, 'expected a fix');
  produced.push(fix.text);
  return fix.text;
}

describe('PIN502 mutable-default-argument: fix', () => {
  it('moves the default into the body behind a None sentinel', async () => {
    const before = py`
      def add(item, items=[]):
          items.append(item)
          print(items)
    `;
    assert.equal(await fixedText(before), py`
      def add(item, items=None):
          if items is None:
              items = []
          items.append(item)
          print(items)
    `);
    assert.equal(await fixed(before, 'PIN502'), await fixedText(before));
  });

  it('inserts after the docstring, keeping the default text as written', async () => {
    assert.equal(await fixedText(py`
      import collections
      def group(pairs, out=collections.defaultdict(list)):
          """Group pairs by key."""
          for k, v in pairs:
              out[k].append(v)
    `), py`
      import collections
      def group(pairs, out=None):
          """Group pairs by key."""
          if out is None:
              out = collections.defaultdict(list)
          for k, v in pairs:
              out[k].append(v)
    `);
  });

  it('handles a body that is only a docstring', async () => {
    assert.equal(await fixedText('def f(x={}):\n    """Nothing yet."""\n'), 'def f(x=None):\n    """Nothing yet."""\n    if x is None:\n        x = {}\n');
  });

  it('handles async def, decorators and methods at deeper indentation', async () => {
    assert.equal(await fixedText(py`
      class Client:
          @cached
          async def fetch(self, urls, *, seen=set()):
              # the comment stays first
              for url in urls:
                  seen.add(url)
    `), py`
      class Client:
          @cached
          async def fetch(self, urls, *, seen=None):
              # the comment stays first
              if seen is None:
                  seen = set()
              for url in urls:
                  seen.add(url)
    `);
  });

  it('keeps CRLF line endings', async () => {
    const before = 'def f(x=[]):\r\n    """Doc."""\r\n    x.append(1)\r\n';
    assert.equal(await fixedText(before), 'def f(x=None):\r\n    """Doc."""\r\n    if x is None:\r\n        x = []\r\n    x.append(1)\r\n');
  });

  it('keeps tab indentation (and a two-space body stays two-space)', async () => {
    assert.equal(await fixedText('class A:\n\tdef f(self, x=[]):\n\t\tx.append(1)\n'), 'class A:\n\tdef f(self, x=None):\n\t\tif x is None:\n\t\t\tx = []\n\t\tx.append(1)\n');
    assert.equal(await fixedText('def f(x=[]):\n  x.append(1)\n'), 'def f(x=None):\n  if x is None:\n    x = []\n  x.append(1)\n');
  });

  it('works on a multi-line signature and a multi-line default', async () => {
    assert.equal(await fixedText(py`
      def configure(
          name: str,
          options: dict[str, int] = {
              "retries": 3,
          },
      ) -> None:
          options["name"] = 1
    `), py`
      def configure(
          name: str,
          options: dict[str, int] | None = None,
      ) -> None:
          if options is None:
              options = {
              "retries": 3,
          }
          options["name"] = 1
    `);
  });

  it('widens annotations: X | None on 3.10+, with postponed annotations, or inside a string', async () => {
    const source = 'def f(x: list[int] = []):\n    x.append(1)\n';
    assert.match(await fixedText(source, 0, { targetVersion: { major: 3, minor: 10 } }), /^def f\(x: list\[int\] \| None = None\):/);
    assert.match(await fixedText(`from __future__ import annotations\n${source}`, 0, { targetVersion: { major: 3, minor: 8 } }), /def f\(x: list\[int\] \| None = None\):/);
    assert.match(await fixedText('def f(x: "Items" = []):\n    x.append(1)\n', 0, { targetVersion: { major: 3, minor: 8 } }), /def f\(x: "Items \| None" = None\):/);
    assert.match(await fixedText('def f(x: list[int] | None = []):\n    x.append(1)\n'), /def f\(x: list\[int\] \| None = None\):/);
    assert.match(await fixedText('from typing import Optional\ndef f(x: Optional[list] = []):\n    x.append(1)\n'), /def f\(x: Optional\[list\] = None\):/);
  });

  it('uses an Optional the file already imports below 3.10, and offers no fix when it would need a new import', async () => {
    const settings = { targetVersion: { major: 3, minor: 9 } };
    assert.match(await fixedText('from typing import Optional\ndef f(x: list = []):\n    x.append(1)\n', 0, settings), /def f\(x: Optional\[list\] = None\):/);
    assert.match(await fixedText('import typing as t\ndef f(x: dict = {}):\n    x.clear()\n', 0, settings), /def f\(x: t\.Optional\[dict\] = None\):/);
    assert.equal(await fixOf('def f(x: list = []):\n    x.append(1)\n', 0, settings), undefined);
    // An Optional imported only for type checkers does not exist when the def's annotations are evaluated.
    const typeCheckingOnly = 'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from typing import Optional\ndef f(x: list = []):\n    x.append(1)\n';
    assert.equal(await fixOf(typeCheckingOnly, 0, settings), undefined);
    assert.match(await fixedText('def f(x=[]):\n    x.append(1)\n', 0, settings), /def f\(x=None\):/, 'unannotated parameters need nothing');
  });

  it('is unsafe when the value is handed to a call that may change or keep it (not to reading builtins)', async () => {
    assert.equal((await fixOf('import heapq\ndef push(item, heap=[]):\n    heapq.heappush(heap, item)\n'))?.safety, 'unsafe');
    assert.equal((await fixOf('def render(template, context={}):\n    template.render(context=context)\n'))?.safety, 'unsafe');
    assert.equal((await fixOf('def size(xs=[]):\n    print(len(xs), sorted(xs))\n'))?.safety, 'safe');
  });

  it('is safe when the value is only read, unsafe when it is mutated (maybe a memo cache), returned, yielded or stored', async () => {
    assert.equal((await fixOf('def f(x=[]):\n    x.append(1)\n'))?.safety, 'unsafe');
    assert.equal((await fixOf('def fib(n, _memo={}):\n    if n not in _memo:\n        _memo[n] = n if n < 2 else fib(n - 1) + fib(n - 2)\n    return _memo[n]\n'))?.safety, 'unsafe');
    assert.equal((await fixOf('def f(x=[]):\n    print(x)\n'))?.safety, 'safe');
    assert.equal((await fixOf('def f(x=[]):\n    x.append(1)\n    return x\n'))?.safety, 'unsafe');
    assert.equal((await fixOf('def f(x=[]):\n    yield x\n'))?.safety, 'unsafe');
    assert.equal((await fixOf('def f(self, x=[]):\n    self.x = x\n'))?.safety, 'unsafe');
  });

  it('offers no fix for lambdas, one-line bodies, or defaults whose names mean something else in the body', async () => {
    assert.equal(await fixOf('f = lambda x=[]: x\n'), undefined);
    assert.equal(await fixOf('def f(x=[]): return x\n'), undefined);
    assert.equal(await fixOf('def f(x=[]):\n    """Doc."""; x.append(1)\n'), undefined);
    // `size` in the default is the module's; in the body it would be the parameter.
    assert.equal(await fixOf('size = 3\ndef f(size, x=[size]):\n    x.append(size)\n'), undefined);
    // Class attributes are visible to the default but not to the method body.
    assert.equal(await fixOf('class A:\n    KINDS = ("a",)\n    def f(self, x=list(KINDS)):\n        x.append(1)\n'), undefined);
    // In the default, the comprehension's `list` is the builtin; in the body it would be the parameter.
    assert.equal(await fixOf('def f(list=None, xs=[list() for _ in range(2)]):\n    xs.append(1)\n'), undefined);
    // The body assigns `base` locally, so moving the default would read the local before assignment.
    assert.equal(await fixOf('base = 1\ndef f(x=[base]):\n    base = 2\n    x.append(base)\n'), undefined);
  });

  it('moves defaults whose names mean the same inside (module names, builtins, comprehension variables)', async () => {
    const text = await fixedText('LIMIT = 3\ndef f(x=[i for i in range(LIMIT)]):\n    x.append(1)\n');
    assert.match(text, /if x is None:\n {8}x = \[i for i in range\(LIMIT\)\]\n/);
  });

  it('fixes each mutable parameter of one function independently', async () => {
    const source = 'def f(a=[], b={}):\n    a.append(1)\n    b[1] = 2\n';
    assert.equal(await fixedText(source, 1), 'def f(a=[], b=None):\n    if b is None:\n        b = {}\n    a.append(1)\n    b[1] = 2\n');
    const once = await fixedText(source, 0);
    assert.equal(await fixedText(once, 0), 'def f(a=None, b=None):\n    if b is None:\n        b = {}\n    if a is None:\n        a = []\n    a.append(1)\n    b[1] = 2\n');
  });

  after('every fixed text compiles with CPython', function () {
    if (produced.length === 0) return;
    assert.equal(compileAll(produced), 'ok');
  });
});
