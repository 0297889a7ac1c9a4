import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../server/src/documents';
import { parseText, type PythonGrammar } from '../../server/src/parsing/treeSitter';
import { MAX_CHAIN } from '../../server/src/service/analysis/changes';
import { queryRange } from '../../server/src/service/analysis/units';
import { mergeSettings, type Settings } from '../../server/src/service/config';
import { createLanguageService } from '../../server/src/service/index';
import { RuleEngine, type AnalysisState, type EngineResult, type RuleDiagnostic } from '../../server/src/service/rules/engine';
import { LINE_NUMBER } from '../../server/src/service/rules/engineState';
import { QueryPlans, rootTypes } from '../../server/src/service/rules/queryPlans';
import { allRules } from '../../server/src/service/rules/registry';
import { neverCancelled, type SourceFile } from '../../server/src/service/types';
import { getGrammar, py } from '../helpers/service';

const show = (d: RuleDiagnostic) => `${d.rule.code}@${d.startIndex}-${d.endIndex} ${d.message} ${JSON.stringify(d.fix ?? null)}`;

/** One open document, analysed incrementally; every analysis is checked against a from-scratch one of the same text. */
class Session {
  private readonly store: DocumentStore;
  private state: AnalysisState | undefined;
  private version = 1;
  readonly uri = 'file:///session.py';

  constructor(
    private readonly grammar: PythonGrammar,
    private readonly engine: RuleEngine,
    private readonly fresh: RuleEngine,
    text: string,
    private settings: Settings = mergeSettings(),
  ) {
    this.store = new DocumentStore(grammar);
    this.state = this.check(this.store.openDocument(this.uri, 'python', 1, text)).state;
  }

  get text(): string {
    return this.store.state(this.uri)!.document.getText();
  }

  /** Replaces the first `old` after `after` (if given) by `replacement`, without analysing. */
  edit(old: string, replacement: string, after = ''): void {
    const text = this.text;
    const at = text.indexOf(old, after ? text.indexOf(after) : 0);
    assert.ok(at >= 0, `${old} is in the text`);
    const document = this.store.state(this.uri)!.document;
    this.store.change(this.uri, ++this.version, [{ range: { start: document.positionAt(at), end: document.positionAt(at + old.length) }, text: replacement }]);
  }

  replaceAll(text: string): void {
    this.store.change(this.uri, ++this.version, [{ text }]);
  }

  useSettings(settings: Settings): void {
    this.settings = settings;
  }

  /** Analyses the current version, reusing the previous analysis; asserts it equals a from-scratch one. */
  analyse(): EngineResult {
    const result = this.check(this.store.get(this.uri)!, this.state);
    this.state = result.state;
    return result;
  }

  /** Forgets the state, as the service does when an analysis is cancelled. */
  drop(): void {
    this.state = undefined;
  }

  private check(file: SourceFile, previous?: AnalysisState): EngineResult {
    const result = this.engine.analyze(file, this.settings, neverCancelled, previous);
    const parser = this.grammar.createParser();
    const tree = parseText(parser, file.document.getText());
    parser.delete();
    try {
      const scratch = { uri: 'file:///scratch.py', document: TextDocument.create('file:///scratch.py', 'python', 1, file.document.getText()), tree };
      assert.deepEqual(result.diagnostics.map(show), this.fresh.run(scratch, this.settings, neverCancelled).map(show));
    } finally {
      tree.delete();
    }
    return result;
  }

  codes(result: EngineResult): string[] {
    return result.diagnostics.map((d) => d.rule.code);
  }

  dispose(): void {
    this.store.dispose();
  }
}

