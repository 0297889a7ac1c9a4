// How one AST row looks: `field: Type 'value' [l:c–l:c]`. Every piece is a text span.
import type { Range } from '../../../server/src/protocol';
import { span } from '../shared/dom';
import type { FlatRow } from '../shared/treeList';
import { fieldName, type AstRow } from './model';

/** `[l:c–l:c]`: lines 1-based, columns 0-based as CPython's col_offset (counted in the editor's UTF-16 units). */
export function formatRange(range: Range): string {
  return `[${range.start.line + 1}:${range.start.character}–${range.end.line + 1}:${range.end.character}]`;
}

function valueClass(pyType: string | undefined): string {
  switch (pyType) {
    case 'str':
    case 'bytes':
      return 'value v-str';
    case 'int':
    case 'float':
    case 'complex':
      return 'value v-num';
    case 'NoneType':
    case 'bool':
    case 'ellipsis':
      return 'value v-keyword';
    default:
      return 'value';
  }
}

export function renderAstRow(row: FlatRow<AstRow>, content: HTMLElement, options: { readonly hidePositions: boolean }): void {
  const node = row.node;
  // CST rows have no CPython node id; their unnamed children's indexes are noise, so only field names show.
  const cst = node.kind === 'node' && node.nodeId === undefined;
  const label = node.label;
  if (label?.startsWith('[')) {
    if (!cst) content.append(span(label, 'index'), span(' '));
  } else if (label !== undefined) {
    content.append(span(fieldName(node) ?? label, 'field'), span(': ', 'punct'));
  }
  switch (node.kind) {
    case 'node': {
      const type = span(node.type ?? '', node.isError ? 'type error' : node.isMissing ? 'type missing' : 'type');
      content.append(type);
      if (node.isMissing) content.append(span(' (missing)', 'note'));
      if (node.value !== undefined) content.append(span(' '), span(node.value, 'value v-text'));
      break;
    }
    case 'list':
      content.append(span(node.children.length === 0 ? '[]' : `list[${node.children.length}]`, 'list'));
      break;
    case 'constant': {
      const value = span(node.value ?? '', valueClass(node.valueType));
      value.title = node.valueType ?? '';
      content.append(value);
      break;
    }
  }
  if (node.range && !options.hidePositions) content.append(span(' '), span(formatRange(node.range), 'pos'));
}
