/**
 * Transfer speed smoothed by an exponentially weighted moving average with a time constant
 * (~1.5 s), so uneven progress events (bursty XHR callbacks) give a steady number.
 */
export const SPEED_TIME_CONSTANT_MS = 1500;
/** Samples closer than this are merged into the next one: tiny intervals make noisy rates. */
const MIN_INTERVAL_MS = 100;

export class SpeedMeter {
  #rate = 0;
  #last: { at: number; loaded: number } | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  reset(): void {
    this.#rate = 0;
    this.#last = undefined;
  }

  /** Records that `loaded` bytes have gone; returns the smoothed bytes per second. */
  sample(loaded: number): number {
    const at = this.now();
    const last = this.#last;
    if (!last || loaded < last.loaded) {
      this.#last = { at, loaded };
      return this.#rate;
    }
    const elapsed = at - last.at;
    if (elapsed < MIN_INTERVAL_MS) return this.#rate;
    const instant = ((loaded - last.loaded) * 1000) / elapsed;
    const weight = 1 - Math.exp(-elapsed / SPEED_TIME_CONSTANT_MS);
    this.#rate = this.#rate === 0 ? instant : this.#rate + weight * (instant - this.#rate);
    this.#last = { at, loaded };
    return this.#rate;
  }
}
