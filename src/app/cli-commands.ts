import type { Config } from '../config';
import { backupCommands, importCommand, seedCommand, workerCommand, type CommandInstaller } from '../cli';
import { scanCommand } from '../cli/scan.command';
import { rescanCommand } from '../cli/rescan.command';
import { evalCommand } from '../cli/eval.command';
import { runRescan } from './rescan';
import { rulesCommand } from '../cli/rules.command';
import { runReplay } from './replay';
import { backupEmbedded, restoreEmbedded } from './backup';
import { runNatsWorker } from './nats-worker';
import { runRelayWorker } from './workers';
import { reportCommand } from '../cli/report.command';
import { runOffPlatformReport } from './report';

/** Command groups beyond the core (import, seed, worker, backup…), wired with what they need. */
export function cliInstallers(config: Config): CommandInstaller[] {
  return [
    importCommand({ batchMaxItems: config.batchMaxItems }),
    seedCommand({ batchMaxItems: config.batchMaxItems, defaultSeed: config.demoSeed, generate: async (o) => (await import('../demo')).generateDemo(o) }),
    workerCommand({
      run: async (o) => {
        if (o.source === 'nats') await runNatsWorker(config, { subjectPrefix: o.subjectPrefix, fetchBatch: o.fetchBatch, relay: o.relay, say: o.say });
        else await runRelayWorker(config, o.say);
      },
    }),
    backupCommands({ backup: (file) => backupEmbedded(config, file), restore: (file) => restoreEmbedded(config, file) }),
    scanCommand(),
    rescanCommand({ rescan: (o) => runRescan(config, o) }),
    rulesCommand({ replay: (o) => runReplay(config, o) }),
    reportCommand({ offPlatform: (o) => runOffPlatformReport(config, o) }),
    evalCommand({ defaultSeed: config.demoSeed, generateDemo: async (o) => (await import('../demo')).generateDemo(o) }),
  ];
}
