import type { Config } from '../config';
import type { OffPlatformReportView } from '../cli/report.command';
import { refreshToDto, sellerScoreToDto } from '../http/analytics.routes';
import { buildServices } from './services';
import { apiClient, serverToken } from './cli-backend';
import { openRuntime, runningServer } from './runtime';

const CLI_ACTOR = { type: 'system' as const, id: 'cli' };
const CLI_READER = { kind: 'token' as const, id: 'cli', role: 'admin' as const, vendorOrgId: undefined, name: 'assay cli' };

/** `assay report off-platform`: through the running server when it holds the embedded database, else in this process. */
export async function runOffPlatformReport(config: Config, opts: { limit: number; refresh: boolean; say: (line: string) => void }): Promise<OffPlatformReportView> {
  const server = runningServer(config);
  if (server?.url !== undefined) {
    const call = apiClient(server.url, serverToken(config, server.url));
    if (opts.refresh) await call('POST', '/v1/analytics/refresh', {});
    return call<OffPlatformReportView>('GET', `/v1/analytics/off-platform/sellers?limit=${opts.limit}`);
  }
  const runtime = await openRuntime(config);
  try {
    const services = buildServices({ config, database: runtime.database });
    if (opts.refresh) {
      const info = await services.analytics.refresh(CLI_ACTOR);
      opts.say(`refreshed in ${info.durationMs} ms (${info.factsUpdated} conversations updated) on ${runtime.database.description}`);
    }
    const page = await services.analytics.listSellers(CLI_READER, { limit: opts.limit });
    return { refresh: page.refresh === undefined ? null : refreshToDto(page.refresh), items: page.items.map(sellerScoreToDto) };
  } finally {
    await runtime.close();
  }
}
