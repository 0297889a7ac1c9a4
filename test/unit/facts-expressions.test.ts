// Expression facts: `is` with cached literals, constant folding (checked against CPython 3.11's own bytecode), and
// comprehensions vs generator expressions.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { foldConstant } from '../../server/src/service/analysis/constantFolding';
import { pyRepr } from '../../server/src/service/analysis/pyLiterals';
import { hoverAt } from '../helpers/hover';
import { sourceFile } from '../helpers/service';

// -W: the checks below compile `is` with literals on purpose; the warnings they record are asserted, not printed.
const python = (script: string, input = ''): string => execFileSync('python3', ['-W', 'ignore::SyntaxWarning', '-c', script], { input, encoding: 'utf8' });

// Folding cases, including both sides of the 128-bit and 4096-character guards, floats, bools, escapes and errors.
const EXPRESSIONS = [
  '24 * 60 * 60', '2 ** 10', '"ab" * 3', '-1', '2**64', '2**100', '2**127', '2**63*2', '2**62*2**66', '1<<127', '1<<128', '3<<126',
  '"ab"*2048', '"ab"*2049', '3 * "ab" * 2', '"%s" % 5', '1/0', '-2**2', '7//-2', '-7//2', '7%-3', '-7.5%2', '7.5//-2', '1e308*10',
  '~True', 'True&True', 'True+True', 'True|0', 'not 1', 'not ""', '0x_ff+0b1', '0o17 * 1_000', '"a" "b" * 2', '""*10**30', '1/3', '2/4',
  '0.1+0.2', '1e16+1', '1e15*3', '0.00001*1', '1.5e-7*2', '-0.0*1', '0.0*-1', 'b"ab"+b"\\x00\\xff"', '"it\'s" + "x"', '"a\\tb" * 2',
  '"\\x41\\u0042" + "\\101"', '"a" + 1', '10 % 0', '2 ** 0', '0 ** 0', '0 << 1000', '5 >> 100', '-5 >> 1', '~-1', '+5', '(1 + 2) * 3',
  '1 - 10**40', '2**128 // 2', 'r"\\n" * 2', '1e300 * 1e300', '1.0 // 0', '2 @ 3', '10**38 * 10', '-(-128)', '-7 % 3', '5 ^ 3 | 8', '(5 ^ 3) & 6 | 8', '5 ^ (3 & 6) | 8',
  '"""a\nb""" * 2', 'b"x" * -1', '"x" * 0', '1 + 2.5', '10**15 / 4', '3.0 % -2', '-3.0 // 2', '2**32 * 2**96', '2**32 * 2**97',
];

const FOLDED = String.raw`
import dis, json, sys, warnings
warnings.simplefilter("ignore")
out = []
for source in json.loads(sys.stdin.read()):
    code = compile(source, "<fold>", "eval")
    ops = [i.opname for i in dis.get_instructions(code)]
    out.append(repr(code.co_consts[0]) if ops == ["RESUME", "LOAD_CONST", "RETURN_VALUE"] else None)
print(json.dumps(out))
`;

async function fold(expression: string): Promise<string | null | 'unknown'> {
  const file = await sourceFile(`${expression}\n`);
  try {
    const result = foldConstant(file.tree.rootNode.namedChild(0)!.namedChild(0)!);
    if (result.kind === 'unknown') return 'unknown';
    return result.kind === 'folded' ? (pyRepr(result.value) ?? 'unknown') : null;
  } finally {
    file.dispose();
  }
}

