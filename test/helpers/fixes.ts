// Applying every quick fix of a file, and checking many texts with CPython's own parser in one process. Shared by
// the fix-fuzz test and `npm run sweep`.
import { execFileSync, spawnSync } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mergeSettings } from '../../server/src/service/config';
import type { LanguageService } from '../../server/src/service/index';
import { neverCancelled } from '../../server/src/service/types';
import { applyEdits, sourceFile } from './service';

export interface FixedText {
  readonly where: string;
  /** The rule code, or `fix-all`. */
  readonly code: string;
  readonly title: string;
  /** Index of the unfixed text in the `originals` list it was collected with. */
  readonly original: number;
  readonly text: string;
}

/** ast.parse of each text, in one process; answers the indices that do not parse. Compiles nothing, runs nothing. */
const CHECKER = `
import ast, json, sys, warnings
warnings.simplefilter("ignore")
texts = json.load(sys.stdin)
bad = []
for i, text in enumerate(texts):
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        bad.append(i)
json.dump(bad, sys.stdout)
`;

/** The indices of `texts` that python3's ast.parse rejects. Throws when python3 itself fails. */
export function unparsable(texts: readonly string[], python = 'python3'): Set<number> {
  const run = spawnSync(python, ['-c', CHECKER], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${python} could not check the texts: ${run.error?.message ?? run.stderr}`);
  return new Set(JSON.parse(run.stdout) as number[]);
}

/**
 * What python3 prints after compile() of every text (which also runs the compiler's checks ast.parse leaves out, such
 * as `return` outside a function): `ok`. Throws with CPython's error when one does not compile. Nothing is executed.
 */
export function compileAll(texts: readonly string[]): string {
  const script = 'import json, sys\nfor i, src in enumerate(json.load(sys.stdin)):\n    compile(src, f"fixed{i}.py", "exec")\nprint("ok")';
  return execFileSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8' }).trim();
}

/** `text` with each fix applied alone, and with fix-all; the original is appended to `originals`. */
export async function fixedTexts(service: LanguageService, where: string, text: string, originals: string[]): Promise<FixedText[]> {
  const settings = mergeSettings();
  const file = await sourceFile(text);
  try {
    const original = originals.push(text) - 1;
    const found: FixedText[] = [];
    for (const finding of service.analyze(file, settings, neverCancelled)) {
      if (finding.fix) found.push({ where, code: finding.rule.code, title: finding.fix.title, original, text: applyEdits(text, finding.fix.edits) });
    }
    for (const action of service.codeActions(file, { diagnostics: [], only: ['source.fixAll'] }, settings, neverCancelled)) {
      const edits = action.edit?.changes?.[file.uri] ?? [];
      if (edits.length > 0) found.push({ where, code: 'fix-all', title: action.title, original, text: TextDocument.applyEdits(file.document, edits) });
    }
    return found;
  } finally {
    service.forget(file.uri);
    file.dispose();
  }
}

/** The fixes that turn a text that parsed into one that does not, as `CODE (title) breaks the parse of where`. */
export function breakingFixes(originals: readonly string[], found: readonly FixedText[]): { broken: string[]; unparsableOriginals: number } {
  const bad = unparsable([...originals, ...found.map((c) => c.text)]);
  // Only fixes of code that parsed before count: Python 2 files and broken test data stay broken, fixed or not.
  const broken = found.filter((c, i) => !bad.has(c.original) && bad.has(originals.length + i)).map((c) => `${c.code} (${c.title}) breaks the parse of ${c.where}`);
  return { broken, unparsableOriginals: originals.filter((_, i) => bad.has(i)).length };
}
