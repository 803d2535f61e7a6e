/**
 * Spacing calls to one SP-API operation by its usage plan (a token bucket: `burst` calls at once, then `rate` a
 * second), so a batch of confirmations does not run into 429s and retries in the first place.
 */
export class RatePacer {
  private tokens: number;
  private last: number | null = null;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {
    this.tokens = burst;
  }

  /** Wait until a call may go out, and count it. */
  async take(): Promise<void> {
    const t = this.now();
    if (this.last !== null)
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens < 1) {
      const waitMs = Math.ceil(((1 - this.tokens) / this.rate) * 1000);
      await this.sleep(waitMs);
      this.tokens = 1;
      this.last = t + waitMs;
    }
    this.tokens -= 1;
  }
}
