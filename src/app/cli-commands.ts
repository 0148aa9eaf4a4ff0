import type { Config } from '../config';
import type { CommandInstaller } from '../cli';

/** Command groups beyond the core (import, seed, worker, backup…), wired with what they need. */
export function cliInstallers(config: Config): CommandInstaller[] {
  void config;
  return [];
}
