// What both views show about the interpreter and about results that are not trees: the version label, the
// "no interpreter" message with a way to the setting, and CPython's syntax error with its position.
import type { InterpreterInfo, PythonSyntaxError, PythonUnavailable } from '../../../server/src/protocol';
import { button, h, span } from './dom';

/** `CPython 3.12.1`, with the executable as a tooltip. */
export function interpreterBadge(interpreter: InterpreterInfo): HTMLSpanElement {
  const name = interpreter.implementation === 'cpython' ? 'CPython' : interpreter.implementation;
  const badge = span(`${name} ${interpreter.version}`, 'interpreter');
  badge.title = interpreter.executable || interpreter.command;
  return badge;
}

// Reasons the user fixes in the settings (which interpreter, trust); the others are transient.
const SETTINGS_REASONS: ReadonlySet<PythonUnavailable['reason']> = new Set(['noInterpreter', 'untrusted', 'unsupportedVersion', 'notPython']);

export interface MessageAction {
  readonly label: string;
  run(): void;
}

/** The "cannot run Python" notice: the server's message as is, plus Open settings where that is the fix. */
export function unavailableNotice(result: PythonUnavailable, openSettings: () => void, extra: readonly MessageAction[] = []): HTMLElement {
  const actions = h('div', { className: 'notice-actions' });
  if (SETTINGS_REASONS.has(result.reason)) actions.append(button('Open settings', openSettings, { className: 'primary' }));
  for (const action of extra) actions.append(button(action.label, () => action.run()));
  return h(
    'div',
    { className: `notice notice-${result.reason === 'noInterpreter' ? 'warning' : 'info'}`, attrs: { role: 'status', 'data-reason': result.reason } },
    h('p', { className: 'notice-message', text: result.message }),
    result.interpreter ? h('p', { className: 'notice-detail' }, 'Interpreter: ', interpreterBadge(result.interpreter)) : null,
    actions,
  );
}

/** CPython's syntax error: `SyntaxError: message` and `line L, column C` (1-based, as the editor shows them). */
export function syntaxErrorNotice(result: PythonSyntaxError, goToError: () => void, extra: readonly MessageAction[] = []): HTMLElement {
  const { start } = result.range;
  const actions = h('div', { className: 'notice-actions' }, button('Go to error', goToError, { className: 'primary' }));
  for (const action of extra) actions.append(button(action.label, () => action.run()));
  return h(
    'div',
    { className: 'notice notice-error', attrs: { role: 'alert' } },
    h('p', { className: 'notice-message' }, span(`${result.type}: `, 'error-type'), span(result.message)),
    h('p', { className: 'notice-detail' }, `line ${start.line + 1}, column ${start.character + 1} · `, interpreterBadge(result.interpreter)),
    actions,
  );
}

/** A plain one-line notice (no editor, loading). */
export function plainNotice(text: string, className = 'notice-info'): HTMLElement {
  return h('div', { className: `notice ${className}`, attrs: { role: 'status' } }, h('p', { className: 'notice-message', text }));
}

/** Shown when a handler throws: the view stays usable and says what went wrong. */
export function renderFailure(error: unknown): HTMLElement {
  return plainNotice(`The view could not show this result: ${error instanceof Error ? error.message : String(error)}`, 'notice-error');
}
