// Unsaved form entries, kept above the error boundary: when a screen fails and the user presses
// "Try again", the screen is rebuilt from scratch but what they had typed comes back.

export class Drafts {
  private readonly values = new Map<string, unknown>();

  get<T>(key: string, initial: T): T {
    return this.values.has(key) ? (this.values.get(key) as T) : initial;
  }

  set<T>(key: string, value: T): void {
    this.values.set(key, value);
  }

  /** After a save: the next visit starts with an empty form. */
  clear(key: string): void {
    this.values.delete(key);
  }
}
