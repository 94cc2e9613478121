// Whether a file format's expression can take exponential time on a value that almost matches,
// judged from its structure before any value is tested. JavaScript cannot interrupt a running
// expression, so the check's time limits are the backstop; this refuses up front the shapes that
// are known to explode, so a format holding one never reaches a data file:
// - a repeat whose body can end where its next round starts with the same character: a repeated
//   part inside a repeat ((a+)+, ((a+))+, (a+|b)+, (\d*)*) or a repeated part followed only by
//   optional ones ((\w+\s?)*). Where something required and different follows the inner part
//   ((\w+,)*, (\d{1,3}\.){3}) there is one way to match, and it is allowed;
// - a repeat of a choice whose options can start with the same character ((a|aa)+, (\w|\d)+).
// Polynomial shapes (\d*\d*\d* on a long value) are left to the time limits. The analysis works on
// character sets over the characters the expression names plus "any other", which is all it needs.

export type ExpressionRisk = 'nested-repeat' | 'overlapping-choice';

type CharSet = ReadonlySet<string>;

type Node =
  | { kind: 'chars'; set: CharSet }
  | { kind: 'empty' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; min: number; max: number; body: Node };

/** A repeat at least this long is treated as unbounded: (a+){1,50} explodes as (a+)+ does. */
const LONG_REPEAT = 10;
const OTHER = '\u{10FFFF}';

/** The risk the expression carries, or null when none of the known shapes is found. */
export function expressionRisk(pattern: string): ExpressionRisk | null {
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    // What this parser cannot read, the RegExp constructor judges; the time limits still apply.
    return null;
  }
  return riskIn(tree);
}

function riskIn(node: Node): ExpressionRisk | null {
  switch (node.kind) {
    case 'seq':
      return firstRisk(node.items);
    case 'alt':
      return firstRisk(node.options);
    case 'repeat': {
      if (node.max >= LONG_REPEAT) {
        const risk = repeatRisk(node.body);
        if (risk) return risk;
      }
      return riskIn(node.body);
    }
    default:
      return null;
  }
}

function firstRisk(nodes: Node[]): ExpressionRisk | null {
  for (const n of nodes) {
    const r = riskIn(n);
    if (r) return r;
  }
  return null;
}

/**
 * Walks the body of a long repeat. `next` holds the characters that can follow a point within one
 * round; `again` those that can follow it by starting the next round (set only while everything
 * after that point in the round is optional). An inner repeat that can stop or go on with the same
 * character as the next round starts with gives the engine two ways to split each stretch: the
 * number of ways doubles with every character.
 */
function repeatRisk(body: Node): ExpressionRisk | null {
  const start = first(body);
  const walk = (node: Node, next: CharSet, again: CharSet): ExpressionRisk | null => {
    switch (node.kind) {
      case 'seq': {
        let n = next;
        let a = again;
        for (let i = node.items.length - 1; i >= 0; i--) {
          const item = node.items[i] as Node;
          const risk = walk(item, n, a);
          if (risk) return risk;
          n = nullable(item) ? union(first(item), n) : first(item);
          if (!nullable(item)) a = new Set();
        }
        return null;
      }
      case 'alt': {
        const seen = new Set<string>();
        for (const option of node.options) {
          const f = first(option);
          if (overlaps(f, seen)) return 'overlapping-choice';
          for (const c of f) seen.add(c);
        }
        for (const option of node.options) {
          const risk = walk(option, next, again);
          if (risk) return risk;
        }
        return null;
      }
      case 'repeat': {
        const f = first(node.body);
        if (node.max > node.min && overlaps(f, again)) return 'nested-repeat';
        // Within the inner repeat, its own next round may follow too; the outer's stays as it was.
        return walk(node.body, node.max > 1 ? union(f, next) : next, again);
      }
      default:
        return null;
    }
  };
  return walk(body, start, start);
}

function nullable(node: Node): boolean {
  switch (node.kind) {
    case 'chars':
      return false;
    case 'empty':
      return true;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.options.some(nullable);
    case 'repeat':
      return node.min === 0 || nullable(node.body);
  }
}

/** The characters a non-empty match of `node` can start with. */
function first(node: Node): CharSet {
  switch (node.kind) {
    case 'chars':
      return node.set;
    case 'empty':
      return new Set();
    case 'seq': {
      let out: CharSet = new Set();
      for (const item of node.items) {
        out = union(out, first(item));
        if (!nullable(item)) break;
      }
      return out;
    }
    case 'alt':
      return node.options.reduce<CharSet>((s, o) => union(s, first(o)), new Set());
    case 'repeat':
      return node.max === 0 ? new Set() : first(node.body);
  }
}

const union = (a: CharSet, b: CharSet): CharSet => new Set([...a, ...b]);
const overlaps = (a: CharSet, b: CharSet): boolean => [...a].some((c) => b.has(c));

/** A reader of the expression's syntax (without flags), enough to know its structure. */
class Parser {
  private at = 0;
  private readonly universe: string[];

