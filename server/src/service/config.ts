// Settings: their shape, defaults, validation, the pyproject.toml [tool.pyinsight] table, merging and selection.
// Pure: callers hand in the TOML text and the editor's settings object; nothing here reads files.
import { parse as parseToml } from 'smol-toml';
import type { SeverityName } from './types';

export interface PythonVersion {
  readonly major: number;
  readonly minor: number;
}

export interface Settings {
  readonly enable: boolean;
  /** Ruff-style code prefixes: `PIN` (all), `PIN1` (PIN1xx), `PIN101`. `ALL` is accepted too. */
  readonly select: readonly string[];
  readonly ignore: readonly string[];
  /** Per-rule severity; `off` disables the rule. */
  readonly severity: Readonly<Record<string, SeverityName | 'off'>>;
  readonly targetVersion: PythonVersion;
  /** How much the internals hover shows: `off` leaves only rule explanations on diagnostics. */
  readonly hoverLevel: HoverLevel;
}

export type HoverLevel = 'concise' | 'detailed' | 'off';
const HOVER_LEVELS = new Set(['concise', 'detailed', 'off']);

export type SettingsLayer = { -readonly [K in keyof Settings]?: Settings[K] };

export const defaultSettings: Settings = {
  enable: true,
  select: ['PIN'],
  ignore: [],
  severity: {},
  targetVersion: { major: 3, minor: 11 },
  hoverLevel: 'concise',
};

export interface LayerResult {
  readonly layer: SettingsLayer;
  /** Human-readable problems; the offending keys are left out of `layer`, so defaults stay in force. */
  readonly errors: string[];
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const CODE_PREFIX = /^(ALL|PIN\d{0,3})$/;

/** Accepts `3.12`, `py312` (Ruff's spelling) and `python3.12`. */
export function parsePythonVersion(value: string): PythonVersion | undefined {
  const match = /^(?:py(?:thon)?)?(3)\.?(\d{1,2})$/.exec(value.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/** Validates a settings object from any source (editor settings or a TOML table), keeping only the valid keys. */
export function validateSettings(raw: unknown, origin: string): LayerResult {
  const errors: string[] = [];
  const layer: SettingsLayer = {};
  if (raw === undefined || raw === null) return { layer, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { layer, errors: [`${origin}: expected a table of settings`] };
  const table = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(table)) {
    switch (key) {
      case 'enable':
        if (typeof value === 'boolean') layer.enable = value;
        else errors.push(`${origin}: 'enable' must be true or false`);
        break;
      case 'select':
      case 'ignore': {
        const codes = Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : '')) : undefined;
        const bad = codes?.filter((c) => !CODE_PREFIX.test(c));
        if (!codes || (bad && bad.length > 0)) {
          errors.push(`${origin}: '${key}' must be a list of rule codes or prefixes such as "PIN1" or "PIN501"${bad?.length ? ` (not ${bad.map((b) => JSON.stringify(b)).join(', ')})` : ''}`);
        } else layer[key] = codes;
        break;
      }
      case 'severity': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          errors.push(`${origin}: 'severity' must map rule codes to one of error, warning, information, hint, off`);
          break;
        }
        const severity: Record<string, SeverityName | 'off'> = {};
        for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
          if (typeof level === 'string' && SEVERITIES.has(level) && CODE_PREFIX.test(code.toUpperCase())) severity[code.toUpperCase()] = level as SeverityName | 'off';
          else errors.push(`${origin}: severity of ${JSON.stringify(code)} must be one of error, warning, information, hint, off`);
        }
        layer.severity = severity;
        break;
      }
      case 'target-version':
      case 'targetVersion': {
        const version = typeof value === 'string' ? parsePythonVersion(value) : undefined;
        if (version) layer.targetVersion = version;
        else if (value !== '' && value !== null) errors.push(`${origin}: '${key}' must look like "3.12" or "py312"`);
        break;
      }
      case 'hover-level':
      case 'hoverLevel':
        if (typeof value === 'string' && HOVER_LEVELS.has(value)) layer.hoverLevel = value as HoverLevel;
        else errors.push(`${origin}: '${key}' must be one of concise, detailed, off`);
        break;
      default:
        errors.push(`${origin}: unknown setting '${key}'`);
    }
  }
  return { layer, errors };
}

/** The [tool.pyinsight] table of a pyproject.toml text. A file without the table gives an empty layer. */
export function settingsFromPyproject(tomlText: string, origin = 'pyproject.toml'): LayerResult {
  let document: Record<string, unknown>;
  try {
    document = parseToml(tomlText) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { layer: {}, errors: [`${origin}: not valid TOML (${reason}); using defaults`] };
  }
  const tool = document.tool as Record<string, unknown> | undefined;
  return validateSettings(tool?.pyinsight, `${origin} [tool.pyinsight]`);
}

/** Lowest to highest precedence. `severity` merges per rule; every other key is replaced by a later layer. */
export function mergeSettings(...layers: SettingsLayer[]): Settings {
  let merged: Settings = defaultSettings;
  for (const layer of layers) {
    merged = { ...merged, ...layer, severity: { ...merged.severity, ...layer.severity } };
  }
  return merged;
}

function longestMatch(prefixes: readonly string[], code: string): number {
  let best = -1;
  for (const prefix of prefixes) {
    if (prefix === 'ALL') best = Math.max(best, 0);
    else if (code.startsWith(prefix)) best = Math.max(best, prefix.length);
  }
  return best;
}

/** Ruff's rule: the most specific matching prefix wins; on a tie, ignore wins. `severity: off` always disables. */
export function isRuleEnabled(settings: Settings, code: string): boolean {
  if (!settings.enable || settings.severity[code] === 'off') return false;
  const selected = longestMatch(settings.select, code);
  return selected >= 0 && longestMatch(settings.ignore, code) < selected;
}
