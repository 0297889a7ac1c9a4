// Test helpers: real tree-sitter parses of inline fixtures, the real service, caret annotations, fix application.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadPythonGrammar, parseText, type PythonGrammar } from '../../server/src/parsing/treeSitter';
import { mergeSettings, type SettingsLayer } from '../../server/src/service/config';
import { createLanguageService, type LanguageService } from '../../server/src/service/index';
import type { RuleDiagnostic } from '../../server/src/service/rules/engine';
import { neverCancelled, type OffsetEdit, type SourceFile } from '../../server/src/service/types';

let grammar: PythonGrammar | undefined;
let service: LanguageService | undefined;

export async function getGrammar(): Promise<PythonGrammar> {
  grammar ??= await loadPythonGrammar();
  return grammar;
}

export async function getService(): Promise<LanguageService> {
  service ??= createLanguageService({ grammar: await getGrammar(), onRuleError: (rule, error) => { throw new Error(`${rule.code} threw: ${String(error)}`); } });
  return service;
}

let counter = 0;

/** A parsed in-memory file. Trees live in WASM memory; tests that make many should call `dispose`. */
export async function sourceFile(text: string): Promise<SourceFile & { dispose(): void }> {
  const parser = (await getGrammar()).createParser();
  const tree = parseText(parser, text);
  parser.delete();
  const uri = `file:///fixture${++counter}.py`;
  return { uri, document: TextDocument.create(uri, 'python', 1, text), tree, dispose: () => tree.delete() };
}

/** Runs the service on `text` with the given settings (all rules by default). */
export async function analyze(text: string, settings: SettingsLayer = {}): Promise<RuleDiagnostic[]> {
  const file = await sourceFile(text);
  try {
    return [...(await getService()).analyze(file, mergeSettings(settings), neverCancelled)];
  } finally {
    (await getService()).forget(file.uri);
    file.dispose();
  }
}

/** Diagnostics of one rule as `line:col-endcol CODE` strings (0-based, end on the start line when single-line). */
export async function findings(text: string, code: string, settings: SettingsLayer = {}): Promise<string[]> {
  const results = await analyze(text, { select: [code], ...settings });
  const doc = TextDocument.create('file:///x.py', 'python', 1, text);
  return results.map((d) => {
    const start = doc.positionAt(d.startIndex);
    const end = doc.positionAt(d.endIndex);
    return `${start.line}:${start.character}-${end.line === start.line ? end.character : `${end.line}:${end.character}`} ${d.rule.code}`;
  });
}

/**
 * Expected diagnostics from caret comments: a line `#   ^^^ PIN502` marks columns of the nearest code line above.
 * Multi-line ranges are marked on their first line with carets to its end and `+` after the code: `^^^ PIN101+`.
 */
export function expectedFromCarets(text: string): string[] {
  const lines = text.split('\n');
  const expected: string[] = [];
  let codeLine = -1;
  lines.forEach((line, index) => {
    const caret = /^\s*#(\s*)(\^+)\s+(PIN\d{3})(\+?)\s*$/.exec(line);
    if (!caret) {
      if (line.trim() !== '') codeLine = index;
      return;
    }
    const start = line.indexOf('^');
    const end = start + caret[2].length;
    expected.push(caret[4] ? `${codeLine}:${start}-+ ${caret[3]}` : `${codeLine}:${start}-${end} ${caret[3]}`);
  });
  return expected;
}

/** Asserts the rule reports exactly the caret-annotated ranges of `text`. */
export async function assertCarets(text: string, code: string): Promise<void> {
  const actual = (await findings(text, code)).map((f) => f.replace(/^(\d+:\d+)-\d+:\d+ /, '$1-+ '));
  assert.deepEqual(actual, expectedFromCarets(text).filter((e) => e.endsWith(code)));
}

/** Applies offset edits (non-overlapping) to `text`. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/** The text after applying the fix of the only diagnostic of `code` in `text`. */
export async function fixed(text: string, code: string, index = 0): Promise<string> {
  const results = await analyze(text, { select: [code] });
  const fix = results[index]?.fix;
  assert.ok(fix, `expected a ${code} fix, got ${results.length} diagnostics`);
  return applyEdits(text, fix.edits);
}

/** Strips the common indentation of a template literal fixture (first line may be empty). */
export function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