  constructor(private readonly src: string) {
    const named = [...src].filter((c) => c.charCodeAt(0) > 127);
    const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
    this.universe = [...new Set([...ascii, ...named, OTHER])];
  }

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.src.length) throw new Error('unbalanced');
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const c = this.peek();
    let bounds: [number, number] | null = null;
    if (c === '*') bounds = [0, Infinity];
    else if (c === '+') bounds = [1, Infinity];
    else if (c === '?') bounds = [0, 1];
    if (bounds) this.at++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
      if (!m) return atom;
      this.at += m[0].length;
      const min = Number(m[1]);
      bounds = [min, m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])];
    } else return atom;
    if (this.peek() === '?') this.at++;
    return this.quantified({ kind: 'repeat', min: bounds[0], max: bounds[1], body: atom });
  }

  private atom(): Node {
    const c = this.src[this.at++] as string;
    if (c === '(') {
      let zeroWidth = false;
      if (this.src.startsWith('?:', this.at)) this.at += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.at))) {
        zeroWidth = true;
        this.at += this.src[this.at + 1] === '<' ? 3 : 2;
      } else if (this.src.startsWith('?<', this.at)) {
        this.at = this.src.indexOf('>', this.at) + 1;
        if (this.at === 0) throw new Error('unnamed group');
      }
      const inner = this.alternation();
      if (this.src[this.at++] !== ')') throw new Error('unclosed group');
      return zeroWidth ? { kind: 'empty' } : inner;
    }
    if (c === '^' || c === '$') return { kind: 'empty' };
    if (c === '.') return this.chars((ch) => ch !== '\n' && ch !== '\r');
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape(false);
    return { kind: 'chars', set: new Set([c]) };
  }

  private charClass(): Node {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const members = new Set<string>();
    // In JavaScript a ] right after [ or [^ closes the class ([] matches nothing, [^] anything).
    while (this.at < this.src.length && this.peek() !== ']') {
      const from = this.classItem();
      if (this.peek() === '-' && this.src[this.at + 1] !== ']' && from.size === 1) {
        this.at++;
        const to = this.classItem();
        const lo = [...from][0] as string;
        const hi = [...to][0] as string;
        for (const ch of this.universe) {
          const code = ch === OTHER ? 128 : (ch.codePointAt(0) ?? 0);
          if (code >= (lo.codePointAt(0) ?? 0) && code <= (hi.codePointAt(0) ?? 0)) members.add(ch);
        }
        if ((hi.codePointAt(0) ?? 0) > 127) members.add(OTHER);
      } else for (const ch of from) members.add(ch);
    }
    if (this.src[this.at++] !== ']') throw new Error('unclosed class');
    return this.chars((ch) => members.has(ch) !== negated);
  }

  private classItem(): CharSet {
    const c = this.src[this.at++] as string;
    if (c !== '\\') return new Set([c]);
    const node = this.escape(true);
    return node.kind === 'chars' ? node.set : new Set();
  }

  private escape(inClass: boolean): Node {
    const c = this.src[this.at++] ?? '\\';
    const digit = (ch: string) => ch >= '0' && ch <= '9';
    const word = (ch: string) => /\w/.test(ch);
    const space = (ch: string) => ch === OTHER || /\s/.test(ch);
    switch (c) {
      case 'd':
        return this.chars(digit);
      case 'D':
        return this.chars((ch) => !digit(ch));
      case 'w':
        return this.chars(word);
      case 'W':
        return this.chars((ch) => !word(ch));
      case 's':
        return this.chars(space);
      case 'S':
        return this.chars((ch) => !/\s/.test(ch));
      case 'b':
        return inClass ? { kind: 'chars', set: new Set(['\b']) } : { kind: 'empty' };
      case 'B':
        return { kind: 'empty' };
      case 'n':
        return { kind: 'chars', set: new Set(['\n']) };
      case 'r':
        return { kind: 'chars', set: new Set(['\r']) };
      case 't':
        return { kind: 'chars', set: new Set(['\t']) };
      case 'f':
        return { kind: 'chars', set: new Set(['\f']) };
      case 'v':
        return { kind: 'chars', set: new Set(['\v']) };
      case 'x':
      case 'u': {
        const hex = new RegExp(`^[0-9a-fA-F]{${c === 'x' ? 2 : 4}}`).exec(this.src.slice(this.at));
        if (!hex) return { kind: 'chars', set: new Set([c]) };
        this.at += hex[0].length;
        const ch = String.fromCharCode(parseInt(hex[0], 16));
        return { kind: 'chars', set: new Set([this.universe.includes(ch) ? ch : OTHER]) };
      }
      default:
        // A back-reference can stand for anything the group matched.
        if (/[1-9]/.test(c) && !inClass) {
          while (digit(this.peek())) this.at++;
          return this.chars(() => true);
        }
        // An escaped sign (\. \- \() is that sign; any other letter (\0, \cA, \p) is taken as
        // a character of any kind, which can only make the analysis more careful.
        return /[A-Za-z0-9]/.test(c)
          ? this.chars(() => true)
          : { kind: 'chars', set: new Set([c]) };
    }
  }

  private chars(test: (ch: string) => boolean): Node {
    return { kind: 'chars', set: new Set(this.universe.filter(test)) };
  }

  private peek(): string {
    return this.src[this.at] ?? '';
  }
}
