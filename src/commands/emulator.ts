import process from 'node:process';
import type { Command } from '../model/command.ts';
import { UsageError } from '../model/command.ts';
import {
  DEMO_ORG_NUMBER,
  registerDemoClient,
  renderDemoClientExports,
  saveDemoKey,
} from '../emulator/demo-client.ts';

export const DEFAULT_EMULATOR_PORT = 5101;

function readPort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_EMULATOR_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535)
    throw new UsageError(`--port must be an integer from 0 to 65535, got '${value}'`);
  return port;
}

interface EmulatorOptions {
  port?: string;
  host: string;
  data?: string;
  demoClient?: boolean;
}

export const command: Command<EmulatorOptions> = {
  name: 'emulator',
  declare(commandLine) {
    commandLine
      .usage('[--port N] [--host 127.0.0.1] [--data FILE] [--demo-client]')
      .description(
        `Starts the local Altinn (system register, Maskinporten and catalogues) and prints its base URL.
Serves until stopped with Ctrl-C (SIGINT) or SIGTERM.`,
      )
      .option('--port <n>', `Port to listen on (default ${DEFAULT_EMULATOR_PORT}; 0 picks a free port).`)
      .option('--host <host>', 'Address to listen on.', '127.0.0.1')
      .option(
        '--data <file>',
        'Keep state in this JSON file across restarts (written atomically); default in memory.',
      )
      .option(
        '--demo-client',
        `Register a Maskinporten client for vendor 0192:${DEMO_ORG_NUMBER} with a fresh key, save the key to a 0600 file outside the repository (removed on stop), and print the export lines that point the CLI at this local Altinn.`,
      )
      .addHelpText(
        'after',
        '\nExit status: 0 after a clean stop, 1 when it cannot start (port in use, unwritable --data).',
      );
  },
  async run({ stdout }, { options: values }) {
    const port = readPort(values.port);
    const { startEmulator } = await import('../emulator/index.ts');
    let emulator;
    try {
      emulator = await startEmulator({
        port,
        host: values.host,
        ...(values.data !== undefined ? { dataFile: values.data } : {}),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new UsageError(`port ${port} is already in use; pick another with --port`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        throw new UsageError(`cannot listen on host '${values.host}'`);
      throw error;
    }
    stdout.write(`${emulator.url}\n`);
    let removeKey = async (): Promise<void> => {};
    if (values.demoClient) {
      const client = await registerDemoClient(emulator.url);
      const saved = await saveDemoKey(client);
      removeKey = saved.remove;
      stdout.write(renderDemoClientExports(client, saved.keyFile));
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void emulator.close().then(removeKey).then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
