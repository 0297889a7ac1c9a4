// Reading the helper's JSON answers without trusting them: every accessor checks the shape it expects and throws a
// WireError otherwise, which the service reports as a failed helper instead of passing malformed data on.

export class WireError extends Error {}

export type WireObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown, what: string): WireObject {
  if (!isObject(value)) throw new WireError(`${what}: expected an object`);
  return value;
}

export function asArray(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new WireError(`${what}: expected an array`);
  return value;
}

export function asString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new WireError(`${what}: expected a string`);
  return value;
}

export function asNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new WireError(`${what}: expected a number`);
  return value;
}

export function asOptionalNumber(value: unknown, what: string): number | null {
  return value === null || value === undefined ? null : asNumber(value, what);
}

export function asOptionalString(value: unknown, what: string): string | null {
  return value === null || value === undefined ? null : asString(value, what);
}

export function asBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new WireError(`${what}: expected a boolean`);
  return value;
}

export function asStrings(value: unknown, what: string): string[] {
  return asArray(value, what).map((item, i) => asString(item, `${what}[${i}]`));
}

/** CPython's (lineno, col_offset, end_lineno, end_col_offset) in bytes; entries after the line may be null. */
export interface WireSpan {
  readonly line: number;
  readonly col: number | null;
  readonly endLine: number | null;
  readonly endCol: number | null;
}

export function asSpan(value: unknown, what: string): WireSpan | undefined {
  if (value === null || value === undefined) return undefined;
  const [line, col, endLine, endCol] = asArray(value, what);
  return {
    line: asNumber(line, `${what}.line`),
    col: asOptionalNumber(col, `${what}.col`),
    endLine: asOptionalNumber(endLine, `${what}.endLine`),
    endCol: asOptionalNumber(endCol, `${what}.endCol`),
  };
}
