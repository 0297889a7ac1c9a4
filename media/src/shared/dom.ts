// DOM construction for the webviews. Text only ever goes in through textContent (or text nodes); there is no
// innerHTML anywhere in media/, so node values, identifiers and messages cannot become markup.

type Child = Node | string | null | undefined | false;

export interface ElementProps {
  readonly className?: string;
  readonly text?: string;
  readonly title?: string;
  /** Attributes; event-handler and style attributes are refused (CSP forbids inline styles, listeners go in `on`). */
  readonly attrs?: Readonly<Record<string, string>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  if (props.title !== undefined) element.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) setAttr(element, name, value);
  for (const [name, listener] of Object.entries(props.on ?? {})) element.addEventListener(name, listener as EventListener);
  append(element, ...children);
  return element;
}

export function setAttr(element: Element, name: string, value: string): void {
  if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refusing attribute ${name}`);
  element.setAttribute(name, value);
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A span holding `text` as text, with an optional class. */
export function span(text: string, className?: string): HTMLSpanElement {
  return h('span', { className, text });
}

export function button(label: string, onClick: () => void, props: ElementProps = {}): HTMLButtonElement {
  const element = h('button', { ...props, text: label, attrs: { type: 'button', ...props.attrs } });
  element.addEventListener('click', onClick);
  return element;
}

/** A checkbox with its label; `onChange` gets the new value. */
export function checkbox(label: string, checked: boolean, onChange: (value: boolean) => void, title?: string): { root: HTMLLabelElement; input: HTMLInputElement } {
  const input = h('input', { attrs: { type: 'checkbox' } });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return { root: h('label', { className: 'toggle', title }, input, span(label)), input };
}

export function clear(element: Element): void {
  element.replaceChildren();
}
