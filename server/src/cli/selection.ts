// Settings for one file: its pyproject.toml layer, then the command line's --select/--ignore on top.
// The flags layer the way Ruff's do: --select starts the selection afresh (the file's ignore list goes with it), while
// --ignore alone removes rules from what the file selected. Prefix specificity applies within a layer, never across:
// `ignore = ["PIN501"]` in pyproject.toml does not outrank `--select PIN5`.
import { isRuleEnabled, mergeSettings, validateSettings, type Settings, type SettingsLayer } from '../service/config';
import type { Rule } from '../service/rules/rule';

export interface CliSelection {
  readonly select?: readonly string[];
  readonly ignore?: readonly string[];
}

/** Splits repeated, comma-separated flag values and validates them; errors are usage errors. */
export function parseSelection(select: readonly string[] | undefined, ignore: readonly string[] | undefined): { selection: CliSelection; errors: string[] } {
  const split = (values: readonly string[] | undefined) =>
    values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const raw = { select: split(select), ignore: split(ignore) };
  const errors: string[] = [];
  const selection: { select?: readonly string[]; ignore?: readonly string[] } = {};
  for (const key of ['select', 'ignore'] as const) {
    if (raw[key] === undefined) continue;
    const result = validateSettings({ [key]: raw[key] }, `--${key}`);
    errors.push(...result.errors.map((e) => e.replace(`--${key}: '${key}' must be`, `--${key} takes`)));
    if (result.layer[key]) selection[key] = result.layer[key];
  }
  return { selection, errors };
}

/** Codes of `selection` that match no known rule (a typo, or a rule from a newer version). */
export function unknownCodes(selection: CliSelection, rules: readonly Rule[]): string[] {
  return [...(selection.select ?? []), ...(selection.ignore ?? [])].filter(
    (prefix) => prefix !== 'ALL' && !rules.some((r) => r.code.startsWith(prefix)),
  );
}

export function cliSettings(layer: SettingsLayer, selection: CliSelection, rules: readonly Rule[]): Settings {
  const base = mergeSettings(layer);
  if (!selection.select && !selection.ignore) return base;
  let enabled: string[];
  if (selection.select) {
    const fresh: Settings = { ...base, select: selection.select, ignore: selection.ignore ?? [] };
    enabled = rules.filter((r) => isRuleEnabled(fresh, r.code)).map((r) => r.code);
  } else {
    const ignore = selection.ignore ?? [];
    enabled = rules
      .filter((r) => isRuleEnabled(base, r.code) && !ignore.some((p) => p === 'ALL' || r.code.startsWith(p)))
      .map((r) => r.code);
  }
  // The resolved selection is spelled out as exact codes, so the engine's prefix logic has nothing left to weigh.
  return { ...base, select: enabled, ignore: [] };
}
