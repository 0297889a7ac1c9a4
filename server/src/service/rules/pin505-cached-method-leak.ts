// PIN505: `functools.lru_cache` / `functools.cache` on an instance method. The cache belongs to the function object in
// the class, so it is shared by every instance, and each entry's key holds a strong reference to `self`: every instance
// the method was called on stays alive until its entry is evicted (never, for `cache` and `maxsize=None`).
// Staticmethods, classmethods and module-level functions stay quiet: their arguments do not include the instance.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { classSlots } from '../analysis/classModel';
import { ensureImport } from '../fixes/imports';
import { capture, type Finding, type Rule, type RuleContext } from './rule';

const CACHES = new Set(['functools.lru_cache', 'functools.cache']);
const NOT_INSTANCE = new Set(['builtins.staticmethod', 'builtins.classmethod']);
const IMPLICIT_NOT_INSTANCE = new Set(['__new__', '__init_subclass__', '__class_getitem__']);

/** The qualified name of a decorator's callable: `@x`, `@x.y`, `@x(...)`. */
function decoratorName(decorator: SyntaxNode, context: RuleContext): string | undefined {
  let expr = decorator.namedChildren.find((c) => c && c.type !== 'comment');
  if (expr?.type === 'call') expr = expr.childForFieldName('function') ?? undefined;
  return expr && (expr.type === 'identifier' || expr.type === 'attribute') ? context.names.qualifiedName(expr) : undefined;
}

/** `at most N entries` / undefined (unbounded) / 'unknown' for what the decorator's maxsize says. */
function maxsize(decorator: SyntaxNode, qualified: string): number | undefined | 'unknown' {
  if (qualified === 'functools.cache') return undefined;
  const expr = decorator.namedChildren.find((c) => c && c.type !== 'comment');
  if (expr?.type !== 'call') return 128;
  const args = expr.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
  const keyword = args.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'maxsize');
  const value = args[0] && args[0].type !== 'keyword_argument' ? args[0] : keyword?.childForFieldName('value');
  if (!value) return args.some((a) => a?.type !== 'keyword_argument') ? 'unknown' : 128;
  if (value.type === 'none') return undefined;
  if (value.type === 'integer' && /^\d+$/.test(value.text)) return Number(value.text);
  return 'unknown';
}

