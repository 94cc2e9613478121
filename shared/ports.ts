// Side effects behind small interfaces, so the pure core can be tested with fakes and the real
// implementations (file system, SQLite, credential vault, HTTPS) live in electron/.

/** The current instant. Calendar questions ("today in England") go through shared/dates. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
