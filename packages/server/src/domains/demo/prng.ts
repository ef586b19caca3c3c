/**
 * A small seeded pseudo-random generator, so the same seed always yields the same world on every machine and
 * Node version (Math.random cannot be seeded). mulberry32 (Tommy Ettinger, public domain): 32-bit state, period
 * 2^32, fast enough for 100M events, and good enough for synthetic data (not for cryptography).
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An exponentially distributed wait with the given mean (memoryless gaps between visits). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /**
   * A value drawn from a discrete distribution: `weights[k]` is the probability of `first + k`. Used for survey
   * scores, so the planted means are exact properties of the tables (see effects.ts).
   */
  fromTable(weights: readonly number[], first: number): number {
    let u = this.next();
    for (let k = 0; k < weights.length; k++) {
      u -= weights[k] as number;
      if (u < 0) return first + k;
    }
    return first + weights.length - 1;
  }
}

/**
 * One independent stream per customer: the seed and the customer's index mixed with the murmur3 finaliser, so a
 * customer's journey does not depend on how many random numbers the customers before it used. That keeps the
 * world identical whether it is cut at 1M or 100M events.
 */
export function customerSeed(worldSeed: number, index: number): number {
  let h = (Math.imul(worldSeed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
