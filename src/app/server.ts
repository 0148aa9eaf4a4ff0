import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import type { Config } from '../config';
import { buildApp } from './build-app';
import { openRuntime, type Runtime } from './runtime';
import { seedDemoIfEmpty } from './seed';
import { startBackgroundWork } from './workers';

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

function cliTokenPath(config: Config): string {
  return join(config.dataDir, 'cli-token');
}

/**
 * `assay serve` / `npm start`: opens (and on first start creates) the database, applies migrations,
 * creates the first admin, loads demo data on first start, serves the API and the console, runs the
 * outbox relay, and shuts down gracefully on SIGINT/SIGTERM.
 */
export async function runServer(config: Config, out: NodeJS.WritableStream = process.stderr): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel });
  const runtime: Runtime = await openRuntime(config);
  const say = (line: string) => out.write(`${line}\n`);
  say(`assay: database ${runtime.database.description}${runtime.created ? ' (created)' : ''}, migrations applied`);

  try {
    return await serveOn(runtime, config, logger, say);
  } catch (e) {
    await runtime.close();
    throw e;
  }
}

async function serveOn(runtime: Runtime, config: Config, logger: pino.Logger, say: (line: string) => void): Promise<RunningServer> {
  const app = await buildApp({ config, database: runtime.database, logger });
  const admin = await app.services.identity.ensureFirstAdmin(config.adminEmail, config.adminPassword);
  if (admin.created && admin.password !== undefined && config.databaseUrl === undefined) {
    writeFileSync(join(config.dataDir, 'initial-admin.txt'), `${admin.email}\n${admin.password}\n`, { mode: 0o600 });
  }
  if (config.demoOnFirstStart) await seedDemoIfEmpty(app.services, config, say);

  const background = startBackgroundWork(app.services, config, logger);
  const address = await app.http.listen({ host: config.host, port: config.port });
  const url = config.port === 0 ? address : config.publicUrl;

  // CLI commands started beside an embedded-database server go through its API with this token.
  if (runtime.lock !== undefined) {
    const cli = await app.services.identity.createApiToken({ type: 'system', id: 'assay' }, { name: `cli (server pid ${process.pid})`, role: 'admin' });
    writeFileSync(cliTokenPath(config), cli.token, { mode: 0o600 });
    runtime.lock.setUrl(address);
  }

  say('');
  say(`  Assay is running at ${url}`);
  say(`  console  ${url}/`);
  say(`  API docs ${url}/docs   (OpenAPI: ${url}/openapi.json)`);
  if (admin.created && admin.password !== undefined) {
    say(`  sign in  ${admin.email} / ${admin.password}   (shown once${config.databaseUrl === undefined ? `; also in ${join(config.dataDir, 'initial-admin.txt')}` : ''})`);
  } else {
    say(`  sign in  ${admin.email}${config.databaseUrl === undefined ? ` (password in ${join(config.dataDir, 'initial-admin.txt')} unless you changed it)` : ''}`);
  }
  say('');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      app.markShuttingDown();
      await app.http.close(); // waits for in-flight requests and batches
      await background.stop();
      rmSync(cliTokenPath(config), { force: true });
      await runtime.close();
    })();
    return stopping;
  };
  return { url, stop };
}
