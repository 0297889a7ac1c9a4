// Hostile inputs shared by the unit, LSP and CLI robustness tests: what a fuzzer, a generated file or a binary opened
// by mistake puts in front of the analyser. Each is built from a formula, so the tests state what they feed in.

/** Levels of nesting in the deep inputs: far past the JavaScript stack and past any parent walk worth doing. */
export const DEEP = 100_000;

/** Nested 100,000 levels deep in different grammatical shapes (every one parses with tree-sitter). */
export function deepInputs(n = DEEP): Record<string, string> {
  const chain = (item: string, separator: string) => Array.from({ length: n }, () => item).join(separator);
  return {
    parentheses: `x = ${'('.repeat(n)}1${')'.repeat(n)}\n`,
    negations: `x = ${'-('.repeat(n)}1${')'.repeat(n)}\n`,
    unarySigns: `x = y is ${'-'.repeat(n)}1\n`,
    additions: `x = ${chain('a', '+')}\n`,
    lists: `x = ${'['.repeat(n)}${']'.repeat(n)}\n`,
    calls: `import multiprocessing as mp\nmp.Process(target=${'f('.repeat(n)}g${')'.repeat(n)}).start()\n`,
    mainGuardChain: `if ${chain('__name__ == "__main__"', ' and ')}:\n    pass\n`,
    lambdas: `x = ${'lambda: '.repeat(n)}1\n`,
    attributes: `import multiprocessing as mp\nmp.Process(target=a${'.b'.repeat(n)}).start()\n`,
    chainedAssignment: `${chain('a', ' = ')} = 1\n`,
    comparisonInside: `x = ${'('.repeat(n)}y is 1${')'.repeat(n)}\n`,
  };
}

/** 20,000 lines of ordinary code: a class inheriting from the one before (a chain, but a flat tree). */
export function classChain(n = 20_000): string {
  return `class C0:\n    pass\n${Array.from({ length: n }, (_, i) => `class C${i + 1}(C${i}):\n    pass\n`).join('')}`;
}

/** Text-level oddities an editor can hand over; most end with one PIN501 finding (`x is 1`). */
export function textInputs(): Record<string, string> {
  const longLine = `data = [${Array.from({ length: 10_000 }, (_, i) => String(i % 1000)).join(', ')}]; flag = x is 1\n`;
  // Every byte value, then the latin1 reading of them: NUL, C0 controls, and bytes that are not UTF-8 on their own.
  const garbage = Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919 + (i >> 5)) % 256)).toString('latin1');
  return {
    longLine,
    nulAndBinary: `a = 1\n${garbage}\0\0\0\nflag = x is 1\n`,
    replacementCharacters: `s = "\ufffd\ufffd"\ufffd\nflag = x is 1\n`,
    loneSurrogates: `s = "\ud800"\n\udc00\ud800 = 2\nflag = x is 1  # \udfff\n`,
    crlf: 'import os\r\n\r\ndef f(x):\r\n    return x is 1\r\n',
    loneCr: 'import os\r\rdef f(x):\r    return x is 1\r',
    mixedEndings: 'import os\n\r\ndef f(x):\r    y = 2\r\n    return x is 1\n',
    byteOrderMark: '\ufeffimport os\nflag = x is 1\n',
    tabsAndSpaces: 'if a:\n\tif b:\n\t\ty = 1\n        flag = x is 1\n    \tz = 3\n',
    onlyWhitespace: ' \t\f\v\r\n'.repeat(1000),
    empty: '',
  };
}

/** A long valid module: `count` functions with one finding each. */
export function largeModule(count: number): string {
  return Array.from({ length: count }, (_, i) => `def f${i}(x, items=[]):\n    items.append(x)\n    return x is ${i % 300}\n\n`).join('');
}
