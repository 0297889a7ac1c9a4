import assert from 'node:assert/strict';
import type { SyntaxNode } from '../../server/src/parsing/treeSitter';
import { NameResolver, type Resolution } from '../../server/src/service/analysis/resolve';
import { ScopeIndex } from '../../server/src/service/analysis/scopes';
import { getGrammar, py, sourceFile } from '../helpers/service';

interface Fixture {
  readonly names: NameResolver;
  /** The smallest node spanning the `occurrence`-th (default: last) appearance of `snippet` as a whole word. */
  node(snippet: string, occurrence?: number): SyntaxNode;
}

const disposers: Array<() => void> = [];
after(() => disposers.forEach((dispose) => dispose()));

async function fixture(text: string): Promise<Fixture> {
  const file = await sourceFile(text);
  disposers.push(file.dispose);
  const names = new NameResolver(new ScopeIndex(file.tree, await getGrammar()));
  return {
    names,
    node(snippet, occurrence = -1) {
      const escaped = snippet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const starts = [...text.matchAll(new RegExp(`(?<![\\w.])${escaped}(?!\\w)`, 'g'))].map((m) => m.index);
      const start = starts.at(occurrence);
      assert.ok(start !== undefined, `${snippet} #${occurrence} not found`);
      const node = file.tree.rootNode.descendantForIndex(start, start + snippet.length);
      assert.ok(node, `no node spans ${snippet}`);
      return node;
    },
  };
}

/** qualifiedName of the last (or given) occurrence of `snippet`. */
async function qualified(text: string, snippet: string, occurrence?: number): Promise<string | undefined> {
  const f = await fixture(text);
  return f.names.qualifiedName(f.node(snippet, occurrence));
}

function describeResolution(resolution: Resolution): string {
  if (resolution.kind !== 'bound') return resolution.kind;
  return `${resolution.scope.kind}:${resolution.bindings.map((b) => b.kind).join(',')}`;
}

async function resolved(text: string, name: string, occurrence?: number): Promise<string> {
  const f = await fixture(text);
  return describeResolution(f.names.resolve(name, f.node(name, occurrence)));
}

describe('name resolution: imports', () => {
  it('import x, import x.y, import x as y', async () => {
    assert.equal(await qualified('import os\nos.path.join\n', 'os.path.join'), 'os.path.join');
    assert.equal(await qualified('import xml.etree.ElementTree\nxml.etree.ElementTree.parse\n', 'xml.etree.ElementTree.parse'), 'xml.etree.ElementTree.parse');
    assert.equal(await qualified('import xml.etree\nxml\n', 'xml'), 'xml', '`import x.y` binds only x');
    assert.equal(await qualified('import multiprocessing as mp\nmp.Pool\n', 'mp.Pool'), 'multiprocessing.Pool');
    assert.equal(await qualified('import os.path as osp\nosp.join\n', 'osp.join'), 'os.path.join');
  });

  it('from x import y [as z], relative imports and star imports', async () => {
    assert.equal(await qualified('from concurrent.futures import ProcessPoolExecutor\nProcessPoolExecutor\n', 'ProcessPoolExecutor'), 'concurrent.futures.ProcessPoolExecutor');
    assert.equal(await qualified('from time import sleep as nap\nnap\n', 'nap'), 'time.sleep');
    assert.equal(await qualified('from . import sibling\nsibling.run\n', 'sibling.run'), '.sibling.run');
    assert.equal(await qualified('from .. import parent\nparent\n', 'parent'), '..parent');
    assert.equal(await qualified('from .pkg import mod\nmod\n', 'mod'), '.pkg.mod');
    assert.equal(await resolved('from os.path import *\njoin\n', 'join'), 'unknown');
    assert.equal(await resolved('from os.path import *\nlen\n', 'len'), 'unknown', 'a star import may shadow a builtin');
    assert.equal(await qualified('from os.path import *\nimport json\njson.loads\n', 'json.loads'), 'json.loads', 'explicit bindings still win');
    assert.equal(await qualified('from __future__ import annotations\nannotations\n', 'annotations'), 'builtins.annotations', 'future imports bind nothing');
  });

  it('builtins, and disagreeing bindings are unknown', async () => {
    assert.equal(await qualified('len\n', 'len'), 'builtins.len');
    assert.equal(await qualified('len.x\n', 'len.x'), undefined, 'no attributes of builtins');
    const text = py`
      try:
          import simplejson as json
      except ImportError:
          import json
      json.loads
    `;
    assert.equal(await qualified(text, 'json.loads'), undefined);
    assert.equal(await qualified('import json\nimport json\njson.loads\n', 'json.loads'), 'json.loads', 'agreeing bindings are fine');
  });
});

