import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PyprojectSettings, type PyprojectFileSystem } from '../../server/src/workspace/pyproject';

/** An in-memory file system that counts reads, to see the cache at work. */
function memoryFs(files: Record<string, string>): PyprojectFileSystem & { reads: number; files: Record<string, string> } {
  const fs = {
    files,
    reads: 0,
    exists: (path: string) => path in fs.files,
    readFile(path: string) {
      fs.reads++;
      const text = fs.files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
  };
  return fs;
}

const root = join('/', 'ws');

describe('PyprojectSettings', () => {
  it('uses the nearest pyproject.toml upward that has [tool.pyinsight]', () => {
    const fs = memoryFs({
      [join(root, 'pyproject.toml')]: '[tool.pyinsight]\nignore = ["PIN501"]\n',
      [join(root, 'pkg', 'pyproject.toml')]: '[project]\nname = "pkg"\n',
      [join(root, 'other', 'pyproject.toml')]: '[tool.pyinsight]\nselect = ["PIN1"]\n',
    });
    const settings = new PyprojectSettings(fs);
    assert.deepEqual(settings.layerFor(join(root, 'pkg', 'deep', 'a.py')), { layer: { ignore: ['PIN501'] }, errors: [], path: join(root, 'pyproject.toml') });
    assert.deepEqual(settings.layerFor(join(root, 'other', 'b.py')).layer, { select: ['PIN1'] });
  });

  it('gives an empty layer when no pyproject.toml configures pyinsight', () => {
    const settings = new PyprojectSettings(memoryFs({ [join(root, 'pyproject.toml')]: '[tool.ruff]\nline-length = 100\n' }));
    assert.deepEqual(settings.layerFor(join(root, 'a.py')), { layer: {}, errors: [] });
  });

  it('reports invalid TOML and invalid values naming the file, keeping the valid keys', () => {
    const broken = join(root, 'broken', 'pyproject.toml');
    const partly = join(root, 'partly', 'pyproject.toml');
    const settings = new PyprojectSettings(memoryFs({
      [broken]: '[tool.pyinsight\n',
      [partly]: '[tool.pyinsight]\nselect = ["PIN5"]\nignore = "PIN501"\n',
    }));
    const fromBroken = settings.layerFor(join(root, 'broken', 'a.py'));
    assert.deepEqual([fromBroken.layer, fromBroken.path], [{}, broken]);
    assert.match(fromBroken.errors[0], new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid TOML`));
    const fromPartly = settings.layerFor(join(root, 'partly', 'a.py'));
    assert.deepEqual(fromPartly.layer, { select: ['PIN5'] });
    assert.equal(fromPartly.errors.length, 1);
    assert.ok(fromPartly.errors[0].startsWith(partly), fromPartly.errors[0]);
  });

  it('reads each pyproject.toml once, and again after invalidate()', () => {
    const config = join(root, 'pyproject.toml');
    const fs = memoryFs({ [config]: '[tool.pyinsight]\nselect = ["PIN5"]\n' });
    const settings = new PyprojectSettings(fs);
    for (const file of ['a.py', 'b/c.py', 'b/d/e.py']) settings.layerFor(join(root, file));
    assert.equal(fs.reads, 1);
    fs.files[config] = '[tool.pyinsight]\nselect = ["PIN1"]\n';
    assert.deepEqual(settings.layerFor(join(root, 'a.py')).layer, { select: ['PIN5'] }, 'cached until invalidated');
    settings.invalidate(config);
    assert.deepEqual(settings.layerFor(join(root, 'b', 'c.py')).layer, { select: ['PIN1'] });
    assert.equal(fs.reads, 2);
  });

  it('notices a pyproject.toml created closer to the file once invalidated', () => {
    const fs = memoryFs({ [join(root, 'pyproject.toml')]: '[tool.pyinsight]\nselect = ["PIN5"]\n' });
    const settings = new PyprojectSettings(fs);
    assert.deepEqual(settings.layerFor(join(root, 'sub', 'a.py')).layer, { select: ['PIN5'] });
    const created = join(root, 'sub', 'pyproject.toml');
    fs.files[created] = '[tool.pyinsight]\nselect = ["PIN1"]\n';
    settings.invalidate(created);
    assert.deepEqual(settings.layerFor(join(root, 'sub', 'a.py')).layer, { select: ['PIN1'] });
    settings.invalidate();
    assert.deepEqual(settings.layerFor(join(root, 'a.py')).layer, { select: ['PIN5'] });
  });

  it('reports an unreadable pyproject.toml instead of throwing', () => {
    const fs = memoryFs({});
    fs.exists = () => true;
    const result = new PyprojectSettings(fs).layerFor(join(root, 'a.py'));
    assert.match(result.errors[0], /could not be read/);
  });
});
