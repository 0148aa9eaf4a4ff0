import type { Config } from '../config';
import { parseRescanRange } from '../marketplace';
import type { ReplayReportView, ReplayRunOptions } from '../cli/rules.command';
import { replayToDto } from '../http/rules.routes';
import { buildServices } from './services';
import { openRuntime, runningServer } from './runtime';
import { serverToken } from './cli-backend';
import { postAndWait } from './rescan';

const CLI_ACTOR = { type: 'system' as const, id: 'cli' };

/** `assay rules replay`: through the running server when it holds the embedded database, else in this process. */
export async function runReplay(config: Config, opts: ReplayRunOptions): Promise<ReplayReportView> {
  const range = parseRescanRange(opts.since, opts.until);
  const server = runningServer(config);
  if (server?.url !== undefined) {
    opts.say(`replaying in the server at ${server.url} (it holds ${config.dataDir}); the report follows when it is done`);
    return postAndWait<ReplayReportView>(server.url, serverToken(config, server.url), `/v1/rule-sets/${encodeURIComponent(opts.version)}/replay`, {
      since: opts.since,
      ...(opts.until === undefined ? {} : { until: opts.until }),
      sample: opts.sample,
    });
  }
  const runtime = await openRuntime(config);
  try {
    opts.say(`replaying in ${runtime.database.description}`);
    const services = buildServices({ config, database: runtime.database });
    return replayToDto(await services.replay.replay(CLI_ACTOR, opts.version, { ...range, sampleSize: opts.sample }));
  } finally {
    await runtime.close();
  }
}
