import { Option, type Command } from 'commander';
import { CliError } from './backend';
import type { CliHost, CommandInstaller } from './program';

export interface WorkerRunOptions {
  readonly source: 'nats' | undefined;
  readonly relay: boolean;
  readonly subjectPrefix: string;
  readonly fetchBatch: number;
  readonly say: (line: string) => void;
}

export interface WorkerCommandDeps {
  /** Runs the worker until SIGINT/SIGTERM (src/app wires the NATS consumer and the outbox relay). */
  readonly run: (opts: WorkerRunOptions) => Promise<void>;
}

/** `assay worker [--source nats] [--relay]`. */
export function workerCommand(deps: WorkerCommandDeps): CommandInstaller {
  return (program: Command, host: CliHost) => {
    program
      .command('worker')
      .description('run background work: ingest from NATS JetStream (--source nats) and/or the outbox relay (--relay; the default without --source)')
      .addOption(new Option('--source <source>', 'ingest source').choices(['nats']))
      .option('--relay', 'also run the outbox relay (webhooks) in this process')
      .option('--subject-prefix <prefix>', 'first token of the NATS subjects (<prefix>.messages.>, <prefix>.events.>, <prefix>.dlq.>)', 'assay')
      .option('--fetch-batch <n>', 'NATS messages pulled at a time', '500')
      .action(async (o: { source?: 'nats'; relay?: boolean; subjectPrefix: string; fetchBatch: string }) => {
        const fetchBatch = Number(o.fetchBatch);
        if (!Number.isInteger(fetchBatch) || fetchBatch < 1 || fetchBatch > 10_000) throw new CliError(`--fetch-batch must be a whole number from 1 to 10000, got '${o.fetchBatch}'`, 2);
        await deps.run({
          source: o.source,
          relay: o.relay === true || o.source === undefined,
          subjectPrefix: o.subjectPrefix,
          fetchBatch,
          say: (line) => host.err.write(`${line}\n`),
        });
      });
  };
}