describe('name resolution: bindings', () => {
  it('assignment, chained assignment and tuple unpacking', async () => {
    const text = py`
      import multiprocessing as mp
      a = mp.Pool()
      b = c = mp.Pool(4)
      d, e = mp.Pool(), 1
      a; b; c; d; e
    `;
    const fx = await fixture(text);
    assert.equal(fx.names.producedBy(fx.node('a')), 'multiprocessing.Pool');
    assert.equal(fx.names.producedBy(fx.node('b')), 'multiprocessing.Pool');
    assert.equal(fx.names.producedBy(fx.node('c')), 'multiprocessing.Pool');
    assert.equal(fx.names.producedBy(fx.node('d')), undefined, 'unpacking does not tell which value d gets');
    assert.equal(describeResolution(fx.names.resolve('d', fx.node('d'))), 'module:other');
    assert.equal(fx.names.producedBy(fx.node('e')), undefined);
    assert.equal(fx.names.producedBy(fx.node('mp.Pool()', 0)), 'multiprocessing.Pool', 'a call itself');
    assert.equal(fx.names.qualifiedName(fx.node('a')), undefined, 'an instance is not an imported name');
  });

  it('with … as, and get_context(...).Pool', async () => {
    const text = py`
      import multiprocessing as mp
      from multiprocessing import get_context
      ctx = mp.get_context("spawn")
      with ctx.Pool(2) as pool, open("f") as fh:
          pool; fh
      with get_context().Pool() as other:
          other
      direct = mp.get_context("fork").Process
      ctx.Pool
    `;
    const fx = await fixture(text);
    assert.equal(fx.names.producedBy(fx.node('pool')), 'multiprocessing.Pool');
    assert.equal(describeResolution(fx.names.resolve('pool', fx.node('pool'))), 'module:with');
    assert.equal(fx.names.producedBy(fx.node('fh')), 'builtins.open');
    assert.equal(fx.names.producedBy(fx.node('other')), 'multiprocessing.Pool');
    assert.equal(fx.names.qualifiedName(fx.node('mp.get_context("fork").Process')), 'multiprocessing.Process');
    assert.equal(fx.names.qualifiedName(fx.node('ctx.Pool')), 'multiprocessing.Pool');
    assert.equal(fx.names.producedBy(fx.node('ctx')), 'multiprocessing.get_context');
  });

  it('stops on self-referencing chains instead of looping', async () => {
    const fx = await fixture('ctx = ctx.get_context()\nctx\n');
    assert.equal(fx.names.producedBy(fx.node('ctx')), undefined);
    assert.equal(fx.names.qualifiedName(fx.node('ctx.get_context')), undefined);
  });
});

