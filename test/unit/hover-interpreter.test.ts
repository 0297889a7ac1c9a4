// Hovers of the interpreter family (interpreter.ts and interpreterRuntime.ts): the right topic on realistic code,
// nothing on near-misses.
import assert from 'node:assert/strict';
import { assertHidesTopic as hides, assertShowsTopic as shows } from '../helpers/hover';

const PIPELINE = 'From source to bytecode: compile, exec, eval';
const FOLDING = 'Constant folding';
const DEAD = 'Dead branches removed at compile time';
const TUPLES = 'Constant tuples vs rebuilt lists and sets';

describe('hover: interpreter topics', () => {
  it('explains the compile pipeline on the builtins, not on look-alikes', async () => {
    await shows('code = comp$0ile(src, "<rule>", "eval")\n', PIPELINE);
    await shows('def run(src, ns):\n    ex$0ec(src, ns)\n', PIPELINE);
    await shows('import tokenize\nfor t in tokenize.generate_to$0kens(readline):\n    pass\n', PIPELINE);
    await hides('import re\npattern = re.comp$0ile(r"\\d+")\n', PIPELINE);
    await hides('def compile(parts):\n    return "".join(parts)\n\ncomp$0ile(["a"])\n', PIPELINE);
    await hides('class Engine:\n    def run(self, q):\n        return self.ev$0al(q)\n', PIPELINE);
  });

  it('folds literal-only arithmetic and says nothing when a variable is involved', async () => {
    await shows('SECONDS = 24 * 6$00 * 60\n', FOLDING);
    await shows('print("-" *$0 80)\n', FOLDING);
    await shows('def f(x):\n    return (60 * 6$00) * x\n', FOLDING);
    await hides('def timeout(days):\n    return days * 24 * 6$00 * 60\n', FOLDING);
    await hides('msg = "%d items" $0% 5\n', FOLDING);
    await hides('total = price *$0 qty\n', FOLDING);
  });

  it('stays linear on long near-miss expressions', async () => {
    // 0 + (1 + (2 + (… + (59 + x)))): every operator node starts with literals and only fails at the `x`.
    const nested = Array.from({ length: 60 }, (_, i) => `${i} + (`).join('') + 'x' + ')'.repeat(60);
    const started = Date.now();
    await hides(`y = ${nested.replace('0 +', '0 +$0')}\n`, FOLDING);
    assert.ok(Date.now() - started < 2000, 'the literal regex must not backtrack exponentially');
  });

  it('marks constant-false branches, not flags', async () => {
    await shows('i$0f False:\n    debug_dump()\n', DEAD);
    await shows('whi$0le 0:\n    pass\n', DEAD);
    await hides('DEBUG = False\ni$0f DEBUG:\n    debug_dump()\n', DEAD);
    await hides('from typing import TYPE_CHECKING\ni$0f TYPE_CHECKING:\n    import os\n', DEAD);
  });

  it('contrasts constant tuples with lists and sets of literals', async () => {
    await shows('WEEKEND = ("sat", "su$0n")\n', TUPLES);
    await shows('PRIMES = [2, 3, $05, 7]\n', TUPLES);
    await shows('VOWELS = {"a", "$0e", "i"}\n', TUPLES);
    await hides('pair = (x, $0y)\n', TUPLES);
    await hides('row = [name, 1$0, 2]\n', TUPLES);
  });

  it('explains code objects, dis and the stack on their APIs', async () => {
    await shows('def add(a, b):\n    return a + b\n\nprint(add.__co$0de__.co_varnames)\n', 'Code objects (`__code__`)', true);
    await shows('def add(a, b):\n    return a + b\n\nprint(add.__code__.co_con$0sts)\n', 'Code objects (`__code__`)', true);
    await shows('import dis\ndis.d$0is(f)\n', 'Disassembling with `dis`');
    await shows('from dis import get_instructions\nfor i in get_instr$0uctions(f):\n    pass\n', 'Disassembling with `dis`');
    await shows('print(f.__code__.co_stack$0size)\n', 'The bytecode stack machine', true);
    await hides('class Company:\n    def label(self):\n        return self.co_na$0me_short\n', 'Code objects (`__code__`)');
    await hides('dis = Dashboard()\ndis.d$0is()\n', 'Disassembling with `dis`');
  });

  it('explains eval-loop cost on timeit', async () => {
    await shows('import timeit\nprint(timeit.time$0it("sum(range(100))", number=1000))\n', 'The evaluation loop and per-instruction cost');
    await hides('import time\nstart = time.perf_coun$0ter()\n', 'The evaluation loop and per-instruction cost');
  });

  it('explains implementations, frames, signals and loaders', async () => {
    await shows('import sys\nif sys.implemen$0tation.name == "pypy":\n    pass\n', 'CPython and other implementations');
    await shows('import sys\nframe = sys._getfr$0ame(1)\n', 'Frame objects');
    await shows('def who(frame):\n    return frame.f_ba$0ck\n', 'Frame objects', true);
    await shows('import signal\nsignal.sig$0nal(signal.SIGTERM, handler)\n', 'When Python signal handlers run');
    await shows('import importlib.util\nspec = importlib.util.spec_from_file_loc$0ation("p", path)\n', 'Import machinery: specs, loaders, `exec_module`');
    await hides('class Radio:\n    def tune(self):\n        self.sig$0nal(3)\n', 'When Python signal handlers run');
    await hides('from blinker import signal\nsaved = sig$0nal("saved")\n', 'When Python signal handlers run');
  });
});
