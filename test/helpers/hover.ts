// Hover test helpers: `$0` marks the cursor in inline fixtures; caret comments mark cursors in topic fixtures.
import { mergeSettings, type SettingsLayer } from '../../server/src/service/config';
import type { HoverContext } from '../../server/src/service/hover/facts/fact';
import { hoverContext } from '../../server/src/service/hover/hoverContext';
import { neverCancelled } from '../../server/src/service/types';
import { getGrammar, getService, sourceFile } from './service';

/** The text without its `$0` marker, and the marker's offset. */
function splitCursor(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf('$0');
  if (offset === -1) throw new Error('no $0 cursor marker');
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 2), offset };
}

/** The hover markdown at `$0` in `text` (the marker is removed), or undefined when there is no hover. */
export async function hoverAt(textWithCursor: string, settings: SettingsLayer = {}): Promise<string | undefined> {
  const { text, offset } = splitCursor(textWithCursor);
  const file = await sourceFile(text);
  try {
    const hover = (await getService()).hover(file, file.document.positionAt(offset), mergeSettings(settings), neverCancelled);
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : undefined;
  } finally {
    (await getService()).forget(file.uri);
    file.dispose();
  }
}

/** Runs `work` with the hover context at `$0`. */
export async function withContextAt<T>(textWithCursor: string, work: (context: HoverContext) => T, settings: SettingsLayer = {}): Promise<T> {
  const { text, offset } = splitCursor(textWithCursor);
  const file = await sourceFile(text);
  try {
    return work(hoverContext(file, offset, mergeSettings(settings), await getGrammar()));
  } finally {
    file.dispose();
  }
}

export interface CursorMark {
  readonly offset: number;
  readonly line: number;
  readonly topic: string;
}

/**
 * Cursor marks in a topic fixture: a comment line `#     ^ topic: gil` puts the cursor at the caret's column on the
 * nearest code line above it.
 */
export function cursorMarks(text: string): CursorMark[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const marks: CursorMark[] = [];
  let codeLine = -1;
  lines.forEach((line, index) => {
    const mark = /^\s*#.*?\^\s*topic:\s*([a-z0-9-]+)\s*$/.exec(line);
    if (!mark) {
      if (line.trim() !== '' && !line.trim().startsWith('#')) codeLine = index;
      return;
    }
    marks.push({ offset: starts[codeLine] + line.indexOf('^'), line: codeLine, topic: mark[1] });
  });
  return marks;
}

const bold = (title: string) => `**${title}**`;

/** Asserts the hover at `$0` shows the topic titled `topicTitle` (concise level unless `detailed`). */
export async function assertShowsTopic(code: string, topicTitle: string, detailed = false): Promise<void> {
  const hover = await hoverAt(code, detailed ? { hoverLevel: 'detailed' } : {});
  if (!hover?.includes(bold(topicTitle))) throw new Error(`expected "${topicTitle}" in:\n${hover ?? '(no hover)'}`);
}

/** Asserts the hover at `$0` does not show the topic, even at the detailed level (which lists up to three topics). */
export async function assertHidesTopic(code: string, topicTitle: string): Promise<void> {
  const hover = await hoverAt(code, { hoverLevel: 'detailed' });
  if (hover?.includes(bold(topicTitle))) throw new Error(`did not expect "${topicTitle}" in:\n${hover}`);
}
