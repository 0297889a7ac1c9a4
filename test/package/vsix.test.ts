// The packaged extension holds only what it needs: .vscodeignore denies by default, this proves it stays that way.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const VSIX = join(ROOT, 'artifacts', 'pyinsight.vsix');

/** Entry names from a zip's central directory (enough of the format for a listing; no extraction). */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'corrupt central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const ALLOWED = [/^extension\/dist\/[^/]+$/, /^extension\/dist\/media\/[^/]+\.(js|css)$/, /^extension\/syntaxes\//, /^extension\/media\/(icon\.png|activity\.svg)$/, /^extension\/package\.json$/, /^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/LICENSE(\.txt)?$/i, /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/];

describe('the .vsix package', function () {
  this.timeout(180000);
  let entries: string[];

  before(() => {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'pipe' });
    entries = zipEntries(readFileSync(VSIX));
  });

  it('contains only dist/, syntaxes/, media/, the manifest, README, CHANGELOG and LICENSE', () => {
    const stray = entries.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
    assert.deepEqual(stray, []);
  });

  it('ships the bundles, both .wasm files and no source maps', () => {
    for (const file of ['extension.js', 'server.js', 'cli.js', 'web-tree-sitter.wasm', 'tree-sitter-python.wasm', 'helper.py', 'media/astExplorer.js', 'media/bytecodeView.js', 'media/views.css']) {
      assert.ok(entries.includes(`extension/dist/${file}`), `missing dist/${file}`);
    }
    assert.deepEqual(entries.filter((name) => name.endsWith('.map')), []);
    assert.ok(entries.includes('extension/media/icon.png'));
  });
});
