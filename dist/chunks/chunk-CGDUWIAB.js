// src/commands/interruption.ts
var INTERRUPT_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
var GRACE_MS = 2e3;
var EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
var Interrupted = class extends Error {
  signal;
  exitCode;
  constructor(signal) {
    super(`interrupted by ${signal}`);
    this.name = "Interrupted";
    this.signal = signal;
    this.exitCode = EXIT_CODES[signal];
  }
};
function interruptedExitCode(signal) {
  return signal?.aborted && signal.reason instanceof Interrupted ? signal.reason.exitCode : void 0;
}
function watchInterruptions(options) {
  const controller = new AbortController();
  const exit = options.exit ?? ((code) => process.exit(code));
  let graceTimer;
  const onSignal = (name) => {
    const reason = new Interrupted(name);
    if (controller.signal.aborted) {
      options.stderr.write(`sysreg ${options.verb}: ${name} again: stopping now.
`);
      exit(reason.exitCode);
      return;
    }
    options.stderr.write(
      `
sysreg ${options.verb}: ${name}: stopping (press Ctrl-C again to stop at once).
`
    );
    controller.abort(reason);
    graceTimer = setTimeout(() => {
      options.stderr.write(
        `sysreg ${options.verb}: still busy ${(options.graceMs ?? GRACE_MS) / 1e3} s after ${name}; stopping now. If it was applying, run apply again: it reads what landed and finishes.
`
      );
      exit(reason.exitCode);
    }, options.graceMs ?? GRACE_MS);
    graceTimer.unref();
  };
  for (const name of INTERRUPT_SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    dispose() {
      for (const name of INTERRUPT_SIGNALS) process.off(name, onSignal);
      clearTimeout(graceTimer);
    }
  };
}

export {
  Interrupted,
  interruptedExitCode,
  watchInterruptions
};
