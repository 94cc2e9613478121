// Fault injection for tests. Random faults come from a seeded generator, so a failing test can be
// replayed with the same --seed and see the same sequence of 503s.
import { setTimeout as delay } from 'node:timers/promises';
import type { Faults } from './options';
import { mulberry32 } from '../support/random';

export class FaultInjector {
  private readonly random: () => number;

  constructor(
    readonly faults: Faults,
    seed: number,
  ) {
    this.random = mulberry32(seed);
  }

  /** Whether this request is answered 503 before anything else happens. */
  failNow(): boolean {
    // Draw only when the fault is on, so turning it on does not shift any other randomness.
    return this.faults.errorRate > 0 && this.random() < this.faults.errorRate;
  }

  async slowDown(): Promise<void> {
    if (this.faults.slowMs > 0) await delay(this.faults.slowMs);
  }

  get dropAfter(): number | undefined {
    return this.faults.dropAfter;
  }

  get corrupt(): boolean {
    return this.faults.corrupt;
  }

  get foreignLocation(): boolean {
    return this.faults.foreignLocation;
  }

  describe(): string {
    const on: string[] = [];
    if (this.faults.dropAfter !== undefined) on.push(`drop-after=${this.faults.dropAfter}`);
    if (this.faults.errorRate > 0) on.push(`error-rate=${this.faults.errorRate}`);
    if (this.faults.slowMs > 0) on.push(`slow=${this.faults.slowMs}`);
    if (this.faults.corrupt) on.push('corrupt');
    if (this.faults.foreignLocation) on.push('foreign-location');
    return on.length > 0 ? on.join(', ') : 'none';
  }
}
