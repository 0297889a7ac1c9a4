// The bytecode view's toolbar: compile options, the interpreter to compare with, and the text exports.
import type { BytecodeOptions } from '../../../server/src/protocol';
import { button, checkbox, h } from '../shared/dom';

export interface BytecodeToolbarHandlers {
  setOptions(options: BytecodeOptions): void;
  compareWith(python: string | undefined): void;
  copyText(): void;
  openAsText(): void;
}

export interface BytecodeToolbar {
  readonly element: HTMLElement;
  showOptions(options: BytecodeOptions, supportsCaches: boolean): void;
  showInterpreters(others: readonly string[], comparing: string | undefined): void;
}

const OPTIMIZE_LABELS = ['optimize 0', '-O (no asserts)', '-OO (no docstrings)'] as const;

export function createBytecodeToolbar(handlers: BytecodeToolbarHandlers): BytecodeToolbar {
  let options: BytecodeOptions = { optimize: 0, showCaches: false, adaptive: false };
  const optimize = h('select', { title: "compile()'s optimize level", attrs: { 'aria-label': 'Optimisation level' } });
  OPTIMIZE_LABELS.forEach((label, level) => optimize.append(h('option', { text: label, attrs: { value: String(level) } })));
  optimize.addEventListener('change', () => update({ optimize: Number(optimize.value) as 0 | 1 | 2 }));
  const caches = checkbox('Show caches', false, (showCaches) => update({ showCaches }), 'Show the inline CACHE entries (3.11+)');
  const adaptive = checkbox('Adaptive', false, (value) => update({ adaptive: value }), 'dis adaptive=True (3.11+): the forms the code object holds now');

  const compare = h('select', { title: 'Show the same code compiled by a second interpreter', attrs: { 'aria-label': 'Compare with interpreter' } });
  compare.addEventListener('change', () => handlers.compareWith(compare.value === '' ? undefined : compare.value));
  const compareGroup = h('label', { className: 'toggle' }, 'Compare: ', compare);

  const element = h(
    'div',
    { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Bytecode view' } },
    h('div', { attrs: { role: 'group', 'aria-label': 'Compile options' } }, optimize, caches.root, adaptive.root),
    h('div', {}, compareGroup),
    h('div', { className: 'actions' }, button('Copy as text', handlers.copyText, { title: 'Copy the listing as dis-style text' }), button('Open as text', handlers.openAsText, { title: 'Open the listing in an editor' })),
  );

  function update(change: Partial<BytecodeOptions>): void {
    options = { ...options, ...change };
    handlers.setOptions(options);
  }

  const toolbar: BytecodeToolbar = {
    element,
    showOptions(next, supportsCaches) {
      options = next;
      optimize.value = String(next.optimize);
      caches.input.checked = next.showCaches;
      adaptive.input.checked = next.adaptive;
      // Before 3.11 there are neither inline caches nor specialisation.
      caches.input.disabled = !supportsCaches;
      adaptive.input.disabled = !supportsCaches;
    },
    showInterpreters(others, comparing) {
      compare.replaceChildren(h('option', { text: 'none', attrs: { value: '' } }), ...others.map((python) => h('option', { text: python, attrs: { value: python } })));
      compare.value = comparing && others.includes(comparing) ? comparing : '';
      compare.disabled = others.length === 0;
      compareGroup.title = others.length === 0 ? 'No other interpreter found: set pyinsight.pythonPath or install another Python' : '';
    },
  };
  toolbar.showInterpreters([], undefined);
  return toolbar;
}
