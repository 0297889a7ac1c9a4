// Rule results → LSP diagnostics. The fix travels in `data`, so code actions need no server-side state.
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { RuleDiagnostic } from './rules/engine';
import { ruleDocsUrl } from './rules/docsUrl';
import type { FixSafety } from './rules/rule';
import type { OffsetEdit, SeverityName, SourceFile } from './types';

export const DIAGNOSTIC_SOURCE = 'pyinsight';

export interface DiagnosticFixData {
  readonly title: string;
  readonly safety: FixSafety;
  readonly edits: readonly TextEdit[];
}

/** What `Diagnostic.data` holds: the document version it was computed for and the rule's fix, if any. */
export interface DiagnosticData {
  readonly version: number;
  readonly fix?: DiagnosticFixData;
}

const LSP_SEVERITY: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toTextEdits(file: SourceFile, edits: readonly OffsetEdit[]): TextEdit[] {
  const { document } = file;
  return edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
}

export function toLspDiagnostic(file: SourceFile, d: RuleDiagnostic): Diagnostic {
  const { document } = file;
  const data: DiagnosticData = {
    version: document.version,
    fix: d.fix && { title: d.fix.title, safety: d.fix.safety, edits: toTextEdits(file, d.fix.edits) },
  };
  return {
    range: { start: document.positionAt(d.startIndex), end: document.positionAt(d.endIndex) },
    severity: LSP_SEVERITY[d.severity],
    code: d.rule.code,
    codeDescription: { href: ruleDocsUrl(d.rule.code) },
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
    data,
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).version === 'number';
}
