import cliProgress from 'cli-progress';

/** Progress of a long command on stderr: a bar on a terminal, a plain line every few seconds otherwise. */
export interface Progress {
  update(done: number, detail: string): void;
  /** Shows the work as complete (a full bar; nothing more in plain mode, the summary follows). */
  complete(detail: string): void;
  stop(): void;
}

export interface ProgressOptions {
  readonly label: string;
  /** Total of `done` (bytes of a file, items to send). */
  readonly total: number;
  /** Least time between two plain lines (when stderr is not a terminal). */
  readonly plainEveryMs?: number;
}

function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as NodeJS.WriteStream).isTTY === true;
}

/** Starts a progress display on `err`. */
export function startProgress(err: NodeJS.WritableStream, opts: ProgressOptions): Progress {
  const total = Math.max(1, opts.total);
  if (isTty(err)) {
    const bar = new cliProgress.SingleBar(
      { stream: err, format: `${opts.label} [{bar}] {percentage}% | {detail} | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: false, fps: 5 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { detail: '' });
    let active = true;
    const stop = () => {
      if (active) bar.stop();
      active = false;
    };
    return {
      update: (done, detail) => {
        if (active) bar.update(Math.min(done, total), { detail });
      },
      complete: (detail) => {
        if (active) bar.update(total, { detail });
        stop();
      },
      stop,
    };
  }
  const every = opts.plainEveryMs ?? 5000;
  let last = 0; // the first update prints at once: the operator sees the work has started
  return {
    update(done, detail) {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      err.write(`${opts.label}: ${Math.floor((Math.min(done, total) / total) * 100)}% ${detail}\n`);
    },
    complete: () => {},
    stop: () => {},
  };
}
