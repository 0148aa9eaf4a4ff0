import { loadConfig, ConfigError, type Config } from '../config';
import { DataDirLockedError, MigrationError } from '../db';
import { buildProgram, runProgram, CliError, type CliHost } from '../cli';
import { VERSION } from './build-app';
import { openCliBackend } from './cli-backend';
import { openRuntime, runningServer } from './runtime';
import { runServer } from './server';
import { cliInstallers } from './cli-commands';

function hostFor(config: Config): CliHost {
  return {
    version: VERSION,
    out: process.stdout,
    err: process.stderr,
    openBackend: () => openCliBackend(config),
    async serve() {
      const server = await runServer(config);
      await new Promise<void>((resolve) => {
        const shutdown = (signal: string) => {
          process.stderr.write(`assay: ${signal} received, finishing in-flight requests…\n`);
          const timer = setTimeout(() => {
            process.stderr.write('assay: shutdown grace period over, exiting\n');
            process.exit(1);
          }, config.shutdownGraceMs);
          timer.unref();
          void server.stop().then(resolve);
        };
        process.once('SIGINT', () => shutdown('SIGINT'));
        process.once('SIGTERM', () => shutdown('SIGTERM'));
      });
    },
    async migrate() {
      const server = runningServer(config);
      if (server !== undefined) return { applied: [], alreadyApplied: 0, where: `the server at ${server.url} applied migrations at startup` };
      const rt = await openRuntime(config, { migrate: false });
      try {
        const { migrate } = await import('../db');
        const r = await migrate(rt.database);
        return { ...r, where: rt.database.description };
      } finally {
        await rt.close();
      }
    },
  };
}

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`assay: configuration: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const program = buildProgram(hostFor(config), cliInstallers(config));
  try {
    return await runProgram(program, process.argv.slice(2), process.stderr);
  } catch (e) {
    if (e instanceof DataDirLockedError || e instanceof MigrationError || e instanceof CliError) {
      process.stderr.write(`assay: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main();
