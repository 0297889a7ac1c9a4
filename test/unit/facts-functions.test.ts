// Function facts: kind (checked against co_flags of CPython's own compile()), scopes line, decorator order.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { functionKind, functionSymbols } from '../../server/src/service/analysis/symbols';
import { hoverAt } from '../helpers/hover';
import { py, sourceFile } from '../helpers/service';

const KINDS = py`
    import asyncio

    def plain(x):
        return [y for y in x]

    def gen(n):
        for i in range(n):
            yield i

    def yields_only_in_nested(n):
        def inner():
            yield n
        class Box:
            def m(self):
                yield 1
        return inner, (i for i in range(n)), lambda: (yield)

    def delegates(it):
        result = yield from it
        return result

    async def coro():
        await asyncio.sleep(0)
        return [x async for x in agen()]

    async def agen():
        yield 1
        await asyncio.sleep(0)

    async def coro_with_nested_gen():
        def helper():
            yield 2
        return helper

    class Service:
        @staticmethod
        def stream():
            x = yield
            print(x)

        async def fetch(self):
            return await coro()

    yielder = lambda: (yield 1)
    plain_lambda = lambda: 1
`;

// CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR of every function code object, keyed "name:def line".
const CO_FLAGS = String.raw`
import json, sys, types
def walk(code, out):
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            flags = const.co_flags
            walk(const, out)
            if not flags & 0x1:
                continue  # a class body (not CO_OPTIMIZED)
            kind = "async-generator" if flags & 0x200 else "coroutine" if flags & 0x80 else "generator" if flags & 0x20 else "function"
            out.setdefault(const.co_name, []).append(kind)
    return out
print(json.dumps(walk(compile(sys.stdin.read(), "kinds.py", "exec"), {})))
`;

describe('function facts', () => {
  it('classifies every def and lambda exactly as CPython sets co_flags', async () => {
    const expected = JSON.parse(execFileSync('python3', ['-c', CO_FLAGS], { input: KINDS, encoding: 'utf8' })) as Record<string, string[]>;
    const file = await sourceFile(KINDS);
    try {
      const actual: Record<string, string[]> = {};
      for (const fn of file.tree.rootNode.descendantsOfType(['function_definition', 'lambda'])) {
        if (!fn?.isNamed) continue;
        const name = fn.type === 'lambda' ? '<lambda>' : fn.childForFieldName('name')!.text;
        (actual[name] ??= []).push(functionKind(functionSymbols(fn)!));
      }
      const functionsOnly = Object.fromEntries(Object.entries(expected).filter(([name]) => !/^<(listcomp|genexpr|setcomp|dictcomp)>$/.test(name)));
      assert.deepEqual(actual, functionsOnly);
      assert.deepEqual(expected.agen, ['async-generator']);
      assert.deepEqual(expected.coro, ['coroutine']);
    } finally {
      file.dispose();
    }
  });

  it('says what calling each kind returns', async () => {
    assert.match((await hoverAt('def g$0en():\n    yield 1\n'))!, /`gen` is a \*\*generator function\*\* \(`yield` on line 2\)/);
    assert.match((await hoverAt('async def f():\n    await g()\n'.replace('f()', 'fe$0tch()')))!, /`fetch` is a \*\*coroutine function\*\*/);
    assert.match((await hoverAt('$0async def s():\n    yield 1\n'))!, /`s` is an \*\*asynchronous generator function\*\*/);
    assert.match((await hoverAt('def p():\n    return (x for x in y)\n'.replace('def p', 'd$0ef p')))!, /`p` is a plain function/);
    assert.match((await hoverAt('f = la$0mbda: (yield)\n'))!, /This lambda is a \*\*generator function\*\*/);
  });

  it('lists the scope of each name, with where closure cells live', async () => {
    const text = py`
      import math

      def make_scaler(factor):
          count = 0
          def sca$0le(x):
              nonlocal count
              count += 1
              total = math.floor(x * factor)
              print(total)
              return lambda: total
          return scale
    `;
    const hover = (await hoverAt(text))!;
    assert.match(hover, /Names in `scale`, as CPython's symbol table scopes them — locals: `x` · cells: `total` \(captured by a lambda\) · free: `factor` \(cell of `make_scaler`\) · nonlocal: `count` \(cell of `make_scaler`\) · globals: `math`, `print`\./);
    const outer = (await hoverAt(text.replace('sca$0le', 'scale').replace('make_scaler(', 'make_$0scaler(')))!;
    assert.match(outer, /locals: `scale` · cells: `factor` \(captured by `scale`\), `count` \(captured by `scale`\)/);
  });

  it('shows the implicit __class__ cell of a method that calls super(), and class names are not visible to methods', async () => {
    const hover = (await hoverAt(py`
      class Account(Base):
          rate = 2
          def dep$0osit(self, amount):
              super().deposit(amount * rate)
    `))!;
    assert.match(hover, /locals: `self`, `amount` · free: `__class__` \(implicit cell of class `Account`, for `super\(\)`\) · globals: `super`, `rate`/);
  });

  it('gives the order decorators apply in', async () => {
    const hover = (await hoverAt(py`
      @route("/items")
      @timed
      @functools.cache
      def han$0dler(request):
          return request
    `))!;
    assert.match(hover, /Decorators apply bottom-up: `functools.cache`, then `timed`, then `route\("\/items"\)`: `handler = route\("\/items"\)\(timed\(functools.cache\(handler\)\)\)`/);
    assert.match((await hoverAt('@cache\ndef $0f(n):\n    return n\n'))!, /Decorated once, when the `def` runs: `f = cache\(f\)`\./);
  });

  it('stays quiet away from a def header', async () => {
    const hover = await hoverAt('def f(x):\n    return x$0 + 1\n');
    assert.ok(!hover?.includes('Names in'));
  });
});
