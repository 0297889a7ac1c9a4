// The internals part of a hover: computed facts about this code first, then the topic that explains the mechanism.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { HoverLevel } from '../config';
import type { HoverContext } from './facts/fact';
import { factProviders } from './facts/index';
import { topicsAt } from './resolveTopics';
import { allTopics } from './topics/index';
import type { Topic } from './topics/topic';
import { topicDocsUrl } from './topicDocsUrl';

export interface InternalsHover {
  readonly markdown: string;
  /** The construct the hover is about, for the editor to highlight. */
  readonly node?: SyntaxNode;
}

function topicMarkdown(topic: Topic, level: HoverLevel): string {
  const parts = [`**${topic.title}** — ${topic.summary}`];
  if (level === 'detailed' && topic.example) parts.push(`\`\`\`python\n${topic.example.trimEnd()}\n\`\`\``);
  if (level === 'detailed' && topic.versions) parts.push(`*Versions:* ${topic.versions}`);
  const links = topic.links.map((l) => `[${l.title}](${l.url})`);
  parts.push([...links, `[More](${topicDocsUrl(topic.id)})`].join(' · '));
  return parts.join('\n\n');
}

export function internalsHover(context: HoverContext): InternalsHover | undefined {
  const level = context.settings.hoverLevel;
  if (level === 'off') return undefined;
  const facts = factProviders.flatMap((provide) => provide(context) ?? []);
  const topics = topicsAt(context, allTopics).slice(0, level === 'detailed' ? 3 : 1);
  if (facts.length === 0 && topics.length === 0) return undefined;
  const sections = [...(facts.length ? [facts.join('\n\n')] : []), ...topics.map((m) => topicMarkdown(m.topic, level))];
  return { markdown: sections.join('\n\n---\n\n'), node: topics[0]?.node };
}
