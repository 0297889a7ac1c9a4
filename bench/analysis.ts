// In-process analysis cost per file and per keystroke, with the alternatives the design weighed measured alongside
// (one combined query vs one query per rule, a JS walk over every node). Medians over many repetitions with
// performance.now(); nothing here asserts a time. One section of bench/RESULTS.md (bench/run.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../server/src/documents';
import { loadPythonGrammar, parseText, type PythonGrammar } from '../server/src/parsing/treeSitter';
import { NameResolver } from '../server/src/service/analysis/resolve';
import { ScopeIndex } from '../server/src/service/analysis/scopes';
import { mergeSettings } from '../server/src/service/config';
import { createLanguageService, type LanguageService } from '../server/src/service/index';
import { TextFacts } from '../server/src/service/analysis/textFacts';
import { UnitTree } from '../server/src/service/analysis/units';
import { QueryPlans } from '../server/src/service/rules/queryPlans';
import { allRules } from '../server/src/service/rules/registry';
import { ofRules, passMatches } from '../server/src/service/rules/unitChecks';
import { neverCancelled } from '../server/src/service/types';
import { quantile, STDLIB, table, type Section } from './common';

type Row = [string, number[]];

function time(repetitions: number, work: (i: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    work(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

function benchFile(grammar: PythonGrammar, service: LanguageService, name: string): Row[] {
  const text = readFileSync(join(STDLIB, name), 'utf8');
  const lines = text.split('\n').length;
  const label = `${name} (${lines} lines)`;
  const parser = grammar.createParser();
  const settings = mergeSettings();
  const rows: Row[] = [];
  rows.push([`${label}: full parse`, time(30, () => parseText(parser, text).delete())]);
  const tree = parseText(parser, text);
  rows.push([`${label}: analysis, all rules`, time(30, (i) => {
    const uri = `file:///bench/${i}.py`;
    service.analyze({ uri, document: TextDocument.create(uri, 'python', i, text), tree }, settings, neverCancelled);
    service.forget(uri);
  })]);
  const combined = grammar.query(allRules.map((r) => r.query).join('\n'));
  const separate = allRules.map((r) => grammar.query(r.query));
  rows.push([`${label}: strategy A, every rule's patterns in one query (matches only)`, time(20, () => combined.matches(tree.rootNode))]);
  rows.push([`${label}: strategy B, one query per rule (matches only, sum)`, time(10, () => separate.forEach((q) => q.matches(tree.rootNode)))]);
  // What the engine runs (queryPlans.ts): the shared query, plus the anchored and broad rules whose prefilter passes.
  const plans = new QueryPlans(grammar, allRules);
  const facts = new TextFacts(UnitTree.build(tree.rootNode), text);
  const statementRules = allRules.filter((r) => r.scope === 'statement' && r.maxStartDepth === undefined);
  const passes = plans.passes(statementRules.filter((r) => !r.appliesTo || r.appliesTo(facts)), new Set(allRules));
  const top = UnitTree.build(tree.rootNode).top;
  rows.push([`${label}: the engine's plan, ${passes.length} passes: shared query + anchored and broad rules that apply (matches only)`, time(20, () => passes.forEach((p) => ofRules(passMatches(p, tree.rootNode, text, top), p)))]);
  plans.dispose();
  rows.push([`${label}: scope index + name resolver (built lazily)`, time(30, () => new NameResolver(new ScopeIndex(tree, grammar)))]);
  rows.push([`${label}: JS walk over every node (rejected)`, time(20, () => {
    const cursor = tree.walk();
    for (;;) {
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return cursor.delete();
    }
  })]);
  // Hovers and code actions at pseudo-random positions of one version: the analysis is cached, the name resolver too.
  const document = TextDocument.create(`file:///bench/hover/${name}`, 'python', 1, text);
  const file = { uri: document.uri, document, tree };
  let seed = 42;
  const nextOffset = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % text.length;
  service.diagnostics(file, settings, neverCancelled);
  // Hovers land on identifiers (names, attributes, defs, classes): the positions where facts and topics are computed.
  const identifiers = grammar.query('(identifier) @id').matches(tree.rootNode).map((m) => m.captures[0].node.startIndex);
  rows.push([`${label}: hover on a random identifier`, time(1000, () => service.hover(file, document.positionAt(identifiers[nextOffset() % identifiers.length]), settings, neverCancelled))]);
  rows.push([`${label}: code actions at a random line`, time(1000, () => {
    const line = document.positionAt(nextOffset()).line;
    service.codeActions(file, { diagnostics: service.diagnostics(file, settings, neverCancelled).filter((d) => d.range.start.line === line) }, settings, neverCancelled);
  })]);
  service.forget(file.uri);
  combined.delete();
  separate.forEach((q) => q.delete());
  tree.delete();
  parser.delete();

  // One-character edits in the middle of the file, as the server handles a keystroke: incremental reparse + diagnostics.
  const store = new DocumentStore(grammar);
  const uri = `file:///bench/${name}`;
  store.openDocument(uri, 'python', 0, text);
  const middle = Math.floor(lines / 2);
  let version = 0;
  rows.push([`${label}: keystroke → diagnostics`, time(200, (i) => {
    const end = { line: middle, character: i % 2 === 0 ? 0 : 1 };
    const entry = store.change(uri, ++version, [{ range: { start: { line: middle, character: 0 }, end }, text: i % 2 === 0 ? 'x' : '' }])!;
    service.diagnostics(entry, settings, neverCancelled);
  })]);
  store.dispose();
  return rows;
}

export async function analysisSection(): Promise<Section> {
  const grammar = await loadPythonGrammar();
  const service = createLanguageService({ grammar });
  const rows = ['typing.py', 'multiprocessing/managers.py', '_pydecimal.py'].flatMap((name) => benchFile(grammar, service, name));
  service.dispose();
  const body = table(['measurement', 'median ms', 'p95 ms', 'runs'], rows.map(([name, s]) => [name, quantile(s, 0.5).toFixed(2), quantile(s, 0.95).toFixed(2), String(s.length)]));
  return { title: 'Analysis in process (no server, no JSON-RPC)', body, goals: [] };
}

if (require.main === module) {
  void analysisSection().then((s) => process.stdout.write(`## ${s.title}\n\n${s.body}\n`));
}