describe('name resolution: scopes', () => {
  it('a function-local import shadows the module import only inside the function', async () => {
    const text = py`
      import json
      def load():
          import simplejson as json
          return json.loads
      json.loads
    `;
    assert.equal(await qualified(text, 'json.loads', 0), 'simplejson.loads');
    assert.equal(await qualified(text, 'json.loads', 1), 'json.loads');
  });

  it('parameters shadow module names; lambdas too', async () => {
    const text = 'import os\ndef f(os, *args, key=None, **kw):\n    os.path; args; kw\ng = lambda os: os.path\nos.path\n';
    assert.equal(await qualified(text, 'os.path', 0), undefined);
    assert.equal(await resolved(text, 'os', 2), 'function:param');
    assert.equal(await resolved(text, 'args', 1), 'function:param');
    assert.equal(await resolved(text, 'kw', 1), 'function:param');
    assert.equal(await qualified(text, 'os.path', 1), undefined);
    assert.equal(await qualified(text, 'os.path', 2), 'os.path');
  });

  it('defaults and annotations are resolved in the enclosing scope', async () => {
    const text = py`
      import json
      def f(json=json, decoder: json.JSONDecoder = None) -> json.JSONEncoder:
          return json
    `;
    const fx = await fixture(text);
    assert.equal(fx.names.qualifiedName(fx.node('json', 2)), 'json', 'the default');
    assert.equal(fx.names.qualifiedName(fx.node('json.JSONDecoder')), 'json.JSONDecoder');
    assert.equal(fx.names.qualifiedName(fx.node('json.JSONEncoder')), 'json.JSONEncoder');
    assert.equal(describeResolution(fx.names.resolve('json', fx.node('json'))), 'function:param', 'the body');
  });

  it('comprehensions and lambdas inside a default see the enclosing scope, not the parameters', async () => {
    const text = 'def f(list=None, xs=[list() for _ in range(2)], cb=lambda: list):\n    import os\n    os.sep\n';
    assert.equal(await qualified(text, 'list', 1), 'builtins.list');
    assert.equal(await qualified(text, 'list', 2), 'builtins.list');
    assert.equal(await qualified(text, 'os.sep'), 'os.sep', 'the body after a lambda default is still the function');
  });

  it('global and nonlocal', async () => {
    const text = py`
      import multiprocessing as mp
      pool = None
      def start():
          global pool
          pool = mp.Pool()
          pool
      def outer():
          q = mp.Queue()
          def inner():
              nonlocal q
              q
          return inner
      pool
    `;
    const fx = await fixture(text);
    assert.equal(describeResolution(fx.names.resolve('pool', fx.node('pool', 3))), 'module:assign,assign', 'inside start: the module binding');
    assert.equal(describeResolution(fx.names.resolve('pool', fx.node('pool'))), 'module:assign,assign', 'the global assignment binds at module level');
    assert.equal(describeResolution(fx.names.resolve('q', fx.node('q'))), 'function:assign');
    assert.equal(fx.names.producedBy(fx.node('q')), 'multiprocessing.Queue');
  });

  it('a global declared only in a function still binds the module name', async () => {
    const fx = await fixture('import multiprocessing as mp\ndef init():\n    global worker_pool\n    worker_pool = mp.Pool()\nworker_pool.map\n');
    assert.equal(fx.names.producedBy(fx.node('worker_pool', -1)), 'multiprocessing.Pool');
    assert.equal(describeResolution(fx.names.resolve('worker_pool', fx.node('worker_pool'))), 'module:assign', 'not a builtin');
  });

  it('class scope is visible in the class body but not from methods', async () => {
    const text = py`
      import json
      class Codec:
          json = None
          fallback = json
          def encode(self):
              return json.dumps
    `;
    const fx = await fixture(text);
    assert.equal(describeResolution(fx.names.resolve('json', fx.node('json', 2))), 'class:assign');
    assert.equal(fx.names.qualifiedName(fx.node('json.dumps')), 'json.dumps');
  });

  it('comprehension variables are local to the comprehension; the first iterable is evaluated outside', async () => {
    const text = py`
      import os
      paths = [os for os in range(3)]
      os.sep
      class Table:
          rows = [1, 2]
          doubled = [r * 2 for r in rows]
          pairs = [(r, s) for r in rows for s in rows]
    `;
    const fx = await fixture(text);
    assert.equal(describeResolution(fx.names.resolve('os', fx.node('os', 1))), 'comprehension:other');
    assert.equal(fx.names.qualifiedName(fx.node('os.sep')), 'os.sep');
    assert.equal(describeResolution(fx.names.resolve('rows', fx.node('rows', 1))), 'class:assign', 'first iterable: class scope');
    assert.equal(describeResolution(fx.names.resolve('rows', fx.node('rows', 2))), 'class:assign');
    assert.equal(describeResolution(fx.names.resolve('rows', fx.node('rows', 3))), 'builtin', 'a later iterable runs inside the comprehension');
  });

  it('walrus in a comprehension binds in the enclosing function', async () => {
    const fx = await fixture('def f(xs):\n    if any((hit := x) > 1 for x in xs):\n        return hit\n');
    assert.equal(describeResolution(fx.names.resolve('hit', fx.node('hit'))), 'function:other');
  });

  it('definitionOf finds single def/class bindings', async () => {
    const fx = await fixture('def work():\n    pass\nclass Job:\n    pass\nwork; Job\nif x:\n    def twice(): pass\nelse:\n    def twice(): pass\ntwice\n');
    assert.equal(fx.names.definitionOf(fx.node('work'))?.kind, 'def');
    assert.equal(fx.names.definitionOf(fx.node('Job'))?.kind, 'class');
    assert.equal(fx.names.definitionOf(fx.node('twice')), undefined);
  });
});
