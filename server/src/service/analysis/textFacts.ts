// Text tests over a whole file that an edit does not have to repeat over the whole file. "The file has a match of
// R" means: the own text of some unit has one (a leaf's whole text, a container's header; see units.ts). Each unit
// remembers which tracked patterns it matches and each pattern how many units match it, so after an edit only the
// new units are tested. The first test of a pattern scans every unit once, in one pass over their joined texts.
import { rowAt } from '../../parsing/edits';
import type { Unit, UnitTree } from './units';

/** What rule prefilters may ask about the whole text. */
export interface FileText {
  /** Whether `pattern` matches within one top-level statement (or class member, or class header) of the file. */
  has(pattern: RegExp): boolean;
}

/** The text a unit owns: a leaf's whole range, a container's header up to its body. */
function ownEnd(unit: Unit): number {
  return unit.container ? unit.container.bodyStart : unit.end;
}

/** Whether the pattern uses ^ or $ (outside character classes). */
function hasTextAnchors(pattern: RegExp): boolean {
  return /[\^$]/.test(pattern.source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''));
}

/** How patterns are told apart (flags that only change how a search proceeds are ignored). */
export function textKey(pattern: RegExp): string {
  return `${pattern.flags.replace(/[gy]/g, '')}/${pattern.source}`;
}

/** A separator no pattern of ours matches across: not a word character, not whitespace, and a line break for ^ and $. */
const SEPARATOR = '\n\u0000\n';

export class TextFacts implements FileText {
  private readonly patterns = new Map<string, RegExp>();
  private readonly matched = new Map<Unit, Set<string>>();
  private readonly counts = new Map<string, number>();
  /** The units' texts joined by separators, built once per version for the first scans of new patterns. */
  private joinedText: { readonly units: readonly Unit[]; readonly joined: string; readonly starts: readonly number[]; readonly ends: readonly number[] } | undefined;

  constructor(
    private units: UnitTree,
    private text: string,
  ) {}

  has(pattern: RegExp): boolean {
    const key = textKey(pattern);
    if (!this.patterns.has(key)) this.track(key, new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
    return (this.counts.get(key) ?? 0) > 0;
  }

  /**
   * Moves to the next version: forgets the removed units, tests the added ones. Returns the keys of the patterns that
   * matched in a removed or an added unit (an edit there may have changed what a whole-file scan would find).
   */
  update(units: UnitTree, text: string, removed: readonly Unit[], added: readonly Unit[]): Set<string> {
    const touched = new Set<string>();
    for (const unit of removed) {
      for (const key of this.matched.get(unit) ?? []) {
        touched.add(key);
        this.counts.set(key, (this.counts.get(key) ?? 1) - 1);
      }
      this.matched.delete(unit);
    }
    this.units = units;
    this.text = text;
    this.joinedText = undefined;
    for (const unit of added) {
      const own = text.slice(unit.start, ownEnd(unit));
      for (const [key, pattern] of this.patterns) {
        if (!pattern.test(own)) continue;
        touched.add(key);
        this.mark(unit, key);
      }
    }
    return touched;
  }

  /** Drops the joined texts (a copy of the file) once an analysis has asked what it needed. */
  settle(): void {
    this.joinedText = undefined;
  }

  private joined(): NonNullable<TextFacts['joinedText']> {
    if (this.joinedText) return this.joinedText;
    const units = [...this.units.all()];
    const starts: number[] = [];
    const ends: number[] = [];
    const parts: string[] = [];
    let length = 0;
    for (const unit of units) {
      const own = this.text.slice(unit.start, ownEnd(unit));
      starts.push(length);
      parts.push(own, SEPARATOR);
      length += own.length;
      ends.push(length);
      length += SEPARATOR.length;
    }
    return (this.joinedText = { units, joined: parts.join(''), starts, ends });
  }

  private mark(unit: Unit, key: string): void {
    let set = this.matched.get(unit);
    if (!set) this.matched.set(unit, (set = new Set()));
    if (set.has(key)) return;
    set.add(key);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Tests every unit for a new pattern: one scan of the units' texts joined by separators, then unit by unit only where a match crossed one. */
  private track(key: string, pattern: RegExp): void {
    this.patterns.set(key, pattern);
    const { units, joined, starts, ends } = this.joined();
    const own = (i: number) => this.text.slice(units[i].start, ownEnd(units[i]));
    // Without the m flag, ^ and $ mean the ends of the text, which joining would move: test unit by unit.
    if (hasTextAnchors(pattern) && !pattern.flags.includes('m')) {
      units.forEach((unit, i) => pattern.test(own(i)) && this.mark(unit, key));
      return;
    }
    // Each unit's text is a "row" of the joined text: an offset's unit is the last one starting at or before it.
    const unitAt = (offset: number) => rowAt(starts, offset);
    const scan = new RegExp(pattern.source, `${pattern.flags}g`);
    for (let m = scan.exec(joined); m; m = scan.exec(joined)) {
      const first = unitAt(m.index);
      const last = unitAt(Math.max(m.index, m.index + m[0].length - 1));
      if (first === last && m.index + m[0].length <= ends[first]) {
        this.mark(units[first], key);
        // One match per unit is enough: continue after this unit's text.
        scan.lastIndex = Math.max(scan.lastIndex, first + 1 < starts.length ? starts[first + 1] : joined.length);
        continue;
      }
      // A match across a separator belongs to no unit; each unit it touched is tested on its own.
      for (let i = first; i <= last; i++) if (pattern.test(own(i))) this.mark(units[i], key);
      if (m[0].length === 0) scan.lastIndex++;
    }
  }
}
