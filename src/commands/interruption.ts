/**
 * Ctrl-C (SIGINT), a cancelled CI job (SIGTERM) and a closed terminal (SIGHUP), the same in every
 * phase of every command. The first signal aborts the command's `signal`: HTTP requests in flight
 * are cancelled (a read is safe to cut off), apply starts no further change, and the command reports
 * what happened. A second signal, or a command still running GRACE_MS after the first, ends the
 * process at once: a run cut off mid-write is finished by the next apply, which reads what landed.
 */
import type { Output } from '../model/command.ts';

export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

/** How long a command has after the first signal to stop on its own. */
export const GRACE_MS = 2000;

/** Shells report a process ended by signal n as 128 + n; so does sysreg when a signal stopped it. */
const EXIT_CODES: Record<InterruptSignal, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** The abort reason: which signal stopped the command. The CLI prints its message and exits with its code. */
export class Interrupted extends Error {
  readonly signal: InterruptSignal;
  readonly exitCode: number;
  constructor(signal: InterruptSignal) {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
    this.signal = signal;
    this.exitCode = EXIT_CODES[signal];
  }
}

/** The exit code for a command `signal` stopped, or undefined when no signal came. */
export function interruptedExitCode(signal: AbortSignal | undefined): number | undefined {
  return signal?.aborted && signal.reason instanceof Interrupted ? signal.reason.exitCode : undefined;
}

export interface InterruptionWatch {
  signal: AbortSignal;
  /** Removes the handlers and the grace timer (the command has ended). */
  dispose(): void;
}

/** Installs the handlers for one run of `sysreg <verb>`; `exit` ends the process (tests pass their own). */
export function watchInterruptions(options: {
  verb: string;
  stderr: Output;
  exit?: (code: number) => void;
  graceMs?: number;
}): InterruptionWatch {
  const controller = new AbortController();
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let graceTimer: NodeJS.Timeout | undefined;
  const onSignal = (name: InterruptSignal): void => {
    const reason = new Interrupted(name);
    if (controller.signal.aborted) {
      options.stderr.write(`sysreg ${options.verb}: ${name} again: stopping now.\n`);
      exit(reason.exitCode);
      return;
    }
    options.stderr.write(
      `\nsysreg ${options.verb}: ${name}: stopping (press Ctrl-C again to stop at once).\n`,
    );
    controller.abort(reason);
    graceTimer = setTimeout(() => {
      options.stderr.write(
        `sysreg ${options.verb}: still busy ${(options.graceMs ?? GRACE_MS) / 1000} s after ${name}; stopping now. ` +
          'If it was applying, run apply again: it reads what landed and finishes.\n',
      );
      exit(reason.exitCode);
    }, options.graceMs ?? GRACE_MS);
    // The timer alone must not keep a process alive that has finished its work.
    graceTimer.unref();
  };
  for (const name of INTERRUPT_SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    dispose() {
      for (const name of INTERRUPT_SIGNALS) process.off(name, onSignal);
      clearTimeout(graceTimer);
    },
  };
}
