// Name-mangling facts checked against CPython: the fixture is compiled (never run) by python3, and the names its code
// objects actually use (dis instructions by source position, co_varnames, keyword-name constants) must be the ones
// the hover states.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { manglingFacts } from '../../server/src/service/hover/facts/mangling';
import { hoverAt, withContextAt } from '../helpers/hover';
import { py } from '../helpers/service';

const FIXTURE = py`
  class Account:
      __rate = 0.05
      __limit: int = 10

      def __init__(self, owner, __pin=0):
          self.__balance = 0
          self.__owner = owner
          __local = __pin

          def inner():
              return self.__balance + __local

          self.__check = lambda: self.__balance
          self.__seen = [self.__balance for _ in range(1)]
          notify(__quiet=True)

      def __helper(self):
          return self.__balance

      @classmethod
      def make(cls):
          return cls.__rate

      class __Inner:
          __depth = 1

  class __Weird:
      __x = 1

      def get(self, obj):
          return obj.__x

  class ___:
      __y = 2

  class Savings(Account):
      def show(self):
          return self.__balance

  def outside(acc):
      return acc.__balance
  `;

interface PythonNames {
  /** "line:endColumn" → the name an instruction ending there uses. */
  readonly at: Record<string, string>;
  /** Every name in co_names/co_varnames/co_cellvars/co_freevars and keyword-name tuples. */
  readonly all: string[];
  /** Code object names (a def keeps its unmangled __name__). */
  readonly codeNames: string[];
}

function pythonNames(source: string): PythonNames {
  const script = `
import dis, json, sys, types
code = compile(sys.argv[1], 'fixture', 'exec')
at, names, code_names = {}, set(), []
def walk(c):
    code_names.append(c.co_name)
    names.update(c.co_names + c.co_varnames + c.co_cellvars + c.co_freevars)
    for k in c.co_consts:
        if isinstance(k, types.CodeType): walk(k)
        elif isinstance(k, tuple) and all(isinstance(x, str) for x in k): names.update(k)
    for i in dis.get_instructions(c):
        p = i.positions
        if isinstance(i.argval, str) and '__' in i.argval and i.opname != 'LOAD_CLOSURE' and p and p.lineno == p.end_lineno and p.lineno:
            at['%d:%d' % (p.end_lineno, p.end_col_offset)] = i.argval
walk(code)
print(json.dumps({'at': at, 'all': sorted(names), 'codeNames': code_names}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, source], { encoding: 'utf8' })) as PythonNames;
}

/** Every occurrence of a private-looking identifier: offset, 1-based line, end column. */
function occurrences(text: string): Array<{ name: string; offset: number; line: number; end: number }> {
  return [...text.matchAll(/(?<![\w'"])__[A-Za-z_]\w*/g)].flatMap((m) => {
    const name = m[0];
    const offset = m.index;
    if (name.endsWith('__')) return [];
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return [{ name, offset, line, end: offset - before.lastIndexOf('\n') - 1 + name.length }];
  });
}

/** Only this provider's lines (other fact providers and topics also speak on these names). */
function manglingAt(textWithCursor: string): Promise<string> {
  return withContextAt(textWithCursor, (context) => manglingFacts.flatMap((provide) => provide(context) ?? []).join('\n\n'));
}

function hoverAtOffset(text: string, offset: number): Promise<string> {
  return manglingAt(`${text.slice(0, offset + 1)}$0${text.slice(offset + 1)}`);
}

describe('facts: name mangling, compared with CPython', () => {
  it('states, for every private name in the fixture, the spelling CPython compiles', async () => {
    const python = pythonNames(FIXTURE);
    let checked = 0;
    const unchecked: string[] = [];
    for (const { name, offset, line, end } of occurrences(FIXTURE)) {
      const hover = await hoverAtOffset(FIXTURE, offset);
      const stored = /as `(_\w+)`/.exec(hover)?.[1];
      const compiled = python.at[`${line}:${end}`];
      const where = `${name} at line ${line}: ${hover || '(no hover)'}`;
      if (/^Name mangling/.test(hover)) {
        assert.ok(stored && python.all.includes(stored), where);
        if (/binds this function/.test(hover)) assert.ok(python.codeNames.includes(name), `${where}: co_name`);
        if (compiled) assert.equal(stored, compiled, where);
        checked++;
      } else if (/not mangled|No name mangling/.test(hover)) {
        assert.ok(python.all.includes(name), `${where}: CPython does not use ${name} as written`);
        if (compiled) assert.equal(compiled, name, where);
        checked++;
      } else unchecked.push(where);
    }
    // Only names outside any class (module-level `class __Weird`) get no mangling fact.
    assert.deepEqual(unchecked, ['__Weird at line 27: (no hover)']);
    assert.ok(checked >= 24, `checked ${checked}`);
  });

  it('explains the common cases in one line each', async () => {
    const at = (needle: string, skip = 2): Promise<string> => hoverAtOffset(FIXTURE, FIXTURE.indexOf(needle) + skip);
    assert.equal(await at('self.__balance = 0', 6), 'Name mangling: CPython compiles `__balance` here as `_Account__balance` (class `Account`).');
    assert.equal(await at('def __helper', 5), 'Name mangling: CPython binds this function as `_Account__helper` (class `Account`); its `__name__` stays `__helper`.');
    assert.equal(await at('__depth'), 'Name mangling: CPython compiles `__depth` here as `_Inner__depth` (class `__Inner`, leading underscores dropped).');
    assert.equal(await at('__y = 2'), 'No name mangling: class `___` is named only with underscores, so `__y` stays as written.');
    assert.equal(await at('__quiet'), 'Keyword argument names are not mangled: this passes `__quiet` as written (a parameter `__quiet` in class `Account` is `_Account__quiet`).');
    assert.equal(
      await at('acc.__balance', 5),
      '`__balance` is not mangled here: on an instance of `Account` this raises AttributeError, because `Account` stores its `__balance` as `_Account__balance`.',
    );
    assert.equal(
      await hoverAtOffset(FIXTURE, FIXTURE.indexOf('self.__balance', FIXTURE.indexOf('def show')) + 6),
      'Name mangling: CPython compiles `__balance` here as `_Savings__balance` (class `Savings`).\n\n`Account` stores its `__balance` as `_Account__balance`, which this access does not reach.',
    );
  });

  it('says an assignment outside the class creates a separate attribute', async () => {
    const text = 'class Account:\n    def __init__(self):\n        self.__balance = 0\n\nacc = Account()\nacc.__ba$0lance = 5\n';
    assert.equal(
      await manglingAt(text),
      '`__balance` is not mangled here: this sets a separate attribute `__balance`, while `Account` stores its `__balance` as `_Account__balance`.',
    );
  });

  it('never mangles dunders, and says nothing outside classes when no class defines the name', async () => {
    assert.equal(await manglingAt('class A:\n    def __in$0it__(self): pass\n'), '');
    assert.equal(await manglingAt('def f(o):\n    return o.__pri$0vate\n'), '');
  });

  it('puts its line first in the hover', async () => {
    assert.match((await hoverAt('class A:\n    def m(self):\n        self.__x$0x = 1\n')) ?? '', /^Name mangling: CPython compiles `__xx` here as `_A__xx`/);
  });
});
