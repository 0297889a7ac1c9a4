// Memory of the real server (dist/server.js --stdio): VmRSS from /proc/<pid>/status, and the split the server reports
// of itself with PYINSIGHT_TIMINGS=1 (V8 heap, and `external`, where tree-sitter's WASM memory lives). After start-up,
// with the 50 largest stdlib modules open, during 10,000 seeded edits on typing.py (in bursts of 10, as fast typing
// comes: the server reparses each change and analyses once per burst after its debounce, so 10,000 trees and 1,000
// analyses go through it), and after closing everything. Growth from the first to the last 1,000 edits would mean
// trees or caches that are never released.
import type { Section } from './common';
import { median, ms, table } from './common';
import { largestModules, stdlibFile } from './corpus';
import { EditSequence, functionBodyLines } from './edits';
import { rssMb, startSession } from './lspSession';

const OPEN_FILES = 50;

interface Reading {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

/**
 * What the V8 heap really holds: the lowest `heapUsed` of a block. Any one reading also counts garbage not yet
 * collected; the lowest of 100 is taken just after a full collection. (RSS also counts heap space V8 has reserved but
 * not filled, which it returns only under memory pressure.)
 */
const live = (block: readonly Reading[] | undefined) => (block && block.length > 0 ? Math.min(...block.map((r) => r.heapUsed)) : Number.NaN);
const EDITS = Number(process.env.BENCH_MEMORY_EDITS ?? 10_000);
const BURST = 10;
/** How long the server is left alone before an at-rest reading: V8's memory reducer runs after ~8 s of quiet. */
const REST_MS = Number(process.env.BENCH_MEMORY_REST_MS ?? 15_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** RSS once the server has been idle for REST_MS: the median of 6 readings over the next 3 s. */
async function rssAtRest(pid: number): Promise<number> {
  await sleep(REST_MS);
  const readings: number[] = [];
  for (let i = 0; i < 6; i++, await sleep(500)) readings.push(rssMb(pid));
  return median(readings);
}

export async function memorySection(): Promise<Section> {
  const session = await startSession({ timings: true });
  const { client } = session;
  const rows: string[][] = [];
  const record = (when: string) => rows.push([when, ms(rssMb(session.pid)), '', '', '', '', '']);
  /** Readings after each burst, per block of 1,000 edits: V8's heap breathes between collections, so one reading per
   * block would be noise; the median of a block's 100 readings is not. */
  const blocks: Reading[][] = [];
  /** Bursts whose publish came without analysis (no memory report), by the edit that ended them. */
  const skipped: number[] = [];
  /** RSS at rest after 1,000 edits and after the last one: what stays once typing stops. */
  const rest: number[] = [];
  try {
    record('after initialize');
    const modules = largestModules(OPEN_FILES);
    for (const file of modules) await session.open(file);
    const lines = modules.reduce((n, f) => n + f.lines, 0);
    record(`${modules.length} large modules open (${lines} lines, ${ms(modules.reduce((n, f) => n + f.text.length, 0) / 1e6)} M characters)`);

    const typing = { ...stdlibFile('typing.py'), uri: 'file:///bench/memory/typing.py' };
    await session.open(typing);
    const sequence = new EditSequence(typing.text, 3, await functionBodyLines(typing.text));
    for (let version = 1; version <= EDITS; version++) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: typing.uri, version }, contentChanges: [sequence.next().change] });
      if (version % BURST !== 0) continue;
      await client.diagnostics(typing.uri, (p) => p.version === version, 60_000);
      const server = await session.timings(typing.uri, version);
      // A hover after each burst, as the mouse rests somewhere: the hover caches are exercised too.
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: typing.uri }, position: { line: (version * 7) % typing.lines, character: 4 } });
      const block = Math.ceil(version / 1000) - 1;
      if ('skipped' in server) {
        // Under load a reparse can overrun the server's budget; the document is analysed again at a later edit.
        skipped.push(version);
        continue;
      }
      const mb = (bytes: number) => bytes / 2 ** 20;
      const { heapUsed, heapTotal, external } = server.memory;
      (blocks[block] ??= []).push({ rss: rssMb(session.pid), heapUsed: mb(heapUsed), heapTotal: mb(heapTotal), external: mb(external) });
      if (version === Math.min(1000, EDITS) || version === EDITS) rest.push(await rssAtRest(session.pid));
    }
    blocks.forEach((samples, i) => {
      const rss = samples.map((r) => r.rss);
      const of = (key: 'heapTotal' | 'external') => ms(median(samples.map((r) => r[key])));
      rows.push([`edits ${i * 1000 + 1}–${(i + 1) * 1000} on typing.py`, ms(median(rss)), ms(Math.min(...rss)), ms(Math.max(...rss)), ms(live(samples)), of('heapTotal'), of('external')]);
    });
    rest.forEach((rss, i) => rows.push([`at rest (${REST_MS / 1000} s idle) after ${i === 0 ? Math.min(1000, EDITS) : EDITS} edits`, ms(rss), '', '', '', '', '']));
    for (const file of [...modules, typing]) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: file.uri } });
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: typing.uri }, position: { line: 0, character: 0 } });
    record('after closing every document');
  } finally {
    await session.close();
  }
  // "After 1,000 edits" is the block of readings taken once the first 1,000 were made (edits 1,001–2,000); the first
  // block still holds the warm-up of a freshly opened document (caches filling, the heap sizing itself).
  const afterFirst = blocks.length > 1 ? blocks[1] : blocks[0];
  const first = median((afterFirst ?? []).map((r) => r.rss));
  const last = median((blocks[blocks.length - 1] ?? []).map((r) => r.rss));
  const growth = last - first;
  const liveFirst = live(afterFirst) + median((afterFirst ?? []).map((r) => r.external));
  const liveLast = live(blocks[blocks.length - 1]) + median((blocks[blocks.length - 1] ?? []).map((r) => r.external));
  const body = [
    'RSS of the server process (VmRSS from /proc, MB). During the edits it is read after every burst of 10 edits and',
    'summarised per 1,000 edits, next to what the server reports of itself with each publish (`process.memoryUsage()`:',
    'V8 heap used and reserved; `external` holds the WASM linear memory of tree-sitter, trees and queries). WASM memory',
    'never shrinks, so the RSS after closing shows the high-water mark rather than a leak; what matters is that it stops',
    'growing.',
    '',
    table(['state', 'RSS MB (median)', 'min', 'max', 'V8 heap live (lowest used)', 'V8 heap total (median)', 'external (WASM)'], rows),
    '',
    `Growth from edits 1,001–2,000 to the last 1,000 of ${EDITS}: RSS (medians) **${ms(growth)} MB** (${ms((100 * growth) / first)} %),`,
    `live memory (lowest V8 heap used + WASM) **${ms(liveLast - liveFirst)} MB**. At rest (the server idle for ${REST_MS / 1000} s,`,
    `as when typing stops), RSS after 1,000 edits and after ${EDITS}: ${rest.map((r) => ms(r)).join(' → ')} MB.`,
    ...(skipped.length > 0 ? [`\n${skipped.length} bursts were published without analysis (the reparse overran the server's budget), the first after edit ${skipped[0]}.`] : []),
  ].join('\n');
  return {
    title: 'Memory',
    body,
    goals: [
      { goal: 'RSS with 50 large files open', target: 'reported', measured: `${rows[1]?.[1] ?? '—'} MB`, met: undefined },
      // Within 5 % or 10 MB: the heap breathing between collections is not growth.
      {
        goal: `RSS at rest after ${EDITS} edits = at rest after 1,000`,
        target: 'no growth (within 5 % or 10 MB)',
        measured: `${ms(rest[0])} → ${ms(rest[1])} MB (${REST_MS / 1000} s idle, then the median of 6 readings)`,
        met: rest.length === 2 && rest[1] - rest[0] <= Math.max(10, rest[0] * 0.05),
      },
      { goal: `RSS while typing, last 1,000 of ${EDITS} edits = edits 1,001–2,000`, target: 'no growth (within 5 % or 10 MB)', measured: `${ms(first)} → ${ms(last)} MB (medians of 100 readings)`, met: growth <= Math.max(10, first * 0.05) },
      {
        goal: `live memory (V8 heap after collection + WASM) after ${EDITS} edits = after 1,000`,
        target: 'no growth (within 5 % or 10 MB)',
        measured: `${ms(liveFirst)} → ${ms(liveLast)} MB`,
        met: liveLast - liveFirst <= Math.max(10, liveFirst * 0.05),
      },
    ],
  };
}

if (require.main === module) {
  void memorySection().then((s) => process.stdout.write(`## ${s.title}\n\n${s.body}\n`));
}
