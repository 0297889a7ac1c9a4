import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../server/src/documents';
import { parseText, type PythonGrammar } from '../../server/src/parsing/treeSitter';
import { mergeSettings } from '../../server/src/service/config';
import { RuleEngine, type AnalysisState, type RuleDiagnostic } from '../../server/src/service/rules/engine';
import { allRules } from '../../server/src/service/rules/registry';
import { neverCancelled, type SourceFile } from '../../server/src/service/types';
import { getGrammar } from '../helpers/service';
import { stdlibRoot } from '../helpers/stdlib';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** Everything a diagnostic says, so "equal" means equal to the last character of every message and fix. */
export function described(d: RuleDiagnostic): string {
  return JSON.stringify([d.rule.code, d.startIndex, d.endIndex, d.severity, d.message, d.fix ?? null]);
}

/**
 * Statements whose findings depend on other statements: a generator's body, an async def, a class's members, a
 * global's bindings, module-level code read as a block, text that whole-file scans look for.
 */
const CROSS_UNIT = `import functools
import threading
import asyncio
import gc
import multiprocessing as mp
from functools import wraps


def numbers():
    yield 1
    yield 2


def measure():
    produced = numbers()
    return len(produced), produced[0]


async def fetch():
    return 1


def caller():
    fetch()
    asyncio.ensure_future(fetch())


class Plain:
    def __eq__(self, other):
        return True


class Secret:
    __slots__ = ("token", "other")

    def __init__(self):
        self.__token = 1

    def token(self):
        return self.__token


def peek():
    return Secret().__token


counter = 0


def work():
    global counter
    counter += len(str(counter))


def start():
    for _ in range(3):
        threading.Thread(target=work).start()


def decorator(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


lock = threading.Lock()
lock.acquire()
shared = [counter]
gen = (i for i in range(3))
gc.disable()
first = list(gen)
rebuilt = dict(first=first)


def between():
    return shared


more = [first, rebuilt]
second = list(gen)
lock.release()
gc.enable()

pool = mp.Pool()
values = pool.map(lambda v: v * 2, [1, 2])
setattr(Secret, "x", 1)
`;

/** The rule fixtures (every rule fires in them) and stretches of real stdlib modules, cut to keep the runs quick. */
function corpus(): string[] {
  const texts = [CROSS_UNIT, ...readdirSync(FIXTURES).filter((f) => /^pin\d+.*\.py$/.test(f)).map((f) => readFileSync(join(FIXTURES, f), 'utf8'))];
  const stdlib = stdlibRoot(); // undefined without an interpreter: the fixtures alone still cover every rule
  for (const [file, from] of [['typing.py', 1200], ['threading.py', 100], ['functools.py', 0], ['asyncio/tasks.py', 300]] as const) {
    if (stdlib) texts.push(readFileSync(join(stdlib, file), 'utf8').split('\n').slice(from, from + 150).join('\n'));
  }
  return texts;
}

/**
 * Text that changes what other statements depend on: imports, globals, star imports, module-level iterators, class
 * members and decorators, the patterns whole-text scans look for, and pieces that break and fix the syntax.
 */
const PIECES = [
  '\n', '\n\n', '    ', '\t', 'x', '_', '1', '(', ')', '[', ']', ':', ',', '"', "'", '"""', '#', ' # noqa', ' # noqa: PIN502', '\\',
  'def ', 'class ', 'async ', 'await ', 'lambda: i', 'yield x', 'return', ' is 1', 'global counter\n', 'nonlocal x\n',
  'import functools\n', 'import functools as ft\n', 'from functools import wraps\n', 'from os.path import *\n',
  'import multiprocessing as mp\n', 'from concurrent.futures import ProcessPoolExecutor\n', 'import threading\n',
  'import itertools\n', 'import asyncio\n', 'import time\n', 'from collections import deque as dd\n',
  'gen = (i for i in range(3))\n', 'len(gen)\n', 'list(gen)\n', 'counter = 0\n', 'lock = threading.Lock()\n',
  '__slots__ = ("a", "b")\n', '    __slots__ = ("a",)\n', '@functools.lru_cache\n', '@functools.total_ordering\n', '    @staticmethod\n',
  'class K:\n    def __eq__(self, other):\n        return True\n', '    def __hash__(self):\n        return 1\n',
  'def f(a=[]):\n    a.append(1)\n    return a\n', 'async def h():\n    time.sleep(1)\n', 'def g():\n    yield 1\n',
  'mp.set_start_method("fork")\n', 'setattr(obj, "x", 1)\n', 'self.__secret = 1\n', 'x.sort()\n', 'target=work', 'lock.acquire()\n',
  'Pool()', 'dd()', 'gc.disable()\n', 'raise StopIteration\n', 'if __name__ == "__main__":\n    pass\n',
];

/** Words other statements' findings hinge on: an edit there is where a wrong reuse would show. */
const TOKENS = /\b(?:yield|async|await|global|import|from|def|class|return|lambda|__slots__|__eq__|__hash__|__token|__secret|setattr|target|Thread|Lock|acquire|release|disable|enable|Pool|wraps|functools|numbers|fetch|work|counter|gen|sort|set_start_method|if|for)\b/g;

type Op = { readonly at: number; readonly length: number; readonly text: string; readonly place: 'anywhere' | 'line' | 'token' };

