// Settings for one document: pyproject.toml [tool.pyinsight] under the editor's `pyinsight.*` settings.
// VS Code reports defaults for keys the user never set, so only values that differ from "unset" override pyproject.
import { mergeSettings, validateSettings, type Settings, type SettingsLayer } from '../service/config';

export interface EditorSettingsShape {
  readonly enable?: boolean;
  readonly select?: readonly string[];
  readonly ignore?: readonly string[];
  readonly severity?: Readonly<Record<string, string>>;
  readonly targetVersion?: string;
  readonly hover?: { readonly level?: string };
}

/**
 * The editor's layer with "unset" values (empty lists/objects/strings, enable=true) dropped. Anything else goes to
 * validation, so a client that answers `select: 42` or `severity: "x"` gets a warning and the defaults, not silence.
 */
export function editorLayer(raw: unknown): { layer: SettingsLayer; errors: string[] } {
  const origin = 'VS Code setting pyinsight';
  // null is a client's "no settings"; a number, string or list where the settings object belongs is malformed.
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    return { layer: {}, errors: [`${origin}: expected an object of settings, not ${JSON.stringify(raw).slice(0, 40)}; using the defaults`] };
  }
  const shape = (raw ?? {}) as Record<keyof EditorSettingsShape, unknown>;
  const isEmpty = (value: unknown) => (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0);
  const explicit: Record<string, unknown> = {};
  const errors: string[] = [];
  if (shape.enable !== undefined && shape.enable !== true) explicit.enable = shape.enable;
  if (shape.select !== undefined && !isEmpty(shape.select)) explicit.select = shape.select;
  if (shape.ignore !== undefined && !isEmpty(shape.ignore)) explicit.ignore = shape.ignore;
  if (shape.severity !== undefined && !isEmpty(shape.severity)) explicit.severity = shape.severity;
  if (shape.targetVersion !== undefined && !(typeof shape.targetVersion === 'string' && shape.targetVersion.trim() === '')) explicit.targetVersion = shape.targetVersion;
  const hover = shape.hover;
  if (hover !== undefined && hover !== null && (typeof hover !== 'object' || Array.isArray(hover))) errors.push(`${origin}: 'hover' must be an object such as {"level": "detailed"}`);
  else {
    const level = (hover as { level?: unknown } | null | undefined)?.level;
    if (level !== undefined && level !== 'concise') explicit.hoverLevel = level;
  }
  const validated = validateSettings(explicit, origin);
  return { layer: validated.layer, errors: [...errors, ...validated.errors] };
}

export function documentSettings(pyproject: SettingsLayer, editor: SettingsLayer): Settings {
  return mergeSettings(pyproject, editor);
}
