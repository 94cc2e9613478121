// A large text kept once, with the start of each line indexed, so a viewer can ask for lines
// 500,000 to 500,040 without the text ever being split into a million strings.

export class TextLines {
  private readonly starts: Uint32Array;
  readonly count: number;

  constructor(readonly text: string) {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    // A final line break ends the last line; it does not start an empty one.
    const trailing = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
    this.count = n + trailing;
    this.starts = new Uint32Array(this.count + 1);
    let line = 0;
    let at = 0;
    while (line < this.count) {
      this.starts[line++] = at;
      const nl = text.indexOf('\n', at);
      at = nl < 0 ? text.length : nl + 1;
    }
    this.starts[this.count] = text.length;
  }

  /** Lines [from, to), 0-based, without their line breaks. */
  slice(from: number, to: number): string[] {
    const out: string[] = [];
    const end = Math.min(to, this.count);
    for (let i = Math.max(0, from); i < end; i++) {
      let line = this.text.slice(this.starts[i], this.starts[i + 1]);
      if (line.endsWith('\n')) line = line.slice(0, -1);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      out.push(line);
    }
    return out;
  }
}
