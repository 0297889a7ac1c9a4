// Class facts (MRO by C3, metaclass, __slots__ layout, descriptor kinds) checked against CPython itself: the fixtures
// in test/fixtures/facts/mro*.py hold only class definitions, which python3 executes to report type.mro(), type(C),
// whether instances have __dict__/__weakref__, and what each class __dict__ value is.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyntaxNode } from '../../server/src/parsing/treeSitter';
import { AttributeClassifier } from '../../server/src/service/analysis/classAttributes';
import { fileClass } from '../../server/src/service/analysis/classModel';
import { Linearizer } from '../../server/src/service/analysis/c3';
import { instanceLayout } from '../../server/src/service/analysis/instanceLayout';
import { KNOWN_CLASSES } from '../../server/src/service/analysis/knownClasses';
import { MetaclassFinder } from '../../server/src/service/analysis/metaclass';
import { classFacts } from '../../server/src/service/hover/facts/classes';
import type { HoverContext } from '../../server/src/service/hover/facts/fact';
import { hoverAt, withContextAt } from '../helpers/hover';
import { py } from '../helpers/service';

/** Only this provider's lines (other fact providers and topics may also speak on a class name). */
function factsAt(textWithCursor: string): Promise<string> {
  return withContextAt(textWithCursor, (context) => classFacts.flatMap((provide) => provide(context) ?? []).join('\n\n'));
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'facts');

interface PythonClass {
  readonly mro: string[];
  readonly meta: string;
  readonly dict?: boolean;
  readonly weakref?: boolean;
  readonly attrs: Record<string, 'data' | 'non-data' | 'plain'>;
}

