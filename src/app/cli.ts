import { loadConfig, ConfigError, type Config } from '../config';
import { buildProgram, runProgram, CliError, type CliHost } from '../cli';
import { VERSION } from './version';
import { cliInstallers } from './cli-commands';

// The server, the database and the application's services load only when a command needs them:
// `assay scan`, `assay eval` and `--help` start without them.

function hostFor(config: Config): CliHost {
  return {
    version: VERSION,
    out: process.stdout,
    err: process.stderr,
    openBackend: async () => (await import('./cli-backend')).openCliBackend(config),
    async serve() {
      const { runServer } = await import('./server');
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
      const { openRuntime, runningServer } = await import('./runtime');
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
    if (e instanceof Error && (e instanceof CliError || (await isDatabaseStartError(e)))) {
      process.stderr.write(`assay: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** The embedded data folder in use by another process, or a migration that cannot apply: a message, not a stack trace. */
async function isDatabaseStartError(e: Error): Promise<boolean> {
  const { DataDirLockedError, MigrationError } = await import('../db');
  return e instanceof DataDirLockedError || e instanceof MigrationError;
}

process.exitCode = await main();