describe('expression facts', () => {
  it('folds exactly what CPython 3.11 folds, to the same value', async () => {
    const expected = JSON.parse(python(FOLDED, JSON.stringify(EXPRESSIONS))) as Array<string | null>;
    const actual = await Promise.all(EXPRESSIONS.map(fold));
    assert.deepEqual(EXPRESSIONS.map((e, i) => [e, actual[i]]), EXPRESSIONS.map((e, i) => [e, expected[i]]));
  });

  it('makes no folding claim where the exact result is not reproduced', async () => {
    // (tree-sitter-python groups `5 ^ 3 & 6` as `(5 ^ 3) & 6`; CPython as `5 ^ (3 & 6)`.)
    for (const expression of ['2 ** -1', '2.0 ** 0.5', '1j * 2', 'x * 2', '"é" * 2', '10**20 / 4', '5 ^ 3 & 6', '5 & 3 ^ 6']) assert.equal(await fold(expression), 'unknown', expression);
  });

  it('shows the folded constant, and why a constant expression is not folded', async () => {
    assert.match((await hoverAt('SECONDS = 24 *$0 60 * 60\n'))!, /Folded at compile time: the bytecode loads the constant `86400` instead of computing `24 \* 60 \* 60`\./);
    assert.match((await hoverAt('x = y * (2 $0** 10)\n'))!, /loads the constant `1024`/);
    assert.match((await hoverAt('x = 2 $0** 200\n'))!, /Not folded: .*ints over 128 bits/);
    assert.equal((await hoverAt('x = y $0* 60 * 60\n')) ?? '', '');
  });

  it('explains why `is` with a small int or identifier-like string only seems to work', async () => {
    // The facts the text rests on, checked on this CPython: the cache's edges, interning, the compile-time warning.
    const checks = python(String.raw`
import sys, warnings
print(int('256') is 256, int('257') is 257, int('-5') is -5, int('-6') is -6)
computed = ''.join(['na', 'me'])
print(computed is 'name', sys.intern(computed) is 'name')
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    compile('x is 256', '<is>', 'eval')
print(caught[0].category.__name__, caught[0].message)
`);
    assert.equal(checks, 'True False True False\nFalse True\nSyntaxWarning "is" with a literal. Did you mean "=="?\n');
    assert.match((await hoverAt('if x $0is 256:\n    pass\n'))!, /`is 256` compares identity\. It may \*seem\* to work because CPython creates the ints -5…256 once/);
    assert.match((await hoverAt('if x is not $0-5:\n    pass\n'))!, /`is not -5` compares identity/);
    assert.match((await hoverAt('if mode i$0s "fast":\n    pass\n'))!, /`is "fast"` compares identity\. It may \*seem\* to work because CPython interns identifier-like string constants/);
    assert.ok(!(await hoverAt('if x $0is 257:\n    pass\n'))?.includes('compares identity. It may'));
    assert.ok(!(await hoverAt('if x $0is "two words":\n    pass\n'))?.includes('compares identity. It may'));
  });

  it('contrasts comprehensions with generator expressions, per target version', async () => {
    // On the local CPython 3.11: comprehensions are separate code objects; a generator expression is consumed once.
    assert.equal(python(String.raw`
code = compile("a = [x for x in y]\nb = (x for x in y)\nc = {x for x in y}\nd = {x: 1 for x in y}", "<c>", "exec")
print(sorted(c.co_name for c in code.co_consts if hasattr(c, "co_name")))
g = (x for x in range(3))
print(sum(g), sum(g))
`), "['<dictcomp>', '<genexpr>', '<listcomp>', '<setcomp>']\n3 0\n");
    const list311 = (await hoverAt('total = sum($0[x * x for x in range(10)])\n'))!;
    assert.match(list311, /A list comprehension builds the whole list in memory at once/);
    assert.match(list311, /On Python 3\.11 it runs as a hidden nested function `<listcomp>` with its own frame/);
    const list312 = (await hoverAt('total = sum([x * x $0for x in range(10)])\n', { targetVersion: { major: 3, minor: 12 } }))!;
    assert.match(list312, /On Python 3\.12 it is inlined into the enclosing code \(PEP 709, 3\.12\+\)/);
    const gen = (await hoverAt('total = sum(x * x $0for x in range(10))\n'))!;
    assert.match(gen, /A generator expression produces one item at a time.*consumed only once/);
    assert.match(gen, /own code object \(`<genexpr>`\) and frame/);
  });
});
