// Which programme (and so which board) a number belongs to. Reports name programmes loosely:
// "Planning Futures Programme (PFP)", later just "PFP"; "Tenant voice network:" as a paragraph's
// label; "PFP" again in an appendix; "Return to… schemes: … surveying had 41 candidates" for
// Return to Surveying. So we compare *words*, not strings: a programme matches
// when every significant word of its name (or of an acronym's expansion) appears in the
// number's surroundings, and the nearest surroundings win:
//   0 the counted phrase, 1 the clause, 2 the sentence, 3 the paragraph's label,
//   4 earlier sentences of the paragraph, 5 the label of an earlier paragraph in the section,
//   6 the programme last named in the section, 7 the headings above.
// A programme's level is the farthest level any of its words had to come from.

export interface ProgrammeRef {
  name: string;
  slug: string;
  board: string;
  theme: string | null;
}
export interface BoardRef {
  name: string;
  slug: string;
}

const STOPWORDS = new Set('and of the for in on to a an with by at from its our their this that'.split(' '));

/** A word reduced so "advisors"/"advisers", "councils"/"council", "workers"/"work" compare equal. */
function stem(word: string): string {
  let w = word.replace(/^advisor/, 'adviser');
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('er')) w = w.slice(0, -2);
  return w;
}

export function significantWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/covid[\s-]*19/g, 'covid19')
    .replace(/&/g, ' and ')
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);
}

interface Alias {
  acronym: string;
  expansion: string;
}

