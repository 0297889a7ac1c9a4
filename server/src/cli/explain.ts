// `pyinsight explain FILE:LINE:COL`: the editor's hover for one position, as Markdown on stdout, for other editors,
// scripts and tests. The same service, settings (pyproject.toml) and position conventions as `check`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseText, type PythonGrammar } from '../parsing/treeSitter';
import { mergeSettings, type HoverLevel } from '../service/config';
import { createLanguageService } from '../service/index';
import { neverCancelled } from '../service/types';
import { PyprojectSettings } from '../workspace/pyproject';
import { LineIndex } from './columns';
import { decodeSource } from './decode';
import { describe } from './walk';

export type Explanation = { readonly markdown: string } | { readonly nothing: string } | { readonly error: string };

export function explainAt(grammar: PythonGrammar, file: string, row: number, column: number, level: HoverLevel, cwd = process.cwd()): Explanation {
  const path = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { error: `${file}: ${describe(error)}` };
  }
  const decoded = decodeSource(bytes);
  if ('error' in decoded) return { error: `${file}: ${decoded.error}` };
  const offset = new LineIndex(decoded.text).offsetOf(row, column);
  if (offset === undefined) return { error: `${file} has no line ${row}` };
  const fromFile = new PyprojectSettings().layerFor(path);
  const settings = mergeSettings(fromFile.layer, { hoverLevel: level });
  const service = createLanguageService({ grammar });
  const parser = grammar.createParser();
  const tree = parseText(parser, decoded.text);
  try {
    const uri = pathToFileURL(path).href;
    const document = TextDocument.create(uri, 'python', 1, decoded.text);
    const hover = service.hover({ uri, document, tree }, document.positionAt(offset), settings, neverCancelled);
    const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : undefined;
    return markdown ? { markdown } : { nothing: `nothing to explain at ${file}:${row}:${column}` };
  } finally {
    tree.delete();
    parser.delete();
    service.dispose();
  }
}