/** Runs a class-definitions-only fixture in python3 and describes each top-level class (or the error creating one). */
function pythonClasses(path: string): { classes: Record<string, PythonClass>; error?: string } {
  const script = `
import json, sys, weakref
source = open(sys.argv[1]).read()
namespace = {'__name__': 'fixture'}
error = None
try:
    exec(compile(source, sys.argv[1], 'exec'), namespace)
except Exception as e:
    error = type(e).__name__ + ': ' + ' '.join(str(e).split())
def kind(value):
    t = type(value)
    if hasattr(t, '__set__') or hasattr(t, '__delete__'): return 'data'
    return 'non-data' if hasattr(t, '__get__') else 'plain'
out = {}
for name, c in namespace.items():
    if not isinstance(c, type) or c.__module__ != 'fixture': continue
    info = {'mro': [k.__name__ for k in c.__mro__], 'meta': type(c).__name__,
            'attrs': {k: kind(v) for k, v in c.__dict__.items() if not (k.startswith('__') and k.endswith('__'))}}
    if not issubclass(c, type):
        instance = c.__new__(c)
        info['dict'] = hasattr(instance, '__dict__')
        try:
            weakref.ref(instance)
            info['weakref'] = True
        except TypeError:
            info['weakref'] = False
    out[name] = info
print(json.dumps({'classes': out, 'error': error}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as { classes: Record<string, PythonClass>; error?: string };
}

interface OurClass {
  readonly mro: string[];
  readonly complete: boolean;
  readonly meta?: string;
  readonly dict: boolean | 'unknown';
  readonly weakref: boolean | 'unknown';
  readonly attrs: Record<string, string>;
}

function describeClasses(context: HoverContext): Record<string, OurClass> {
  const linearizer = new Linearizer(context.names);
  const metaclasses = new MetaclassFinder(context.names, linearizer);
  const classifier = new AttributeClassifier(context.names, linearizer, metaclasses);
  const out: Record<string, OurClass> = {};
  for (const node of context.root.namedChildren) {
    if (node?.type !== 'class_definition') continue;
    const ref = fileClass(node as SyntaxNode);
    const mro = linearizer.linearize(ref);
    const meta = metaclasses.metaclassOf(ref);
    const layout = instanceLayout(mro, linearizer);
    out[ref.name] = {
      mro: mro.classes.map((c) => c.name),
      complete: mro.complete,
      meta: meta.kind === 'class' ? meta.metaclass.name : undefined,
      dict: layout.dict.has,
      weakref: layout.weakref.has,
      attrs: Object.fromEntries(classifier.attributes(node).attributes.map((a) => [a.name, a.kind])),
    };
  }
  return out;
}

function fixture(name: string): { path: string; text: string } {
  const path = join(FIXTURES, name);
  return { path, text: readFileSync(path, 'utf8') };
}

describe('facts: classes, compared with CPython', () => {
  it('C3 linearisation, metaclass, __dict__/__weakref__ and descriptor kinds match what CPython builds', async () => {
    const { path, text } = fixture('mro_hierarchies.py');
    const python = pythonClasses(path);
    assert.equal(python.error, null);
    const ours = await withContextAt(`$0${text}`, describeClasses);
    assert.deepEqual(Object.keys(ours).sort(), Object.keys(python.classes).sort());
    for (const [name, expected] of Object.entries(python.classes)) {
      const actual = ours[name];
      assert.ok(actual.complete, `${name}: MRO should be complete`);
      assert.deepEqual(actual.mro, expected.mro, `${name}: MRO`);
      assert.equal(actual.meta, expected.meta, `${name}: metaclass`);
      if (expected.dict !== undefined) assert.equal(actual.dict, expected.dict, `${name}: __dict__`);
      if (expected.weakref !== undefined) assert.equal(actual.weakref, expected.weakref, `${name}: __weakref__`);
      assert.deepEqual(actual.attrs, expected.attrs, `${name}: attribute kinds`);
    }
  });

  it('gives a true prefix of the MRO when some classes come from elsewhere', async () => {
    const { path, text } = fixture('mro_hierarchies.py');
    const python = pythonClasses(path).classes;
    const chunks = text.split(/\n(?=class )/);
    let partial = 0;
    for (const imported of ['Base', 'Left', 'Right', 'Diamond', 'B', 'D', 'K2', 'Meta', 'SubMeta', 'Slotted', 'Unslotted', 'NonDataDescriptor']) {
      // The same file with a class (and its ancestors: an imported class cannot derive from this file's classes)
      // imported instead of defined: their ancestry becomes unknown to us.
      const hidden = python[imported].mro.filter((n) => n in python);
      const defines = (c: string): boolean => hidden.some((h) => c.startsWith(`class ${h}(`) || c.startsWith(`class ${h}:`));
      const variant = [`from elsewhere import ${hidden.join(', ')}`, ...chunks.filter((c) => !defines(c))].join('\n');
      const ours = await withContextAt(`$0${variant}`, describeClasses);
      for (const [name, actual] of Object.entries(ours)) {
        const expected = python[name].mro;
        assert.deepEqual(actual.mro, expected.slice(0, actual.mro.length), `${name} without ${hidden}: not a prefix`);
        if (actual.complete) assert.equal(actual.mro.length, expected.length, `${name} without ${hidden}`);
        else partial++;
        if (actual.meta) assert.equal(actual.meta, python[name].meta, `${name} without ${hidden}: metaclass`);
        if (actual.dict !== 'unknown' && python[name].dict !== undefined) assert.equal(actual.dict, python[name].dict, `${name} without ${hidden}: __dict__`);
        if (actual.weakref !== 'unknown' && python[name].weakref !== undefined) assert.equal(actual.weakref, python[name].weakref, `${name} without ${hidden}: __weakref__`);
        for (const [attr, kind] of Object.entries(actual.attrs)) assert.equal(kind, python[name].attrs[attr], `${name}.${attr} without ${hidden}`);
      }
    }
    assert.ok(partial > 20, `expected partial MROs, got ${partial}`);
  });

  for (const name of readdirSync(FIXTURES).filter((f) => /^mro_fail_.*\.py$/.test(f))) {
    it(`reports the error CPython raises for the last class of ${name}`, async () => {
      const { path, text } = fixture(name);
      const python = pythonClasses(path);
      assert.ok(python.error, 'the fixture should fail');
      const last = text.lastIndexOf('\nclass ') + 7;
      const hover = await hoverAt(`${text.slice(0, last)}$0${text.slice(last)}`);
      assert.ok(hover?.includes(`Class creation fails: \`${python.error}\`.`), `${hover} vs ${python.error}`);
    });
  }

  it('knows the layout of the library classes it treats as known', () => {
    const names = [...KNOWN_CLASSES.keys()];
    const script = `
import abc, builtins, json, sys
out = {}
for q in sys.argv[1:]:
    module, name = q.rsplit('.', 1)
    c = getattr(sys.modules[module] if module in sys.modules else __import__(module), name)
    out[q] = {'mro': [k.__module__ + '.' + k.__qualname__ for k in c.__mro__], 'metaclass': type(c).__module__ + '.' + type(c).__qualname__,
              'dict': c.__dictoffset__ != 0, 'weakref': c.__weakrefoffset__ != 0, 'varsize': c.__itemsize__ != 0,
              'descriptor': any(hasattr(c, m) for m in ('__get__', '__set__', '__delete__'))}
print(json.dumps(out))
`;
    const python = JSON.parse(execFileSync('python3', ['-c', script, ...names], { encoding: 'utf8' })) as Record<string, Record<string, unknown>>;
    for (const known of KNOWN_CLASSES.values()) {
      const expected = python[known.qualifiedName];
      assert.deepEqual({ mro: known.mro, metaclass: known.metaclass, dict: known.dict, weakref: known.weakref, varsize: known.varsize, descriptor: false }, expected, known.qualifiedName);
    }
  });

  it('classifies the library builders it knows as CPython does', () => {
    const script = `
import functools, json
def kind(value):
    t = type(value)
    if hasattr(t, '__set__') or hasattr(t, '__delete__'): return 'data'
    return 'non-data' if hasattr(t, '__get__') else 'plain'
f = lambda self: 0
print(json.dumps({'property': kind(property(f)), 'staticmethod': kind(staticmethod(f)), 'classmethod': kind(classmethod(f)),
    'cached_property': kind(functools.cached_property(f)), 'cache': kind(functools.cache(f)), 'lru_cache': kind(functools.lru_cache(f)),
    'partialmethod': kind(functools.partialmethod(f)), 'singledispatchmethod': kind(functools.singledispatchmethod(f)), 'function': kind(f)}))
`;
    const python = JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8' })) as Record<string, string>;
    const code = py`
      import functools
      class Cached:
          @functools.cached_property
          def cached_property(self): return 0
          @functools.cache
          def cache(self): return 0
          @functools.lru_cache(maxsize=None)
          def lru_cache(self): return 0
          partialmethod = functools.partialmethod(len)
          @functools.singledispatchmethod
          def singledispatchmethod(self, arg): return 0
          a_property = property(len)
          a_staticmethod = staticmethod(len)
          a_classmethod = classmethod(len)
          def function(self): return 0
      `;
    return withContextAt(`$0${code}`, (context) => {
      const node = context.root.namedChildren.find((c) => c?.type === 'class_definition')!;
      const linearizer = new Linearizer(context.names);
      const classifier = new AttributeClassifier(context.names, linearizer, new MetaclassFinder(context.names, linearizer));
      const ours = Object.fromEntries(classifier.attributes(node).attributes.map((a) => [a.name, a.kind]));
      // Class attributes named like the builtins would shadow them in our (flow-insensitive) resolver: prefixed.
      const expected = Object.fromEntries(Object.entries(python).map(([k, v]) => [['property', 'staticmethod', 'classmethod'].includes(k) ? `a_${k}` : k, v]));
      assert.deepEqual(ours, expected);
    });
  });
});

