// The knowledge base is data: this validates it (unique ids, well-formed links, sane text) and proves every trigger
// of every topic is reachable by hovering something in test/fixtures/topics/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeSettings } from '../../server/src/service/config';
import { hoverContext } from '../../server/src/service/hover/hoverContext';
import { triggerMatches } from '../../server/src/service/hover/resolveTopics';
import { allTopics } from '../../server/src/service/hover/topics/index';
import type { TopicTrigger } from '../../server/src/service/hover/topics/topic';
import { cursorMarks } from '../helpers/hover';
import { getGrammar, sourceFile } from '../helpers/service';

const FIXTURES = join(__dirname, '..', 'fixtures', 'topics');

describe('topics: the knowledge base', () => {
  it('has unique kebab-case ids, titles, 2–5 sentence summaries and docs.python.org links', () => {
    const ids = new Set<string>();
    for (const topic of allTopics) {
      assert.match(topic.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, topic.id);
      assert.ok(!ids.has(topic.id), `duplicate topic id ${topic.id}`);
      ids.add(topic.id);
      assert.ok(topic.title.trim().length > 2, topic.id);
      assert.ok(topic.triggers.length > 0, `${topic.id} has no trigger`);
      const sentences = topic.summary.split(/(?<=[.!?])\s+(?=[A-Z`(])/).length;
      assert.ok(sentences >= 2 && sentences <= 6, `${topic.id}: ${sentences} sentences`);
      assert.ok(topic.links.length > 0, `${topic.id} has no link`);
      for (const link of topic.links) {
        assert.match(link.url, /^https:\/\/docs\.python\.org\/3\/[a-z0-9_/.-]+\.html(#[A-Za-z0-9_.-]+)?$/, `${topic.id}: ${link.url}`);
        assert.ok(link.title.trim().length > 0);
      }
    }
  });

  it('reaches every trigger of every topic from a fixture, and each mark finds its topic', async () => {
    const grammar = await getGrammar();
    const reached = new Set<TopicTrigger>();
    let marks = 0;
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.py'))) {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const file = await sourceFile(text);
      try {
        for (const mark of cursorMarks(text)) {
          marks++;
          const matches = triggerMatches(hoverContext(file, mark.offset, mergeSettings(), grammar), allTopics);
          assert.ok(matches.some((m) => m.topic.id === mark.topic), `${name}:${mark.line + 1} does not reach ${mark.topic} (got ${matches.map((m) => m.topic.id).join(', ') || 'nothing'})`);
          for (const m of matches) if (m.topic.id === mark.topic) reached.add(m.trigger);
        }
      } finally {
        file.dispose();
      }
    }
    const unreached = allTopics.flatMap((t) => t.triggers.filter((tr) => !reached.has(tr)).map((tr) => `${t.id} ${JSON.stringify('name' in tr ? tr.name : { ...tr, text: tr.text?.source })}`));
    assert.deepEqual(unreached, [], 'every trigger needs a fixture mark');
    assert.ok(marks >= allTopics.length);
  });
});
