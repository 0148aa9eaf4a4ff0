import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Services } from './build-app';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/** Starts the loops a server process runs beside HTTP (the outbox relay). */
export function startBackgroundWork(services: Services, config: Config, logger: Logger): BackgroundWork {
  const loops: { stop(): Promise<void> }[] = [];
  void services;
  void config;
  void logger;
  return {
    stop: async () => {
      for (const l of loops) await l.stop();
    },
  };
}
