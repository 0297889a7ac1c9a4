// Bytes → source text the way CPython reads a module (PEP 3120 and PEP 263): UTF-8 by default, a UTF-8 BOM is
// dropped, and a `# -*- coding: … -*-` cookie on line 1 or 2 names another encoding. Anything else is an error the
// CLI reports per file; it must never decode lossily, or columns and fixes would point at the wrong characters.

export type Decoded = { readonly text: string } | { readonly error: string };

const BOM = [0xef, 0xbb, 0xbf];
/** PEP 263's regular expression, on a line that must be a comment. */
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'utf-8-sig', 'u8', 'utf', 'cp65001']);
const LATIN1_NAMES = new Set(['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'iso-latin-1', '8859', 'cp819']);

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes); not checked' };
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const declared = codingCookie(body);
  const name = declared?.toLowerCase().replace(/_/g, '-');
  if (name === undefined || UTF8_NAMES.has(name)) return decodeUtf8(body, declared);
  if (hasBom) return { error: `has a UTF-8 byte order mark but declares the encoding '${declared}'` };
  // Buffer's latin1 is true ISO-8859-1; the WHATWG label "latin1" would mean windows-1252.
  if (LATIN1_NAMES.has(name)) return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1') };
  let decode: (input: Uint8Array) => string;
  try {
    const decoder = new TextDecoder(name, { fatal: true });
    decode = (input) => decoder.decode(input);
  } catch {
    return { error: `declares the encoding '${declared}', which pyinsight cannot decode` };
  }
  try {
    return { text: decode(body) };
  } catch {
    return { error: `is not valid ${declared} (the encoding it declares)` };
  }
}

/** The encoding named by a coding cookie on the first line, or on the second when the first is a comment or blank. */
function codingCookie(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 400)).toString('latin1');
  const [first = '', second = ''] = head.split(/\r\n|\r|\n/, 2);
  const fromFirst = COOKIE.exec(first);
  if (fromFirst) return fromFirst[1];
  if (/^[ \t\f]*(#.*)?$/.test(first)) return COOKIE.exec(second)?.[1];
  return undefined;
}

function decodeUtf8(bytes: Uint8Array, declared: string | undefined): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
    const hint = declared ? '' : "; save it as UTF-8 or declare its encoding with a '# -*- coding: … -*-' comment";
    return { error: `not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0') ?? '??'} on line ${line})${hint}` };
  }
}

/** Byte offset of the first invalid UTF-8 sequence: the longest prefix that still decodes in streaming mode. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // The prefix may end inside the sequence that turned out invalid (a lead byte and its continuations): start there.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, low));
    return low;
  } catch {
    let start = low;
    while (start > 0 && low - start < 3 && (bytes[start - 1] & 0xc0) === 0x80) start--;
    return start > 0 && bytes[start - 1] >= 0xc0 ? start - 1 : start;
  }
}