// "Planning Futures Programme (PFP)": the words before the brackets whose initials spell the
// acronym (ignoring "and", "of", "the"…).
function aliasesFromText(text: string): Alias[] {
  const out: Alias[] = [];
  // Find the brackets first, then read the words before them (a single regex that does both
  // backtracks badly on long reports).
  for (const m of text.matchAll(/\(\s*([A-Z][A-Za-z&]{1,9}?)(s)?\s*(?:\)|[-–]\s)/g)) {
    const acronym = m[1]!;
    // Only the capitals spell the words: "DfE" is the Department for Education.
    const letters = acronym.replace(/[^A-Z]/g, '').toLowerCase();
    if (letters.length < 2) continue;
    const before = /((?:[A-Za-z][\w'’-]*[ \t,]+){1,12})$/.exec(text.slice(Math.max(0, m.index - 160), m.index));
    if (!before) continue;
    const words = before[1]!.trim().split(/[\s,]+/).filter(Boolean);
    // Shortest run of words, ending just before the bracket, whose initials spell the acronym.
    for (let from = words.length - 1; from >= 0; from--) {
      const run = words.slice(from);
      const initials = run
        .filter((w) => !STOPWORDS.has(w.toLowerCase()))
        .map((w) => w[0]!.toLowerCase())
        .join('');
      if (initials === letters) {
        out.push({ acronym, expansion: run.join(' ') });
        break;
      }
      if (initials.length > letters.length + 1) break;
    }
  }
  return out;
}

// A programme named in three or more words is often written by its initials too: "PFP". Only in
// a text that names it in full somewhere: initials alone are too often someone else's ("the PCC"
// is a police and crime commissioner, not Prevent, Counter-Extremism and Cohesion).
function aliasesFromNames(programmes: ProgrammeRef[], text: string): Alias[] {
  const out: Alias[] = [];
  const sequence = significantWords(text);
  for (const p of programmes) {
    const words = p.name.split(/[\s,]+/).filter((w) => w && !STOPWORDS.has(w.toLowerCase()) && /^[A-Za-z]/.test(w));
    if (words.length < 3 || !together([...new Set(significantWords(p.name))], sequence)) continue;
    out.push({ acronym: words.map((w) => w[0]!.toUpperCase()).join(''), expansion: p.name });
  }
  return out;
}

export interface Candidate {
  programme: ProgrammeRef;
  level: number;
}

/** One of a number's surroundings: its words as a set, and in order (for "named together"). */
export interface Context {
  words: Set<string>;
  sequence: string[];
}

export const EMPTY_CONTEXT: Context = { words: new Set(), sequence: [] };

// Words many programme names end with. A name of two or more other words still matches without
// them: "Youth Justice (YJ): … COVID-19 …" names a "Youth Justice COVID-19 Support".
const GENERIC = new Set(['programme', 'support', 'offer', 'series', 'scheme', 'project', 'initiative']);

interface Named {
  ref: ProgrammeRef;
  words: string[]; // all significant words, in order
  required: string[]; // words that must be found
}

/**
 * Whether the words stand together in a text: all of them within a run of one word more than
 * they are ("training and skills group" names a Skills and Training Programme; "skills" and
 * "training" far apart in a long sentence do not).
 */
function together(name: string[], sequence: string[]): boolean {
  if (!name.length || name.length > sequence.length) return false;
  const span = name.length + 1;
  for (let i = 0; i < sequence.length; i++) {
    if (!name.includes(sequence[i]!)) continue;
    const window = sequence.slice(i, i + span);
    if (name.every((w) => window.includes(w))) return true;
  }
  return false;
}

interface Found {
  named: Named;
  level: number; // the farthest level a required word came from
  mean: number; // the mean level of the words found
  inSentence: number; // words found in the clause or sentence
  inParagraph: number;
  together: boolean; // the name stands as written in some context
  found: number; // words found, generic ones included
}

export class ProgrammeMatcher {
  private readonly programmes: Named[];
  private readonly boards: { ref: BoardRef; words: string[] }[];
  private readonly aliasRe: RegExp | null;
  private readonly aliasMap: Map<string, string>;
  private readonly cache = new Map<string, Context>();
  // Numbers of one sentence share most surroundings: match each combination once.
  private readonly matches = new Map<string, Candidate | null>();
  private readonly ids = new WeakMap<Context, number>();
  private lastId = 0;
  private readonly byWord = new Map<string, Named[]>();

  constructor(programmes: ProgrammeRef[], boards: BoardRef[], text: string) {
    const aliases = [...aliasesFromNames(programmes, text), ...aliasesFromText(text)];
    this.aliasMap = new Map();
    for (const a of aliases) this.aliasMap.set(a.acronym, a.expansion);
    const keys = [...this.aliasMap.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[&]/g, '\\&'));
    this.aliasRe = keys.length ? new RegExp(`\\b(${keys.join('|')})s?\\b`, 'g') : null;
    this.programmes = programmes.map((ref) => {
      const words = [...new Set(significantWords(ref.name))];
      const core = words.filter((w) => !GENERIC.has(w));
      return { ref, words, required: core.length >= 2 ? core : words };
    });
    this.boards = boards.map((ref) => ({ ref, words: [...new Set(significantWords(ref.name))] }));
    for (const named of this.programmes) {
      for (const w of named.required) {
        const list = this.byWord.get(w) ?? [];
        list.push(named);
        this.byWord.set(w, list);
      }
    }
  }

  /** A text's words, acronyms spelled out ("PFP" reads as Planning Futures Programme). */
  context(text: string): Context {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const expanded = this.aliasRe ? text.replace(this.aliasRe, (_whole, acr: string) => ` ${this.aliasMap.get(acr) ?? acr} `) : text;
    const sequence = significantWords(expanded);
    const context = { words: new Set(sequence), sequence };
    this.cache.set(text, context);
    return context;
  }

  /**
   * The best programme for a number. `levels` are its surroundings, nearest first:
   *   0 counted phrase, 1 paragraph label, 2 clause, 3 sentence, 4 paragraph so far,
   *   5 label of an earlier paragraph, 6 (the programme last named: `recent`), 7 headings.
   * The nearest complete match wins; then the one whose words sit nearer on average (a label
   * naming most of it beats a sentence naming a little); then the one the sentence names more
   * of; then one whose name stands as written; then the longer name.
   */
  match(levels: Context[], recent: ProgrammeRef | null): Candidate | null {
    const key = `${levels.map((c) => this.idOf(c)).join(',')}|${recent ? recent.slug : ''}`;
    if (this.matches.has(key)) return this.matches.get(key)!;
    const result = this.bestMatch(levels, recent);
    this.matches.set(key, result);
    return result;
  }

  private idOf(context: Context): number {
    let id = this.ids.get(context);
    if (id === undefined) {
      id = ++this.lastId;
      this.ids.set(context, id);
    }
    return id;
  }

  private bestMatch(levels: Context[], recent: ProgrammeRef | null): Candidate | null {
    const found: Found[] = [];
    // Only programmes whose required words all occur somewhere are worth a closer look.
    const present = new Set<string>();
    const worth = new Set<Named>();
    for (const c of levels) {
      for (const w of c.words) {
        if (present.has(w)) continue;
        present.add(w);
        for (const n of this.byWord.get(w) ?? []) worth.add(n);
      }
    }
    for (const named of worth) {
      if (!named.required.every((w) => present.has(w))) continue;
      let level = -1;
      let sum = 0;
      let count = 0;
      let missing = false;
      const levelsUsed = new Set<number>();
      for (const w of named.words) {
        let at = -1;
        for (let l = 0; l < levels.length; l++) {
          if (levels[l]!.words.has(w)) {
            at = l;
            break;
          }
        }
        const required = named.required.includes(w);
        if (at < 0) {
          if (required) {
            missing = true;
            break;
          }
          continue;
        }
        if (required) {
          level = Math.max(level, at);
          levelsUsed.add(at);
        }
        sum += at;
        count++;
      }
      if (missing || level < 0) continue;
      const whole = levels.some((c) => together(named.required, c.sequence));
      // Two words met by chance in one sentence ("data from
      // councils … to inform policy") do not name a programme; spread over label and clause they
      // may ("Return to… schemes: … trading standards had 23 candidates").
      if (named.required.length <= 2 && levelsUsed.size === 1 && !whole) continue;
      // A name pieced together from several places is weaker than one standing whole.
      if (!whole) level += 1.5;
      const inSentence = named.words.filter((w) => levels[2]?.words.has(w) || levels[3]?.words.has(w)).length;
      const inParagraph = named.words.filter((w) => levels[4]?.words.has(w)).length;
      found.push({ named, level, mean: sum / count, inSentence, inParagraph, together: whole, found: count });
    }
    if (recent && !found.some((f) => f.named.ref === recent)) {
      const named = this.programmes.find((p) => p.ref === recent);
      if (named) found.push({ named, level: 6, mean: 6, inSentence: 0, inParagraph: 0, together: true, found: named.words.length });
    }
    if (!found.length) return null;
    const bestLevel = Math.min(...found.map((f) => f.level));
    const best = found.filter((f) => f.level === bestLevel);
    // Several programmes named together ("our Remote Peer Support offer and Rough Sleeping Peer
    // Support"): the figure belongs to the umbrella they share, if it is a programme too.
    const umbrella = best.find(
      (u) => best.filter((o) => o !== u && u.named.words.every((w) => o.named.words.includes(w))).length >= 2,
    );
    if (umbrella) return { programme: umbrella.named.ref, level: bestLevel };
    best.sort(
      (a, b) =>
        a.mean - b.mean ||
        b.inSentence - a.inSentence ||
        b.inParagraph - a.inParagraph ||
        Number(b.together) - Number(a.together) ||
        b.found - a.found,
    );
    let chosen = best[0]!;
    // A more specific name standing whole in the same paragraph wins ("Academy courses:" …
    // "Safer Streets Academy courses").
    const wider = found
      .filter(
        (f) =>
          f.level <= 4 &&
          f.together &&
          f.named.words.length > chosen.named.words.length &&
          chosen.named.words.every((w) => f.named.words.includes(w)) &&
          f.named.words.every((w) => levels.slice(0, 5).some((c) => c.words.has(w))),
      )
      .sort((a, b) => b.named.words.length - a.named.words.length)[0];
    if (wider) chosen = wider;
    return { programme: chosen.named.ref, level: chosen.level };
  }

  /** Boards a heading names ("Safer Streets Board – Licensing", "Housing and Planning (HP) Board"). */
  boardsIn(text: string): BoardRef[] {
    const words = this.context(text).words;
    return this.boards.filter((b) => b.words.every((w) => words.has(w))).map((b) => b.ref);
  }
}

// Words a programme's own name ends with ("Leadership Academy", "Design in the Public Sector
// programme", "Sustainability Improvement Programme").
const PROGRAMME_ENDINGS = /^(programmes?|scheme|academy|fund|network|challenge|pathway|project|initiative|offer|service|hub|panels?|partnership|campaign|fellowship|exchange|bootcamp)$/i;
const GENERIC_BEFORE_ENDING = /^(?:support|advice|advisory|training|improvement|grants?|funding|coaching|mentoring|leadership|development|delivery|skills|innovation|recovery|capacity)$/;
const NAME_JOINS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', '&']);
// (Nor does a sentence's opening preposition: "During the campaign period" names no campaign.)
const NOT_A_NAME = new Set(['the', 'a', 'an', 'this', 'our', 'its', 'their', 'lga', 'local', 'government', 'association', 'council', 'councils', 'national', 'new',
  'during', 'through', 'throughout', 'since', 'after', 'before', 'across', 'under', 'within', 'following', 'as', 'at', 'by', 'from', 'with', 'over',
  // (Nor does a post: "the Head of Service confirmed".)
  'head', 'director', 'assistant', 'deputy', 'chief', 'manager', 'officer', 'chair', 'cabinet', 'portfolio', 'member', 'members', 'lead']);

/**
 * A programme the text names that the dashboard does not hold: a run of capitalised words
 * ending with a programme word ("the LGA Sustainability Improvement Programme" → "Sustainability
 * Improvement Programme"). The officer confirms it before it becomes a programme. Null if none.
 */
export function namedProgramme(text: string): string | null {
  const raw = text.split(/\s+/);
  const words = raw.map((w) => w.replace(/^[("“‘']+|[)"”’',.;:!?]+$/g, ''));
  // (A name does not run back over punctuation: "in June, the Culture Compact programme".)
  const ends = (k: number) => /[,.;:!?)”]$/.test(raw[k]!);
  let best: string | null = null;
  for (let i = 0; i < words.length; i++) {
    if (!PROGRAMME_ENDINGS.test(words[i]!)) continue;
    let from = i;
    // (One generic lower-case word may stand before the ending: "Local Plans support offer".)
    if (from > 1 && GENERIC_BEFORE_ENDING.test(words[from - 1]!) && /^[A-Z]/.test(words[from - 2]!)) from--;
    while (from > 0 && !ends(from - 1) && (/^[A-Z][\w'’&-]*$/.test(words[from - 1]!) || NAME_JOINS.has(words[from - 1]!))) from--;
    // Joining words and generic words do not begin a name.
    while (from < i && (NAME_JOINS.has(words[from]!.toLowerCase()) || NOT_A_NAME.has(words[from]!.toLowerCase().replace(/['’]s$/, '')) || /-(funded|led|based|wide|run)$/i.test(words[from]!))) from++;
    const name = words.slice(from, i + 1);
    const own = name.slice(0, -1).filter((w) => /^[A-Z]/.test(w));
    if (!own.length) continue;
    const last = name[name.length - 1]!;
    // ("… Programme" is a name's own word; after a generic word, "support offer", it stays as written.)
    const generic = name.length > 1 && GENERIC_BEFORE_ENDING.test(name[name.length - 2]!);
    name[name.length - 1] = (generic ? last.charAt(0) : last.charAt(0).toUpperCase()) + last.slice(1).replace(/s$/, last.toLowerCase() === 'panels' ? 's' : '');
    const candidate = name.join(' ');
    if (!best || candidate.length > best.length) best = candidate;
  }
  return best;
}
