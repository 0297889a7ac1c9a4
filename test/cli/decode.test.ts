import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/cli/columns';
import { decodeSource } from '../../server/src/cli/decode';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('CLI columns and decoding', () => {
  it('counts columns in code points and rows across \\n, \\r\\n and a lone \\r', () => {
    const text = 'a = "😀😀" + x\r\nb\rc\n𝔘 = 1';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.locate(text.indexOf('x')), { row: 1, column: 12 }, 'two astral characters count two columns, not four');
    assert.deepEqual(lines.locate(text.indexOf('b')), { row: 2, column: 1 });
    assert.deepEqual(lines.locate(text.indexOf('c')), { row: 3, column: 1 });
    assert.deepEqual(lines.locate(text.indexOf('=', text.indexOf('𝔘'))), { row: 4, column: 3 });
    assert.deepEqual(lines.locate(text.length), { row: 4, column: 6 });
  });

  it('decodes UTF-8, dropping a BOM', () => {
    assert.deepEqual(decodeSource(bytes([0xef, 0xbb, 0xbf], 'x = "é"\n')), { text: 'x = "é"\n' });
  });

  it('honours a PEP 263 coding cookie on line 1 or 2', () => {
    assert.deepEqual(decodeSource(bytes('# -*- coding: latin-1 -*-\nx = "', [0xe9, 0x80], '"\n')), { text: '# -*- coding: latin-1 -*-\nx = "é\u0080"\n' });
    assert.deepEqual(decodeSource(bytes('#!/usr/bin/env python\n# vim: set fileencoding=koi8_r :\n', [0xf0], '\n')), { text: '#!/usr/bin/env python\n# vim: set fileencoding=koi8_r :\nП\n' });
    assert.ok('error' in decodeSource(bytes('x = 1\n\n# coding: latin-1\n', [0xe9])), 'a cookie on line 3 does not count');
    assert.ok('error' in decodeSource(bytes('x = 1  # coding: latin-1\n', [0xe9])), 'nor one after code');
  });

  it('explains what is wrong with a file it cannot decode', () => {
    assert.deepEqual(decodeSource(bytes('print(1)\n\0')), { error: 'binary file (contains NUL bytes); not checked' });
    assert.match((decodeSource(bytes('a\nb\n"caf', [0xe9], '"\n')) as { error: string }).error, /^not valid UTF-8 \(byte 0xe9 on line 3\); save it as UTF-8/);
    assert.match((decodeSource(bytes('# coding: uft-8\n')) as { error: string }).error, /declares the encoding 'uft-8', which pyinsight cannot decode/);
    assert.match((decodeSource(bytes('# coding: utf-8\n', [0xff])) as { error: string }).error, /^not valid UTF-8 \(byte 0xff on line 2\)$/);
  });
});
