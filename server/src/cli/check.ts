// checkFile(path) → FileResult: read, decode, parse, analyse, convert, free. One parser for the whole run; every
// tree is deleted and the service told to forget the file straight away, because trees live in WASM memory and a
// run over thousands of files would otherwise grow without bound.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseText, type PythonGrammar, type Tree } from '../parsing/treeSitter';
import type { Settings, SettingsLayer } from '../service/config';
import { createLanguageService, type LanguageService } from '../service/index';
import { ruleDocsUrl } from '../service/rules/docsUrl';
import type { RuleDiagnostic } from '../service/rules/engine';
import { neverCancelled } from '../service/types';
import { PyprojectSettings } from '../workspace/pyproject';
import { LineIndex } from './columns';
import { decodeSource } from './decode';
import type { CliFinding, FileResult } from './findings';
import { cliSettings, type CliSelection } from './selection';
import { timed, type PhaseTimes } from './timings';
import { describe } from './walk';

export interface Checker {
  readonly service: LanguageService;
  checkFile(path: string): FileResult;
  dispose(): void;
}

/** `times`, when given, accumulates the read, parse and analyse phases of every file checked. */
export function createChecker(grammar: PythonGrammar, selection: CliSelection, pyproject = new PyprojectSettings(), times?: PhaseTimes): Checker {
  const ruleErrors: string[] = [];
  const service = createLanguageService({
    grammar,
    onRuleError: (rule, error) => ruleErrors.push(`rule ${rule.code} failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  const parser = grammar.createParser();
  // One Settings object per pyproject layer, so files of one project share it.
  const settingsByLayer = new Map<SettingsLayer, Settings>();

  function settingsFor(layer: SettingsLayer): Settings {
    let settings = settingsByLayer.get(layer);
    if (!settings) {
      settings = cliSettings(layer, selection, service.rules);
      settingsByLayer.set(layer, settings);
    }
    return settings;
  }

  function checkFile(path: string): FileResult {
    const fromFile = pyproject.layerFor(path);
    const config = fromFile.path ? { path: fromFile.path, errors: fromFile.errors } : undefined;
    const decoded = timed(times, 'read', () => {
      try {
        return decodeSource(readFileSync(path));
      } catch (error) {
        return { error: describe(error) };
      }
    });
    if ('error' in decoded) return { path, findings: [], errors: [decoded.error], config };

    const uri = pathToFileURL(path).href;
    ruleErrors.length = 0;
    let tree: Tree | undefined;
    try {
      const parsed = timed(times, 'parse', () => parseText(parser, decoded.text));
      tree = parsed;
      return timed(times, 'analyse', () => {
        const file = { uri, document: TextDocument.create(uri, 'python', 1, decoded.text), tree: parsed };
        const results = service.analyze(file, settingsFor(fromFile.layer), neverCancelled);
        // Most files have no findings; the line index is only worth building for those that do.
        const lines = results.length > 0 ? new LineIndex(decoded.text) : undefined;
        return { path, findings: lines ? results.map((d) => toFinding(d, lines)) : [], errors: [...ruleErrors], config };
      });
    } catch (error) {
      // One pathological file must not end a run over thousands: report it and go on.
      return { path, findings: [], errors: [`internal error: ${error instanceof Error ? error.message : String(error)}`], config };
    } finally {
      service.forget(uri);
      tree?.delete();
    }
  }

  return {
    service,
    checkFile,
    dispose() {
      parser.delete();
      service.dispose();
    },
  };
}

function toFinding(d: RuleDiagnostic, lines: LineIndex): CliFinding {
  const location = lines.locate(d.startIndex);
  return {
    code: d.rule.code,
    message: d.message,
    severity: d.severity,
    location,
    endLocation: lines.locate(d.endIndex),
    // The engine honours a noqa on a finding's first line (and, for multi-line findings, its last); the first is
    // where Ruff users expect to add one.
    noqaRow: location.row,
    url: ruleDocsUrl(d.rule.code),
    fix: d.fix && {
      applicability: d.fix.safety,
      message: d.fix.title,
      edits: d.fix.edits.map((e) => ({ content: e.newText, location: lines.locate(e.start), endLocation: lines.locate(e.end) })),
    },
  };
}
