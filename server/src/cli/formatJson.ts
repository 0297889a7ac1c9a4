// `--format json`: the shape of `ruff check --output-format json`, so tools that read Ruff's output read ours.
// Keys are in Ruff's (alphabetical) order and the text is pretty-printed with two spaces, as serde_json does.
import type { RowColumn } from './columns';
import type { CliFinding, FileResult } from './findings';

interface JsonLocation {
  column: number;
  row: number;
}

interface JsonMessage {
  cell: null;
  code: string;
  end_location: JsonLocation;
  filename: string;
  fix: null | {
    applicability: 'safe' | 'unsafe';
    edits: Array<{ content: string; end_location: JsonLocation; location: JsonLocation }>;
    message: string;
  };
  location: JsonLocation;
  message: string;
  noqa_row: number;
  url: string;
}

const at = (p: RowColumn): JsonLocation => ({ column: p.column, row: p.row });

function toJson(path: string, f: CliFinding): JsonMessage {
  return {
    cell: null,
    code: f.code,
    end_location: at(f.endLocation),
    filename: path,
    fix: f.fix
      ? {
          applicability: f.fix.applicability,
          edits: f.fix.edits.map((e) => ({ content: e.content, end_location: at(e.endLocation), location: at(e.location) })),
          message: f.fix.message,
        }
      : null,
    location: at(f.location),
    message: f.message,
    noqa_row: f.noqaRow,
    url: f.url,
  };
}

export function formatJson(results: readonly FileResult[]): string {
  const messages = results.flatMap((r) => r.findings.map((f) => toJson(r.path, f)));
  return `${JSON.stringify(messages, null, 2)}\n`;
}