export const cachedMethodLeak: Rule = {
  code: 'PIN505',
  name: 'cached-method-leak',
  family: 'functions',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  equivalentCodes: ['B019'],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bfunctools\b/),
  query: '(class_definition body: (block (decorated_definition (decorator) @decorator definition: (function_definition) @function) @decorated)) @class',
  check(match, context) {
    const decorator = capture(match, 'decorator');
    const fn = capture(match, 'function');
    const decorated = capture(match, 'decorated');
    const cls = capture(match, 'class');
    if (!decorator || !fn || !decorated || !cls) return undefined;
    const qualified = decoratorName(decorator, context);
    if (!qualified || !CACHES.has(qualified)) return undefined;
    const decorators = decorated.namedChildren.filter((d): d is SyntaxNode => d?.type === 'decorator');
    if (decorators.some((d) => NOT_INSTANCE.has(decoratorName(d, context) ?? ''))) return undefined;
    // __new__ is an implicit staticmethod, __init_subclass__ and __class_getitem__ implicit classmethods: no instance.
    if (IMPLICIT_NOT_INSTANCE.has(fn.childForFieldName('name')?.text ?? '')) return undefined;
    const params = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p && p.type !== 'comment') ?? [];
    // The instance is bound to the first positional parameter; `def m(*args)` still receives it, `def m()` cannot be called.
    if (params.length === 0 || params[0]?.type === 'keyword_separator' || params[0]?.type === 'dictionary_splat_pattern') return undefined;

    const spelled = qualified === 'functools.cache' ? 'functools.cache' : 'functools.lru_cache';
    const method = `${cls.childForFieldName('name')?.text ?? ''}.${fn.childForFieldName('name')?.text ?? ''}`;
    const size = maxsize(decorator, qualified);
    const lifetime =
      size === undefined
        ? 'the cache is unbounded, so they are never freed (until `cache_clear()`)'
        : size === 'unknown'
          ? 'they stay alive until their entries are evicted'
          : `up to ${size} of them stay alive until their entries are evicted`;
    const message = `\`@${spelled}\` on the method \`${method}\`: the cache lives on the function, is shared by all instances, and keys every entry on the arguments including \`self\`, so it keeps the instances alive: ${lifetime}. Cache per instance instead (\`functools.cached_property\` for a method that takes no arguments).`;

    // cached_property: only `def m(self)` with no other decorator, an instance __dict__ (no __slots__), Python 3.8+.
    const { major, minor } = context.settings.targetVersion;
    const onlySelf = params.length === 1 && params[0]?.type === 'identifier';
    const isAsync = fn.children.some((c) => c?.type === 'async');
    const canFix = onlySelf && !isAsync && decorators.length === 1 && classSlots(cls) === undefined && (major > 3 || minor >= 8);
    const imported = canFix ? ensureImport(context, 'functools', 'cached_property') : undefined;
    const expr = decorator.namedChildren.find((c) => c && c.type !== 'comment');
    const finding: Finding = {
      at: expr ?? decorator,
      message,
      fix:
        imported && expr
          ? {
              title: `Make \`${method}\` a functools.cached_property`,
              safety: 'unsafe',
              edits: [...imported.edits, { start: expr.startIndex, end: expr.endIndex, newText: imported.reference }],
            }
          : undefined,
    };
    return finding;
  },
  docs: {
    summary: '`functools.lru_cache` or `functools.cache` on an instance method keeps every instance it sees alive.',
    what: 'Flags `@lru_cache`, `@lru_cache(...)` and `@cache` from functools (through any import form or alias) on a method defined directly in a class body, whose first parameter receives the instance. Methods that are also `staticmethod` or `classmethod`, and functions outside classes, are not flagged.',
    why: "The decorator runs once, when the class body is executed, and wraps the function in a single cache object stored in the class. Every call goes through that one cache, whichever instance it is made on, and the cache key is built from all the arguments, `self` included. The cache holds strong references to its keys, so each instance the method was called on is kept alive by the cache: with `@cache` or `maxsize=None` for the rest of the process (or until `cache_clear()`), with the default `maxsize=128` until 128 newer entries push it out. The instances' memory, and anything they hold (files, sockets, large buffers), is not released when the rest of the program drops them. The cache also requires the instances to be hashable and treats equal instances as the same entry.",
    example: 'import functools\n\n\nclass Report:\n    def __init__(self, rows):\n        self.rows = rows\n\n    @functools.lru_cache\n    def total(self):\n        return sum(self.rows)\n',
    useInstead: 'import functools\n\n\nclass Report:\n    def __init__(self, rows):\n        self.rows = rows\n\n    @functools.cached_property\n    def total(self):\n        return sum(self.rows)\n',
    fixSafety: 'Unsafe, and offered only for a method that takes nothing but `self`, has no other decorator, is not `async`, and belongs to a class without `__slots__` (cached_property stores the value in the instance `__dict__`), when the target version is 3.8 or later. The fix replaces the decorator with `functools.cached_property` (adding `import functools` if needed): the value is then stored on each instance and dies with it. Callers must change `obj.total()` to `obj.total`, and the value is no longer shared between equal instances, so the fix is never applied automatically. For methods with arguments, keep a cache per instance (for example a dict in `__init__`) or cache a module-level function that does not take the instance.',
    versions: 'All Python 3 versions with `functools.lru_cache` (3.2+); `functools.cache` exists from 3.9 and `functools.cached_property` from 3.8.',
    references: [
      { title: 'functools.lru_cache (Python docs)', url: 'https://docs.python.org/3/library/functools.html#functools.lru_cache' },
      { title: 'functools.cached_property (Python docs)', url: 'https://docs.python.org/3/library/functools.html#functools.cached_property' },
      { title: 'How do I cache method calls? (Programming FAQ)', url: 'https://docs.python.org/3/faq/programming.html#how-do-i-cache-method-calls' },
    ],
  },
};
