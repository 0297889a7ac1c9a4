// No hover may repeat a claim ../shared/seed-catalog.md flags as wrong (A1–A29). Each pattern below is the
// recognisable form of one flagged claim; every topic's text (summary, example, versions) is searched.
import assert from 'node:assert/strict';
import { allTopics } from '../../server/src/service/hover/topics/index';

/** [flag, the claim, what makes a sentence with the claim correct (e.g. it labels old opcodes as old)] */
const FLAGGED: ReadonlyArray<[string, RegExp, RegExp?]> = [
  ['A1 lookup order', /instance (dict|__dict__)[^.]*(>|before|over|then)[^.]*data descriptor/i],
  ['A2 ast.walk depth-first', /ast\.walk[^.]*depth-first/i],
  ['A3 pre-3.11 opcodes as current', /\b(BINARY_ADD|BINARY_MULTIPLY|CALL_FUNCTION|CALL_METHOD|JUMP_ABSOLUTE|LOAD_METHOD)\b/, /3\.10|earlier|before 3\.11|pre-3\.11|older/],
  ['A4 optimized CALL_FUNCTION', /optimi[sz]ed CALL_FUNCTION/i],
  ['A8 Python 2 int struct', /PyIntObject|ob_ival/],
  ['A10 get_count returns thresholds', /get_count\(\)[^.]*threshold/i, /not the thresholds?|counters/],
  ['A11 max of exhausted iterator is -inf', /-inf\b/],
  ['A12 __buffer__ required', /requires? (a )?`?__buffer__/i],
  ['A13 ExceptionGroup not built in', /ExceptionGroup[^.]*not (a )?built-?in/i],
  ['A14 enums stored as ints', /enum[^.]*stored as integers/i],
  ['A15 forkserver on Windows', /forkserver[^.]*(works|available) on[^.]*Windows/i],
  ['A16 to_thread runs a coroutine', /to_thread[^.]*runs? (a |the )?coroutine/i],
  ['A17 async has no races', /no race conditions/i],
  ['A18 three-argument throw', /\.throw\(\s*\w+Error\s*,/],
  ['A19 get_event_loop inside coroutines', /inside (a )?coroutines?,? (use|call) `?asyncio\.get_event_loop/i],
  ['A20 dump_traceback(exception)', /dump_traceback\(\s*e\s*\)/],
  ['A26 __init__ is the constructor', /`?__init__`? is the constructor/i],
  ['A28 wrong co_code bytes', /d\\x00d\\x01/],
];

describe('topics: no flagged seed claim', () => {
  it('appears in any topic text', () => {
    const hits: string[] = [];
    for (const topic of allTopics) {
      const text = [topic.title, topic.summary, topic.example ?? '', topic.versions ?? ''].join('\n');
      for (const sentence of text.split(/(?<=[.!?])\s+|\n/)) {
        for (const [flag, claim, correct] of FLAGGED) {
          if (claim.test(sentence) && !correct?.test(sentence)) hits.push(`${topic.id}: ${flag}: ${sentence}`);
        }
      }
    }
    assert.deepEqual(hits, []);
  });
});
