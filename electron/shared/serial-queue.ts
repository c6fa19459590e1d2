/** Jobs that must not overlap, run one after another in the order they were given. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private jobs = 0;

  /** Whether a job is running or waiting. */
  get running(): boolean {
    return this.jobs > 0;
  }

  /** Runs `job` once every job given before it has ended (whether it succeeded or not). */
  run<T>(job: () => Promise<T> | T): Promise<T> {
    this.jobs++;
    const result = this.tail.then(job);
    this.tail = result.then(
      () => void this.jobs--,
      () => void this.jobs--,
    );
    return result;
  }

  /** Resolves once no job is running or waiting. */
  async settled(): Promise<void> {
    while (this.jobs > 0) await this.tail;
  }
}
