// The hosts' guard on messages from the pages (client/src/webviews/incoming.ts): well-formed messages pass with
// exactly their fields, anything else is dropped without throwing, and the echo guard lets through every cursor
// move except the selection a view itself asked for.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EchoGuard, isRange, parseAstViewMessage, parseBytecodeViewMessage } from '../../client/src/webviews/incoming';

const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };

describe('client: messages from the webviews', () => {
  it('accepts every well-formed AST explorer message, keeping only its own fields', () => {
    const valid = [
      { type: 'ready' },
      { type: 'openSettings' },
      { type: 'setSource', source: 'treeSitter' },
      { type: 'setSource', source: 'python' },
      { type: 'selectRange', uri: 'file:///a.py', range },
      { type: 'copyAstDump', uri: 'file:///a.py', version: 3, nodeId: 0 },
      { type: 'copyText', text: 'Module.body[0].value' },
    ];
    for (const message of valid) assert.deepEqual(parseAstViewMessage(message), message);
    assert.deepEqual(parseAstViewMessage({ type: 'ready', extra: '<script>' }), { type: 'ready' });
  });

  it('drops malformed AST explorer messages', () => {
    const invalid: unknown[] = [
      null,
      'ready',
      [],
      { type: 'nope' },
      { type: 'setSource', source: 'cst' },
      { type: 'selectRange', uri: 'file:///a.py' },
      { type: 'selectRange', uri: 1, range },
      { type: 'selectRange', uri: 'file:///a.py', range: { start: range.end, end: { line: 2, character: 1 } } },
      { type: 'selectRange', uri: 'file:///a.py', range: { start: { line: -1, character: 0 }, end: range.end } },
      { type: 'selectRange', uri: 'file:///a.py', range: { start: { line: 0.5, character: 0 }, end: range.end } },
      { type: 'copyAstDump', uri: 'file:///a.py', version: '3', nodeId: 1 },
      { type: 'copyAstDump', uri: 'file:///a.py', version: 3, nodeId: Number.NaN },
      { type: 'copyText', text: 42 },
      { type: 'copyText', text: 'x'.repeat(1_000_001) },
    ];
    for (const message of invalid) assert.equal(parseAstViewMessage(message), undefined, JSON.stringify(message)?.slice(0, 80));
  });

  it('accepts the bytecode view messages and checks options strictly', () => {
    const options = { optimize: 2, showCaches: true, adaptive: false };
    assert.deepEqual(parseBytecodeViewMessage({ type: 'setOptions', options: { ...options, junk: 1 } }), { type: 'setOptions', options });
    assert.equal(parseBytecodeViewMessage({ type: 'setOptions', options: { ...options, optimize: 3 } }), undefined);
    assert.equal(parseBytecodeViewMessage({ type: 'setOptions', options: { ...options, showCaches: 'yes' } }), undefined);
    assert.deepEqual(parseBytecodeViewMessage({ type: 'compareWith', python: '/usr/bin/python3.12' }), { type: 'compareWith', python: '/usr/bin/python3.12' });
    assert.deepEqual(parseBytecodeViewMessage({ type: 'compareWith' }), { type: 'compareWith', python: undefined });
    assert.equal(parseBytecodeViewMessage({ type: 'compareWith', python: ['rm'] }), undefined);
    for (const type of ['ready', 'copyText', 'openAsText', 'openSettings']) assert.deepEqual(parseBytecodeViewMessage({ type }), { type });
    assert.deepEqual(parseBytecodeViewMessage({ type: 'selectRange', uri: 'untitled:Untitled-1', range }), { type: 'selectRange', uri: 'untitled:Untitled-1', range });
    assert.equal(parseBytecodeViewMessage({ type: 'copyAstDump', uri: 'x', version: 1, nodeId: 1 }), undefined, 'an AST message is not a bytecode message');
  });

  it('never throws on arbitrary input, and whatever passes is well-formed', () => {
    const types = ['ready', 'setSource', 'selectRange', 'copyAstDump', 'copyText', 'openSettings', 'setOptions', 'compareWith', 'openAsText'];
    const position = fc.record({ line: fc.oneof(fc.nat(), fc.integer(), fc.double()), character: fc.oneof(fc.nat(), fc.string()) });
    const candidate = fc.record(
      {
        type: fc.oneof(fc.constantFrom(...types), fc.string()),
        source: fc.oneof(fc.constantFrom('python', 'treeSitter'), fc.anything()),
        uri: fc.oneof(fc.string(), fc.anything()),
        range: fc.oneof(fc.record({ start: position, end: position }), fc.anything()),
        version: fc.oneof(fc.nat(), fc.anything()),
        nodeId: fc.oneof(fc.nat(), fc.anything()),
        text: fc.oneof(fc.string(), fc.anything()),
        python: fc.oneof(fc.string(), fc.anything()),
        options: fc.oneof(fc.record({ optimize: fc.constantFrom(0, 1, 2, 3), showCaches: fc.boolean(), adaptive: fc.anything() }), fc.anything()),
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(fc.oneof(candidate, fc.anything()), (value) => {
        for (const parsed of [parseAstViewMessage(value), parseBytecodeViewMessage(value)]) {
          if (parsed === undefined) continue;
          assert.ok(types.includes(parsed.type));
          if ('range' in parsed) assert.ok(isRange(parsed.range));
          if (parsed.type === 'compareWith') assert.ok(parsed.python === undefined || typeof parsed.python === 'string');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('suppresses exactly the selection the view asked for, once', () => {
    const guard = new EchoGuard();
    const uri = 'file:///a.py';
    assert.equal(guard.isEcho(uri, range), false, 'nothing expected yet');
    guard.expect(uri, range);
    assert.equal(guard.isEcho(uri, range), true, 'the echo of the requested selection');
    assert.equal(guard.isEcho(uri, range), false, 'only once');
    guard.expect(uri, range);
    assert.equal(guard.isEcho(uri, { start: range.start, end: { line: 2, character: 8 } }), false, 'a different selection is a real move');
    assert.equal(guard.isEcho(uri, range), false, 'and it ends the expectation');
    guard.expect(uri, range);
    assert.equal(guard.isEcho('file:///b.py', range), false, 'another document is a real move');
  });
});
