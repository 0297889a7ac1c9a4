// Quick-fixes (from Diagnostic.data, or recomputed when the document moved on), "suppress with # noqa", and the
// source.fixAll.pyinsight action that applies every safe fix.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, isDiagnosticData, toTextEdits, type DiagnosticFixData } from './diagnostics';
import { noqaOnLine, lineEndAt } from './noqa';
import type { RuleDiagnostic } from './rules/engine';
import type { OffsetEdit, SourceFile } from './types';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pyinsight`;

export interface CodeActionRequest {
  readonly file: SourceFile;
  readonly diagnostics: readonly Diagnostic[];
  /** The kinds the client asked for (CodeActionContext.only). */
  readonly only?: readonly string[];
  /** The current analysis of `file`, computed only if needed. */
  readonly analyze: () => readonly RuleDiagnostic[];
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export function codeActions(request: CodeActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  const { file, only } = request;
  const uri = file.uri;
  for (const diagnostic of request.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    if (wants(only, CodeActionKind.QuickFix)) {
      const fix = fixFor(request, diagnostic);
      if (fix) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.safety === 'safe',
          edit: { changes: { [uri]: [...fix.edits] } },
        });
      }
      actions.push({
        title: `Suppress ${diagnostic.code} with # noqa`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [noqaEdit(file, diagnostic.range.start.line, diagnostic.code)] } },
      });
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(file, request.analyze());
    if (edits.length > 0) actions.push({ title: 'pyinsight: fix all safe problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

/** The fix carried by the diagnostic when it is current; otherwise the fix of the matching fresh finding. */
function fixFor(request: CodeActionRequest, diagnostic: Diagnostic): DiagnosticFixData | undefined {
  const { file } = request;
  if (isDiagnosticData(diagnostic.data) && diagnostic.data.version === file.document.version) return diagnostic.data.fix;
  const start = file.document.offsetAt(diagnostic.range.start);
  const end = file.document.offsetAt(diagnostic.range.end);
  const fresh = request.analyze().find((d) => d.rule.code === diagnostic.code && d.startIndex === start && d.endIndex === end);
  return fresh?.fix && { title: fresh.fix.title, safety: fresh.fix.safety, edits: toTextEdits(file, fresh.fix.edits) };
}

/** Every safe fix, skipping any whose edits overlap an earlier one (a second run picks those up). */
export function fixAllEdits(file: SourceFile, diagnostics: readonly RuleDiagnostic[]): TextEdit[] {
  const chosen: OffsetEdit[] = [];
  const ordered = diagnostics.filter((d) => d.fix?.safety === 'safe').sort((a, b) => a.startIndex - b.startIndex);
  for (const d of ordered) {
    const edits = d.fix!.edits;
    const overlaps = edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end || (e.start === c.start && e.end === c.end)));
    if (!overlaps) chosen.push(...edits);
  }
  return toTextEdits(file, chosen);
}

/** Appends the code to an existing `# noqa: …` on the line, or adds `  # noqa: CODE` at the end of the line. */
function noqaEdit(file: SourceFile, line: number, code: string): TextEdit {
  const text = file.document.getText();
  const lineStart = file.document.offsetAt({ line, character: 0 });
  const existing = noqaOnLine(text, file.tree.rootNode, lineStart);
  const { document } = file;
  if (existing && existing.codes.length > 0) {
    const at = document.positionAt(existing.end);
    return { range: { start: at, end: at }, newText: `, ${code}` };
  }
  const end = document.positionAt(lineEndAt(text, lineStart));
  return { range: { start: end, end }, newText: `  # noqa: ${code}` };
}
