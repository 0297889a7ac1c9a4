// Settings: validation with clear messages, pyproject [tool.pyinsight], precedence, and Ruff-style selection.
import assert from 'node:assert/strict';
import { isRuleEnabled, mergeSettings, parsePythonVersion, settingsFromPyproject, validateSettings } from '../../server/src/service/config';
import { editorLayer } from '../../server/src/workspace/editorSettings';

describe('configuration', () => {
  it('selects by prefix; the most specific of select/ignore wins, ignore on a tie', () => {
    const enabled = (select: string[], ignore: string[], code: string) => isRuleEnabled(mergeSettings({ select, ignore }), code);
    assert.equal(enabled(['PIN'], [], 'PIN501'), true);
    assert.equal(enabled(['PIN1'], [], 'PIN501'), false);
    assert.equal(enabled(['PIN1'], [], 'PIN102'), true);
    assert.equal(enabled(['PIN'], ['PIN5'], 'PIN502'), false);
    assert.equal(enabled(['PIN501'], ['PIN5'], 'PIN501'), true, 'a more specific select beats a broader ignore');
    assert.equal(enabled(['PIN5'], ['PIN5'], 'PIN501'), false, 'ignore wins a tie');
    assert.equal(enabled(['ALL'], ['PIN1'], 'PIN101'), false);
    assert.equal(isRuleEnabled(mergeSettings({ severity: { PIN501: 'off' } }), 'PIN501'), false);
    assert.equal(isRuleEnabled(mergeSettings({ enable: false }), 'PIN501'), false);
  });

  it('reads [tool.pyinsight] and reports invalid keys and values without dropping the valid ones', () => {
    const { layer, errors } = settingsFromPyproject('[tool.pyinsight]\nselect = ["pin1", "E501"]\nignore = ["PIN502"]\nseverity = { PIN501 = "loud", PIN101 = "error" }\ntarget-version = "py312"\ncolour = true\n');
    assert.deepEqual(layer.ignore, ['PIN502']);
    assert.deepEqual(layer.severity, { PIN101: 'error' });
    assert.deepEqual(layer.targetVersion, { major: 3, minor: 12 });
    assert.equal(layer.select, undefined);
    assert.equal(errors.length, 3);
    assert.match(errors.join('\n'), /'select' must be a list of rule codes .*"E501"/);
    assert.match(errors.join('\n'), /severity of "PIN501"/);
    assert.match(errors.join('\n'), /unknown setting 'colour'/);
  });

  it('reports TOML syntax errors and keeps the defaults', () => {
    const { layer, errors } = settingsFromPyproject('[tool.pyinsight\nselect = 1', 'proj/pyproject.toml');
    assert.deepEqual(layer, {});
    assert.match(errors[0], /^proj\/pyproject\.toml: not valid TOML/);
    assert.deepEqual(settingsFromPyproject('[project]\nname = "x"\n'), { layer: {}, errors: [] });
  });

  it('lets explicit editor settings override pyproject, merging severity per rule', () => {
    const file = settingsFromPyproject('[tool.pyinsight]\nignore = ["PIN5"]\nseverity = { PIN101 = "error", PIN102 = "hint" }\n').layer;
    const unset = editorLayer({ enable: true, select: [], ignore: [], severity: {}, targetVersion: '' });
    assert.deepEqual(unset, { layer: {}, errors: [] }, 'VS Code defaults do not override pyproject');
    const merged = mergeSettings(file, editorLayer({ ignore: ['PIN1'], severity: { PIN102: 'warning' } }).layer);
    assert.deepEqual(merged.ignore, ['PIN1']);
    assert.deepEqual(merged.severity, { PIN101: 'error', PIN102: 'warning' });
    assert.equal(mergeSettings(file, editorLayer({ enable: false }).layer).enable, false);
    assert.equal(mergeSettings(editorLayer({ hover: { level: 'detailed' } }).layer).hoverLevel, 'detailed');
    assert.equal(mergeSettings(settingsFromPyproject('[tool.pyinsight]\nhover-level = "off"\n').layer).hoverLevel, 'off');
    assert.match(editorLayer({ hover: { level: 'loud' } }).errors[0], /must be one of concise, detailed, off/);
  });

  it('parses target versions in the spellings people use', () => {
    assert.deepEqual(parsePythonVersion('3.13'), { major: 3, minor: 13 });
    assert.deepEqual(parsePythonVersion('py39'), { major: 3, minor: 9 });
    assert.deepEqual(parsePythonVersion('python3.14'), { major: 3, minor: 14 });
    assert.equal(parsePythonVersion('2.7'), undefined);
    assert.match(validateSettings({ targetVersion: 'latest' }, 'x').errors[0], /must look like "3\.12"/);
  });
});
