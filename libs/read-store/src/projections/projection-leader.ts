import type { ProjectionLease } from './projection-lease.js';
import type { ProjectionRunner } from './projection-runner.js';

/**
 * Runs the projections only while this process holds the lease: tries to take it at once and then
 * every third of its lifetime (renewing it while leading); stops the runner when it is lost.
 * Standby processes take over within one lease lifetime of the leader's death.
 */
export class ProjectionLeader {
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly lease: ProjectionLease,
    private readonly log: (message: string) => void = () => undefined,
    private readonly intervalMs = Math.max(Math.floor(lease.ttlMs / 3), 10),
  ) {}

  /** Whether this process holds the lease and runs the projections (the mailer asks too). */
  get leading(): boolean {
    return this.lease.held && this.runner.running;
  }

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
    await this.runner.stop();
    await this.lease.release();
  }

  private tick(): Promise<void> {
    this.ticking ??= this.step().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async step(): Promise<void> {
    const held = await this.lease.acquire().catch(() => false);
    if (held && !this.runner.running) {
      this.log(`projection lease taken by ${this.lease.owner}: projecting`);
      await this.runner.start();
    } else if (!held && this.runner.running) {
      this.log(`projection lease lost by ${this.lease.owner}: standing by`);
      await this.runner.stop();
    }
  }
}