describe('incremental analysis: what an edit re-runs, and when it starts afresh', () => {
  let grammar: PythonGrammar;
  let engine: RuleEngine;
  let fresh: RuleEngine;
  const sessions: Session[] = [];
  const session = (text: string, settings?: Settings) => {
    const s = new Session(grammar, engine, fresh, text, settings);
    sessions.push(s);
    return s;
  };

  before(async () => {
    grammar = await getGrammar();
    const reject = (rule: { code: string }, error: unknown) => {
      throw new Error(`${rule.code} threw: ${String(error)}`);
    };
    engine = new RuleEngine(grammar, allRules, reject);
    fresh = new RuleEngine(grammar, allRules, reject);
  });
  after(() => {
    for (const s of sessions) s.dispose();
    engine.dispose();
    fresh.dispose();
  });

  const functions = Array.from({ length: 30 }, (_, i) => `def f${i}(x=[]):\n    x.append(${i})\n    return x\n`).join('\n\n');

  it('re-runs only the edited function for an edit in its body, and its neighbours when a line is shared', () => {
    const s = session(functions);
    s.edit('x.append(15)', 'x.append(150)');
    const result = s.analyse();
    assert.ok(result.reuse, 'the previous analysis was reused');
    assert.equal(result.reuse.units, 30);
    assert.equal(result.reuse.rerun, 1);
    assert.equal(s.codes(result).length, 30);
    const shared = session(`${functions}\n\na = 1; b = 2\n`);
    shared.edit('a = 1', 'a = 10');
    // `a = …` and `b = 2`, which shares its line (a check may read the rest of a statement's line), not f29.
    assert.equal(shared.analyse().reuse?.rerun, 2);
  });

  it('re-runs a class member and the class own checks, not the other members', () => {
    const members = Array.from({ length: 20 }, (_, i) => `    def m${i}(self):\n        return ${i}\n`).join('\n');
    const s = session(`class Big:\n${members}\n    def __get__(self, instance, owner):\n        return instance.value\n`);
    assert.deepEqual(s.codes(s.analyse()), ['PIN508']);
    s.edit('return 7', 'return 70');
    // The member and the class, whose checks (PIN508's pattern is rooted at the class) read its members.
    assert.equal(s.analyse().reuse?.rerun, 2);
    s.edit('return instance.value', 'return instance');
    assert.deepEqual(s.codes(s.analyse()), []);
    s.edit('return instance', 'return instance.value');
    assert.deepEqual(s.codes(s.analyse()), ['PIN508']);
  });

  it('follows the body of a definition other statements read: a generator that stops yielding', () => {
    const unrelated = Array.from({ length: 5 }, (_, i) => `def unrelated${i}():\n    return ${i}\n`).join('\n\n');
    const s = session(`def numbers():\n    yield 1\n\n\n${unrelated}\n\n${py`
      def measure():
          produced = numbers()
          return len(produced)
    `}`);
    assert.deepEqual(s.codes(s.analyse()), ['PIN403']);
    s.edit('yield 1', 'return 1');
    const result = s.analyse();
    assert.deepEqual(s.codes(result), []);
    // numbers(), and measure(), which read numbers()'s body.
    assert.equal(result.reuse?.rerun, 2);
    assert.equal(result.reuse?.units, 7);
  });

  it('follows the bindings of names: an import added far away makes a call build a mutable default', () => {
    const s = session(`import os\n\nLIMIT = 1\n\n\n${functions.replace('def f20(x=[])', 'def f20(x=dd())')}`);
    assert.equal(s.codes(s.analyse()).length, 29);
    s.edit('LIMIT = 1\n', 'LIMIT = 1\nfrom collections import deque as dd\n');
    const result = s.analyse();
    assert.equal(s.codes(result).length, 30);
    // The edited statement and the new one, their neighbours, and f20, which looked `dd` up.
    assert.equal(result.reuse?.rerun, 5);
  });

  it('follows what whole-text scans look for: a setattr anywhere silences PIN503', () => {
    const s = session(py`
      class Secret:
          def __init__(self):
              self.__token = 1


      def peek():
          return Secret().__token


      def between():
          return 0


      def elsewhere():
          return 1
    `);
    assert.deepEqual(s.codes(s.analyse()), ['PIN503']);
    s.edit('return 1', 'return setattr(Secret, "x", 1)');
    assert.deepEqual(s.codes(s.analyse()), []);
  });

  it('re-runs checks that read module-level code as a block on every edit: an iterator consumed twice', () => {
    const s = session(py`
      gen = (i for i in range(3))
      first = list(gen)


      def between():
          return 1


      second = list(gen)
    `);
    assert.deepEqual(s.codes(s.analyse()), ['PIN401']);
    s.edit('first = list(gen)', 'first = 1');
    assert.deepEqual(s.codes(s.analyse()), []);
  });

  it('updates line numbers in messages when lines are added above', () => {
    const s = session(`def early():\n    return 1\n\n\ndef between():\n    return 0\n\n\n${py`
      def late(items):
          it = iter(items)
          total = sum(it)
          return list(it)
    `}`);
    const before = s.analyse().diagnostics[0].message;
    s.edit('return 1', 'x = 1\n    return x');
    const after = s.analyse().diagnostics[0].message;
    assert.notEqual(after, before);
    assert.match(after, /on line 11/);
  });

  it('runs a rule everywhere when its prefilter starts to pass', () => {
    const s = session(`${functions}\n\nclass Slotted:\n    def a(self):\n        return 1\n`);
    s.edit('    def a(self):', '    __slots__ = ("a",)\n\n    def a(self):');
    const result = s.analyse();
    assert.ok((result.reuse?.rulesEverywhere ?? 0) >= 1, 'PIN511 now applies to the file');
    assert.ok(s.codes(result).includes('PIN511'));
  });

  it('starts afresh when the file-wide facts fixes read change', () => {
    const s = session(`"""Doc."""\nimport os\n\n\n${functions}`);
    s.edit('Doc.', 'Documentation.');
    assert.ok(s.analyse().reuse, 'an edit inside the docstring keeps the import position');
    s.edit('import os\n', 'import os\nimport sys\n');
    assert.equal(s.analyse().reuse, undefined, 'a new leading import moves where fixes add imports');
    s.edit('    x.append(0)', '  x.append(0)');
    assert.equal(s.analyse().reuse, undefined, 'the first indented body sets the indentation unit');
  });

  it('starts afresh for a star import, and keeps a class with class-level globals whole', () => {
    const s = session(`${functions}\n\nclass Holder:\n    value = 1\n\n    def read(self):\n        return 1\n`);
    s.edit('def f3(', 'from os.path import *\n\n\ndef f3(');
    assert.equal(s.analyse().reuse, undefined);
    s.edit('    value = 1', '    global value\n    value = 1');
    assert.equal(s.analyse().reuse, undefined);
    s.edit('return 1\n', 'return 2\n', 'def read');
    assert.ok(s.analyse().reuse);
  });

  it('starts afresh for new settings, a whole-text replacement, and a version too far behind', () => {
    const s = session(functions);
    s.useSettings(mergeSettings({ ignore: ['PIN501'] }));
    s.edit('x.append(3)', 'x.append(33)');
    assert.equal(s.analyse().reuse, undefined);
    s.replaceAll(functions.replace('f1(', 'g1('));
    assert.equal(s.analyse().reuse, undefined);
    for (let i = 0; i <= MAX_CHAIN + 1; i++) s.edit('x.append(5', 'x.append(55');
    assert.equal(s.analyse().reuse, undefined);
  });

  it('combines the changes of versions it did not analyse', () => {
    const s = session(functions);
    s.edit('x.append(4)', 'x.append(44)');
    s.edit('def f9(x=[])', 'def f9(x=())');
    s.edit('x.append(20)', 'x.clear()');
    const result = s.analyse();
    assert.ok(result.reuse);
    assert.equal(s.codes(result).length, 29);
  });

  it('starts afresh, and exactly, when there is no previous state (a cancelled full analysis keeps none)', () => {
    const s = session(functions);
    s.edit('x.append(8)', 'x.append(88)');
    s.drop();
    assert.equal(s.analyse().reuse, undefined);
    s.edit('x.append(9)', 'x.append(99)');
    assert.ok(s.analyse().reuse);
  });

  it('does not stop an incremental analysis half-way when the request is cancelled, and keeps no cancelled full one', () => {
    const store = new DocumentStore(grammar);
    const cancelled = { isCancellationRequested: true };
    try {
      const opened = store.openDocument('file:///cancel.py', 'python', 1, functions);
      const stopped = engine.analyze(opened, mergeSettings(), cancelled);
      assert.deepEqual([stopped.diagnostics, stopped.state], [[], undefined]);
      const settings = mergeSettings();
      const first = engine.analyze(opened, settings, neverCancelled);
      const document = opened.document;
      const at = functions.indexOf('x.append(3)');
      const next = store.change(opened.uri, 2, [{ range: { start: document.positionAt(at), end: document.positionAt(at + 1) }, text: 'y' }])!;
      const result = engine.analyze(next, settings, cancelled, first.state);
      assert.ok(result.reuse && result.state, 'the incremental analysis ran to its end');
      assert.equal(result.diagnostics.length, 30);
    } finally {
      store.dispose();
    }
  });

  it('is what the language service does across didChange versions', async () => {
    const service = createLanguageService({ grammar });
    const store = new DocumentStore(grammar);
    const settings = mergeSettings();
    try {
      let entry = store.openDocument('file:///service.py', 'python', 1, functions);
      assert.equal(service.analyze(entry, settings, neverCancelled).length, 30);
      const document = entry.document;
      const at = functions.indexOf('def f12(x=[])') + 'def f12(x='.length;
      entry = store.change(entry.uri, 2, [{ range: { start: document.positionAt(at), end: document.positionAt(at + 2) }, text: 'None' }])!;
      assert.equal(service.analyze(entry, settings, neverCancelled).length, 29);
      // The cached analysis of this version answers hovers and code actions.
      assert.equal(service.analyze(entry, settings, neverCancelled), service.analyze(entry, settings, neverCancelled));
    } finally {
      store.dispose();
      service.dispose();
    }
  });
});

