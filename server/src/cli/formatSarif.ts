// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Every known rule is listed (sorted
// by code), so ruleIndex is stable between runs; columns are code points, declared with run.columnKind.
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDocsUrl } from '../service/rules/docsUrl';
import type { Rule } from '../service/rules/rule';
import type { SeverityName } from '../service/types';
import type { CliFinding, FileResult } from './findings';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<SeverityName, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface SarifContext {
  readonly rules: readonly Rule[];
  readonly version: string;
  readonly informationUri: string;
  readonly cwd: string;
  /** Files that could not be checked, reported as tool notifications. */
  readonly failures: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

export function formatSarif(results: readonly FileResult[], context: SarifContext): string {
  const rules = [...context.rules].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  // The base URI must end with a slash (SARIF §3.14.14); files below it get a relative, percent-encoded URI.
  const base = pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : `${context.cwd}${sep}`).href;
  const artifact = (path: string): Sarif.ArtifactLocation => {
    const href = pathToFileURL(path).href;
    return href.startsWith(base) ? { uri: href.slice(base.length), uriBaseId: SRCROOT } : { uri: href };
  };

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pyinsight',
            version: context.version,
            semanticVersion: context.version,
            informationUri: context.informationUri,
            rules: rules.map(toDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: base } },
        columnKind: 'unicodeCodePoints',
        invocations: [
          {
            executionSuccessful: context.failures.length === 0,
            toolExecutionNotifications: context.failures.map((f) => ({
              level: 'error',
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation: artifact(f.path) } }],
            })),
          },
        ],
        results: results.flatMap((r) => r.findings.map((f) => toResult(f, artifact(r.path), ruleIndex.get(f.code)))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: rule.docs.summary },
    fullDescription: { text: rule.docs.what },
    help: { text: `${rule.docs.what}\n\n${rule.docs.why}`, markdown: `${rule.docs.what}\n\n${rule.docs.why}` },
    helpUri: ruleDocsUrl(rule.code),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: [rule.family], fixSafety: rule.fixSafety },
  };
}

function toResult(f: CliFinding, location: Sarif.ArtifactLocation, index: number | undefined): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: f.code,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: f.location.row, startColumn: f.location.column, endLine: f.endLocation.row, endColumn: f.endLocation.column },
        },
      },
    ],
  };
  if (f.fix) {
    result.fixes = [
      {
        description: { text: `${f.fix.message} (${f.fix.applicability} fix)` },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: f.fix.edits.map((e) => ({
              deletedRegion: { startLine: e.location.row, startColumn: e.location.column, endLine: e.endLocation.row, endColumn: e.endLocation.column },
              insertedContent: { text: e.content },
            })),
          },
        ],
      },
    ];
  }
  return result;
}
