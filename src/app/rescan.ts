import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Config } from '../config';
import { AppError, type ErrorCode } from '../kernel';
import { parseRescanRange } from '../marketplace';
import { CliError } from '../cli';
import type { RescanReportView, RescanRunOptions } from '../cli/rescan.command';
import { rescanReportToDto } from '../http/rescan.routes';
import { buildServices } from './services';
import { openRuntime, runningServer } from './runtime';
import { serverToken } from './cli-backend';

const CLI_ACTOR = { type: 'system' as const, id: 'cli' };

/**
 * POSTs JSON and waits as long as the server works: a re-scan of a large history takes longer than
 * fetch's built-in five-minute header timeout.
 */
export function postAndWait<T>(baseUrl: string, token: string, path: string, body: unknown): Promise<T> {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<T>((resolve, reject) => {
    const req = send(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('error', reject);
      res.on('end', () => {
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(json as T);
        const p = (json ?? {}) as { code?: ErrorCode; detail?: string; errors?: { field: string; reason: string }[] };
        reject(new AppError(p.code ?? 'internal', p.detail ?? `HTTP ${status}`, { errors: p.errors ?? [] }));
      });
    });
    req.on('error', (e) => reject(new CliError(`cannot reach the server at ${baseUrl}: ${e.message}`)));
    req.end(payload);
  });
}

/** `assay rescan`: through the running server when it holds the embedded database, else in this process. */
export async function runRescan(config: Config, opts: RescanRunOptions): Promise<RescanReportView> {
  const range = parseRescanRange(opts.since, opts.until);
  const server = runningServer(config);
  if (server?.url !== undefined) {
    opts.say(`re-scanning in the server at ${server.url} (it holds ${config.dataDir}); the report follows when it is done`);
    return postAndWait<RescanReportView>(server.url, serverToken(config, server.url), '/v1/rescans', {
      since: opts.since,
      ...(opts.until === undefined ? {} : { until: opts.until }),
      dry_run: opts.dryRun,
      sample: opts.sample,
    });
  }
  const runtime = await openRuntime(config);
  try {
    opts.say(`re-scanning in ${runtime.database.description}`);
    const services = buildServices({ config, database: runtime.database });
    const report = await services.marketplace.rescan(CLI_ACTOR, { ...range, dryRun: opts.dryRun, sampleSize: opts.sample, onProgress: opts.onProgress });
    return rescanReportToDto(report);
  } finally {
    await runtime.close();
  }
}
