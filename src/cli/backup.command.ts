import type { Command } from 'commander';
import type { CliHost, CommandInstaller } from './program';

export interface BackupCommandDeps {
  /** Writes a backup of the embedded database to FILE; returns what it did, as lines. */
  readonly backup: (file: string) => Promise<string[]>;
  /** Replaces the embedded database with the backup in FILE (the current one is moved aside). */
  readonly restore: (file: string) => Promise<string[]>;
}

/** `assay backup FILE` and `assay restore FILE` (embedded database; PostgreSQL has pg_dump). */
export function backupCommands(deps: BackupCommandDeps): CommandInstaller {
  return (program: Command, host: CliHost) => {
    const print = (lines: readonly string[]) => {
      for (const l of lines) host.out.write(`${l}\n`);
    };
    program
      .command('backup')
      .description('write a backup of the embedded database to FILE (a gzip tar; works while the server runs)')
      .argument('<file>')
      .action(async (file: string) => print(await deps.backup(file)));
    program
      .command('restore')
      .description('replace the embedded database with a backup (stop the server first; the current database is kept aside)')
      .argument('<file>')
      .action(async (file: string) => print(await deps.restore(file)));
  };
}