const op: fc.Arbitrary<Op> = fc.record({
  at: fc.nat(),
  length: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 3 }) }, { weight: 1, arbitrary: fc.nat({ max: 80 }) }),
  text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }),
  // At the start of a line (where statements, decorators and class members begin), or on one of the TOKENS.
  place: fc.constantFrom('anywhere' as const, 'line' as const, 'token' as const, 'token' as const),
});

/** The change `o` makes to the document (offsets clamped to the text). */
function apply(document: TextDocument, o: Op): TextDocumentContentChangeEvent {
  const text = document.getText();
  let start = o.at % (text.length + 1);
  let end = Math.min(text.length, start + o.length);
  if (o.place === 'line') {
    start = text.lastIndexOf('\n', start - 1) + 1;
    end = Math.min(text.length, start + o.length);
  } else if (o.place === 'token') {
    const tokens = [...text.matchAll(TOKENS)];
    const token = tokens[o.at % Math.max(1, tokens.length)];
    // Replace the word (or a part of it), or write right after it.
    if (token) [start, end] = o.length === 0 ? [token.index + token[0].length, token.index + token[0].length] : [token.index, token.index + Math.min(token[0].length, o.length)];
  }
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: o.text };
}

describe('incremental analysis', () => {
  let grammar: PythonGrammar;
  let incremental: RuleEngine;
  let fresh: RuleEngine;
  const settings = mergeSettings();
  const reject = (rule: { code: string }, error: unknown) => {
    throw new Error(`${rule.code} threw: ${error instanceof Error ? error.stack : String(error)}`);
  };

  before(async () => {
    grammar = await getGrammar();
    incremental = new RuleEngine(grammar, allRules, reject);
    fresh = new RuleEngine(grammar, allRules, reject);
  });
  after(() => {
    incremental.dispose();
    fresh.dispose();
  });

  /** A from-scratch analysis of `text`: a fresh parse, no previous state. */
  function fromScratch(text: string): string[] {
    const parser = grammar.createParser();
    const tree = parseText(parser, text);
    parser.delete();
    try {
      const file: SourceFile = { uri: 'file:///scratch.py', document: TextDocument.create('file:///scratch.py', 'python', 1, text), tree };
      return fresh.run(file, settings, neverCancelled).map(described);
    } finally {
      tree.delete();
    }
  }

  it('gives the same diagnostics as a from-scratch analysis after every edit of 300 random edit sequences', async function () {
    this.timeout(120_000);
    const sources = corpus();
    const store = new DocumentStore(grammar);
    const seen = { compared: 0, reused: 0, diagnostics: 0, skipped: 0, rerunShare: 0, multiChange: 0 };
    try {
      fc.assert(
        // A third of the runs edit the cross-unit source, where a wrong reuse is likeliest to show.
        fc.property(fc.oneof(fc.constant(0), fc.nat()), fc.array(fc.array(op, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (pick, events, analyseAfter) => {
          const uri = 'file:///edited.py';
          let entry = store.openDocument(uri, 'python', 1, sources[pick % sources.length]);
          let state: AnalysisState | undefined = incremental.analyze(entry, settings, neverCancelled).state;
          events.forEach((event, i) => {
            const changes = [];
            // Each change of an event is against the text the previous one left: compute them on a copy.
            const scratch = TextDocument.create(uri, 'python', 0, store.state(uri)!.document.getText());
            for (const o of event) {
              const change = apply(scratch, o);
              changes.push(change);
              TextDocument.update(scratch, [change], 0);
            }
            seen.multiChange += changes.length > 1 ? 1 : 0;
            const next = store.change(uri, store.state(uri)!.document.version + 1, changes);
            assert.ok(next, 'the edited document is parsed');
            entry = next;
            // Sometimes versions go by unanalysed (the server debounces): the next analysis combines their changes.
            if (!analyseAfter[i] && i < events.length - 1) {
              seen.skipped++;
              return;
            }
            const result = incremental.analyze(entry, settings, neverCancelled, state);
            state = result.state;
            const expected = fromScratch(entry.document.getText());
            assert.deepEqual(result.diagnostics.map(described), expected, `after event ${i} of ${JSON.stringify(events)}`);
            seen.compared++;
            seen.diagnostics += expected.length;
            if (result.reuse) {
              seen.reused++;
              seen.rerunShare += result.reuse.rerun / Math.max(1, result.reuse.units);
            }
          });
          store.close(uri);
        }),
        { seed: 7007, numRuns: 300, endOnFailure: true },
      );
    } finally {
      store.dispose();
    }
    // The runs must have exercised reuse, on files with findings, with versions skipped and events of several changes.
    assert.ok(seen.compared >= 500, `compared ${seen.compared}`);
    assert.ok(seen.reused >= seen.compared * 0.6, `reused ${seen.reused} of ${seen.compared}`);
    assert.ok(seen.diagnostics >= seen.compared * 3, `only ${seen.diagnostics} diagnostics`);
    assert.ok(seen.skipped >= 100 && seen.multiChange >= 100, JSON.stringify(seen));
    assert.ok(seen.rerunShare / seen.reused < 0.5, `re-ran ${((100 * seen.rerunShare) / seen.reused).toFixed(0)}% of the units on average`);
  });
});
