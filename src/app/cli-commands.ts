import type { Config } from '../config';
import { backupCommands, importCommand, seedCommand, workerCommand, type CommandInstaller } from '../cli';
import { scanCommand } from '../cli/scan.command';
import { rescanCommand } from '../cli/rescan.command';
import { evalCommand } from '../cli/eval.command';
import { rulesCommand } from '../cli/rules.command';
import { reportCommand } from '../cli/report.command';

/**
 * Command groups beyond the core (import, seed, worker, backup…), wired with what they need. What a
 * command runs is imported when it runs, so a command that needs no database starts without one.
 */
export function cliInstallers(config: Config): CommandInstaller[] {
  return [
    importCommand({ batchMaxItems: config.batchMaxItems }),
    seedCommand({ batchMaxItems: config.batchMaxItems, defaultSeed: config.demoSeed, generate: async (o) => (await import('../demo')).generateDemo(o) }),
    workerCommand({
      run: async (o) => {
        if (o.source === 'nats') await (await import('./nats-worker')).runNatsWorker(config, { subjectPrefix: o.subjectPrefix, fetchBatch: o.fetchBatch, relay: o.relay, say: o.say });
        else await (await import('./workers')).runRelayWorker(config, o.say);
      },
    }),
    backupCommands({
      backup: async (file) => (await import('./backup')).backupEmbedded(config, file),
      restore: async (file) => (await import('./backup')).restoreEmbedded(config, file),
    }),
    scanCommand(),
    rescanCommand({ rescan: async (o) => (await import('./rescan')).runRescan(config, o) }),
    rulesCommand({ replay: async (o) => (await import('./replay')).runReplay(config, o) }),
    reportCommand({ offPlatform: async (o) => (await import('./report')).runOffPlatformReport(config, o) }),
    evalCommand({ defaultSeed: config.demoSeed, generateDemo: async (o) => (await import('../demo')).generateDemo(o) }),
  ];
}
