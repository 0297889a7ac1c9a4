// One floating tooltip per view, filled with text nodes by the caller; shown beside an anchor element and kept
// inside the viewport. role=tooltip so screen readers announce it with the described element.
import { clear, h } from './dom';

const tip = h('div', { className: 'tooltip', attrs: { role: 'tooltip', id: 'tooltip' } });
tip.hidden = true;

export function showTooltip(anchor: Element, fill: (into: HTMLElement) => void): void {
  if (!tip.isConnected) document.body.append(tip);
  clear(tip);
  fill(tip);
  tip.hidden = false;
  const rect = anchor.getBoundingClientRect();
  const size = tip.getBoundingClientRect();
  const below = rect.bottom + 4 + size.height <= window.innerHeight;
  tip.style.left = `${Math.max(4, Math.min(rect.left, window.innerWidth - size.width - 4))}px`;
  tip.style.top = `${Math.max(4, below ? rect.bottom + 4 : rect.top - size.height - 4)}px`;
  anchor.setAttribute('aria-describedby', 'tooltip');
}

export function hideTooltip(): void {
  tip.hidden = true;
}