describe('facts: class hovers', () => {
  it('shows the MRO, metaclass, slots layout and lookup order on the class name and on references to it', async () => {
    const code = py`
      class Base:
          __slots__ = ()
      class Point(Base):
          __slots__ = ("x", "y")
          origin = None
          def norm(self): return 0
          @property
          def r(self): return 0
      p = Point()
      `;
    const atDefinition = await factsAt(code.replace('class Point', 'class $0Point'));
    assert.equal(
      atDefinition,
      [
        'MRO: `Point` → `Base` → `object`',
        'Metaclass: `type` (the default).',
        'Instances have no `__dict__` (no class in the MRO adds one), so setting an attribute that has no slot or data descriptor raises AttributeError; no `__weakref__`, so `weakref.ref()` on an instance raises TypeError.',
        'Attribute lookup on instances, in order: data descriptors `r` (property), `x` (slot), `y` (slot) › non-data descriptors `norm` and plain values `origin`.',
      ].join('\n\n'),
    );
    assert.equal(await factsAt(code.replace('p = Point()', 'p = Po$0int()')), atDefinition);
  });

  it('says the MRO is partial from an external base on, and what it depends on', async () => {
    const hover = await factsAt(py`
      from django.db import models
      class Mixin: pass
      class Arti$0cle(Mixin, models.Model): pass
      `);
    assert.match(hover, /^MRO \(partial\): `Article` → `Mixin` → `models\.Model` → … — the rest depends on `models\.Model`, defined outside this file\.$/);
    assert.doesNotMatch(hover, /Metaclass/, 'the metaclass of an external base is unknown');
  });

  it('knows abc.ABC brings ABCMeta and that a base metaclass beats a less derived explicit one', async () => {
    assert.match((await factsAt('import abc\nclass Sha$0pe(abc.ABC): pass\n')) ?? '', /Metaclass: `ABCMeta`, inherited from `ABC`\./);
    const hover = await factsAt('class M(type): pass\nclass S(M): pass\nclass A(metaclass=S): pass\nclass $0B(A, metaclass=M): pass\n');
    assert.match(hover ?? '', /Metaclass: `S`, from base `A`; it subclasses the explicit `M`, so it wins\./);
  });

  it('says when __slots__ does not remove the instance __dict__', async () => {
    const hover = await factsAt('class Base: pass\nclass $0P(Base):\n    __slots__ = ("x",)\n');
    assert.match(hover ?? '', /Instances still have a `__dict__` and `__weakref__`: `Base` defines no `__slots__`\./);
  });

  it('stays quiet on names that are not classes of this file', async () => {
    assert.equal(await factsAt('from m import K\nx = K$0()\n'), '');
    assert.equal(await factsAt('def f$0(): pass\n'), '');
    assert.equal(await factsAt('class A:\n    pass\nA.x$0y = 1\n'), '');
  });

  it('puts its lines first in the hover', async () => {
    assert.match((await hoverAt('class A$0B: pass\n')) ?? '', /^MRO: `AB` → `object`\n\nMetaclass: `type` \(the default\)\./);
  });
});