describe('incremental analysis: the rules keep the contract it relies on', () => {
  const RULES = join(__dirname, '..', '..', 'server', 'src', 'service', 'rules');

  it('mentions line numbers in messages only as "line N", which the engine recognises', () => {
    let placeholders = 0;
    for (const file of readdirSync(RULES).filter((f) => /^pin\d+/.test(f))) {
      const source = readFileSync(join(RULES, file), 'utf8');
      // A placeholder whose value is a row (a `.row` expression, or a `line` variable holding one).
      for (const m of source.matchAll(/\$\{([^{}]*(?:\.row\b[^{}]*|\bline))\}/g)) {
        placeholders++;
        assert.match(source.slice(m.index - 6, m.index), /\blines? $/, `${file}: ${m[0]} is not written as "line N"`);
      }
    }
    assert.ok(placeholders >= 9, `found only ${placeholders} line placeholders`);
    assert.match('the `gc.enable()` on line 12 runs', LINE_NUMBER);
    assert.doesNotMatch('`f20.__defaults__` holds 1 list', LINE_NUMBER);
  });

  it('restricts batched queries to exactly a span of the text, non-ASCII text included', async () => {
    const grammar = await getGrammar();
    const text = Array.from({ length: 200 }, (_, i) => `s${i} = "é😀${i}"`).join('\n');
    const parser = grammar.createParser();
    const tree = parseText(parser, text);
    const query = grammar.query('(identifier) @id');
    try {
      const [start, end] = [text.indexOf('s50 '), text.indexOf('s150 ')];
      const inRange = query.matches(tree.rootNode, queryRange(start, end)).map((m) => m.captures[0].node.text);
      assert.equal(inRange.length, 100);
      assert.equal(inRange[0], 's50');
      assert.equal(inRange[99], 's149');
    } finally {
      query.delete();
      tree.delete();
      parser.delete();
    }
  });

  it('roots every pattern of a statement rule at a node type below the module, so each match has a unit', async () => {
    const plans = new QueryPlans(await getGrammar(), allRules);
    try {
      for (const rule of allRules.filter((r) => r.scope === 'statement')) {
        for (const pattern of plans.ownQuery(rule).patterns) {
          assert.ok(pattern.roots && pattern.roots.length > 0 && !pattern.roots.includes('module'), `${rule.code} pattern ${pattern.pattern}: ${pattern.roots}`);
        }
      }
    } finally {
      plans.dispose();
    }
    assert.deepEqual(rootTypes('[(a) (b x: (c))] @z'), ['a', 'b']);
    assert.deepEqual(rootTypes('; comment\n(call function: (_))'), ['call']);
    assert.equal(rootTypes('(_) @any'), undefined);
  });
});
