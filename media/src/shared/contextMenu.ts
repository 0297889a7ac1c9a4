// A small context menu (role=menu) of buttons: opened by right click, Shift+F10 or the ContextMenu key; ↑/↓ move,
// Enter runs, Escape or a click elsewhere closes and gives the focus back.
import { h } from './dom';

export interface MenuItem {
  readonly label: string;
  readonly disabled?: boolean;
  run(): void;
}

let open: { element: HTMLElement; close(): void } | undefined;

export function showContextMenu(items: readonly MenuItem[], x: number, y: number): void {
  open?.close();
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const menu = h('div', { className: 'context-menu', attrs: { role: 'menu' } });
  const buttons = items.map((item) => {
    const entry = h('button', { text: item.label, attrs: { type: 'button', role: 'menuitem' } });
    entry.disabled = item.disabled ?? false;
    entry.addEventListener('click', () => {
      close();
      item.run();
    });
    menu.append(entry);
    return entry;
  });
  const enabled = () => buttons.filter((b) => !b.disabled);
  menu.addEventListener('keydown', (event) => {
    const list = enabled();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape' || event.key === 'Tab') close();
    else if (event.key === 'ArrowDown') list[(index + 1) % list.length]?.focus();
    else if (event.key === 'ArrowUp') list[(index - 1 + list.length) % list.length]?.focus();
    else return;
    event.preventDefault();
  });
  const onPointer = (event: MouseEvent) => {
    if (!menu.contains(event.target as Node)) close();
  };
  function close(): void {
    document.removeEventListener('mousedown', onPointer, true);
    menu.remove();
    open = undefined;
    previous?.focus();
  }
  document.addEventListener('mousedown', onPointer, true);
  document.body.append(menu);
  // Keep the menu inside the viewport.
  const rect = menu.getBoundingClientRect();
  menu.style.left = `${Math.max(0, Math.min(x, window.innerWidth - rect.width - 4))}px`;
  menu.style.top = `${Math.max(0, Math.min(y, window.innerHeight - rect.height - 4))}px`;
  open = { element: menu, close };
  enabled()[0]?.focus();
}
