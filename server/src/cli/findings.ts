// What one checked file yields, as plain data: no trees, no documents. Formatters read only this, and a worker pool
// can send it between threads unchanged.
import type { SeverityName } from '../service/types';
import type { RowColumn } from './columns';

export interface CliEdit {
  readonly content: string;
  readonly location: RowColumn;
  readonly endLocation: RowColumn;
}

export interface CliFix {
  readonly applicability: 'safe' | 'unsafe';
  readonly message: string;
  readonly edits: readonly CliEdit[];
}

export interface CliFinding {
  readonly code: string;
  readonly message: string;
  readonly severity: SeverityName;
  /** 1-based row and code-point column. */
  readonly location: RowColumn;
  /** Exclusive end, as in Ruff and SARIF. */
  readonly endLocation: RowColumn;
  /** The line a `# noqa` for this finding goes on. */
  readonly noqaRow: number;
  readonly url: string;
  readonly fix?: CliFix;
}

export interface ConfigReport {
  /** The pyproject.toml that configured the file. */
  readonly path: string;
  readonly errors: readonly string[];
}

export interface FileResult {
  /** Absolute path. */
  readonly path: string;
  readonly findings: readonly CliFinding[];
  /** Why the file could not be (fully) checked: unreadable, undecodable, binary, or a rule failed on it. */
  readonly errors: readonly string[];
  readonly config?: ConfigReport;
}
