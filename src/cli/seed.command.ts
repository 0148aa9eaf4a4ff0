import type { Command } from 'commander';
import { CliError } from './backend';
import { formatTally } from './batch.sender';
import { loadDemo, type DemoSets } from './demo.loader';
import { startProgress } from './progress';
import type { CliHost, CommandInstaller } from './program';

export interface SeedCommandDeps {
  readonly batchMaxItems: number;
  readonly defaultSeed: number;
  /** The demo generator (src/demo): deterministic for a seed; `scale` 1 is the full data set. */
  readonly generate: (opts: { seed: number; scale: number }) => DemoSets | Promise<DemoSets>;
}

/** `assay seed --demo [--seed N] [--scale X]`. */
export function seedCommand(deps: SeedCommandDeps): CommandInstaller {
  return (program: Command, host: CliHost) => {
    program
      .command('seed')
      .description('load the deterministic demo data set (dealers, buyers, listings, conversations, events) through ingest')
      .option('--demo', 'the demo data set (the only one for now)')
      .option('--seed <n>', `generator seed (default ${deps.defaultSeed}, ASSAY_DEMO_SEED)`)
      .option('--scale <x>', 'fraction or multiple of the full size, e.g. 0.1 for a tenth', '1')
      .action(async (o: { demo?: boolean; seed?: string; scale: string }) => {
        if (o.demo !== true) throw new CliError('say which data set to load: assay seed --demo', 2);
        const seed = o.seed === undefined ? deps.defaultSeed : Number(o.seed);
        if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) throw new CliError(`--seed must be a whole number from 0 to ${2 ** 31 - 1}, got '${o.seed}'`, 2);
        const scale = Number(o.scale);
        if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new CliError(`--scale must be a number above 0 and at most 10, got '${o.scale}'`, 2);

        const t0 = Date.now();
        const data = await deps.generate({ seed, scale });
        const genSeconds = (Date.now() - t0) / 1000;
        const count = (a: readonly unknown[] | undefined) => a?.length ?? 0;
        host.err.write(
          `generated demo data (seed ${seed}, scale ${scale}) in ${genSeconds.toFixed(1)} s: ${count(data.sellers)} sellers, ${count(data.buyers)} buyers, ${count(data.listings)} listings, ${count(data.messages)} messages, ${count(data.events)} events\n`,
        );

        const backend = await host.openBackend();
        const progress = startProgress(host.err, { label: 'seed', total: 1 });
        let result;
        try {
          result = await loadDemo(backend, data, {
            batchSize: deps.batchMaxItems,
            concurrency: backend.ingestConcurrency,
            onProgress: (done, total, kind) => progress.update(done / Math.max(total, 1), `${kind}, ${done}/${total} items`),
          });
          progress.complete('done');
        } finally {
          progress.stop();
          await backend.close();
        }
        host.out.write(`demo data (seed ${seed}, scale ${scale}) loaded through ${backend.description} in ${result.seconds.toFixed(1)} s (+${genSeconds.toFixed(1)} s to generate)\n`);
        for (const kind of ['sellers', 'buyers', 'listings', 'messages', 'events'] as const) host.out.write(`${kind}: ${formatTally(result.tallies[kind])}\n`);
        if (result.problems.length > 0) {
          host.err.write('some demo items were refused (a generator/validation mismatch; please report it):\n');
          for (const p of result.problems) host.err.write(`  ${p}\n`);
        }
      });
  };
}
