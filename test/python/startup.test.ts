// Telling interpreters apart at start-up: the probe runs the real programs; the greeting check is data only.
import assert from 'node:assert/strict';
import { isSupported, probeVersion, readGreeting } from '../../server/src/python/startup';
import { interpreterFor, runPython } from './interpreters';

describe('helper start-up checks', function () {
  this.timeout(20000);

  it('probes the version of a real Python, and of something that is not Python', async () => {
    const expected = runPython('python3', 'import platform; print(platform.python_version())').trim();
    assert.equal(await probeVersion('python3'), expected);
    assert.equal(await probeVersion(process.execPath), undefined);
    assert.equal(await probeVersion('/no/such/program'), undefined);
  });

  it('probes every installed 3.8–3.13', async () => {
    for (let minor = 8; minor <= 13; minor++) {
      const python = interpreterFor(minor);
      if (python) assert.equal(await probeVersion(python.command), python.version);
    }
  });

  it('refuses Pythons older than 3.8 with a plain message naming the setting', () => {
    assert.ok(isSupported([3, 8, 0]) && isSupported([3, 13, 1]) && isSupported([4, 0]));
    assert.ok(!isSupported([3, 7, 17]) && !isSupported([2, 7, 18]));
    const greeting = { protocol: 1, version: '3.7.17', executable: '/opt/py37/bin/python3', implementation: 'cpython' };
    const refused = readGreeting('/opt/py37/bin/python3', greeting);
    assert.ok('kind' in refused);
    if ('kind' in refused) {
      assert.equal(refused.reason, 'unsupportedVersion');
      assert.equal(refused.message, 'Python 3.7.17 at "/opt/py37/bin/python3" is too old: pyinsight needs Python 3.8 or later. Set pyinsight.pythonPath to a Python 3.8+ interpreter (or select one with the Python extension).');
      assert.equal(refused.interpreter?.version, '3.7.17');
    }
    assert.deepEqual(readGreeting('python3', { ...greeting, version: '3.12.1' }), {
      command: 'python3', executable: '/opt/py37/bin/python3', version: '3.12.1', implementation: 'cpython',
    });
    assert.throws(() => readGreeting('python3', { version: '3.12.1' }), /protocol/);
  });
});
