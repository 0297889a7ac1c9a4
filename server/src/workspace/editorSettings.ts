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

/** The editor's layer with "unset" values (empty lists/objects/strings, enable=true) dropped. */
export function editorLayer(raw: unknown): { layer: SettingsLayer; errors: string[] } {
  const shape = (typeof raw === 'object' && raw !== null ? raw : {}) as EditorSettingsShape;
  const explicit: Record<string, unknown> = {};
  if (shape.enable === false) explicit.enable = false;
  if (Array.isArray(shape.select) && shape.select.length > 0) explicit.select = shape.select;
  if (Array.isArray(shape.ignore) && shape.ignore.length > 0) explicit.ignore = shape.ignore;
  if (shape.severity && typeof shape.severity === 'object' && Object.keys(shape.severity).length > 0) explicit.severity = shape.severity;
  if (typeof shape.targetVersion === 'string' && shape.targetVersion.trim() !== '') explicit.targetVersion = shape.targetVersion;
  if (typeof shape.hover?.level === 'string' && shape.hover.level !== 'concise') explicit.hoverLevel = shape.hover.level;
  return validateSettings(explicit, 'VS Code setting pyinsight');
}

export function documentSettings(pyproject: SettingsLayer, editor: SettingsLayer): Settings {
  return mergeSettings(pyproject, editor);
}
