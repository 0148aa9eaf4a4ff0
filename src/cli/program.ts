import { Command, CommanderError } from 'commander';
import { AppError } from '../kernel/errors';
import { CliError, type CliBackend } from './backend';

/** What the program needs from the process that runs it (src/app/cli.ts provides it). */
export interface CliHost {
  readonly version: string;
  /** Opens the backend the commands go through (direct database, or the running server's API). */
  openBackend(): Promise<CliBackend>;
  serve(): Promise<void>;
  migrate(): Promise<{ applied: readonly string[]; alreadyApplied: number; where: string }>;
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

export type CommandInstaller = (program: Command, host: CliHost) => void;

async function withBackend<T>(host: CliHost, work: (b: CliBackend) => Promise<T>): Promise<T> {
  const b = await host.openBackend();
  try {
    return await work(b);
  } finally {
    await b.close();
  }
}

/** Builds the `assay` command line. Extra command groups install themselves through `installers`. */
export function buildProgram(host: CliHost, installers: readonly CommandInstaller[] = []): Command {
  const program = new Command('assay')
    .description('Assay: trust and seller-performance operations for a curated marketplace')
    .version(host.version)
    .showHelpAfterError()
    .exitOverride();
  const print = (line: string) => host.out.write(`${line}\n`);

  program
    .command('serve')
    .description('start the API and the console (embedded database in ./data unless DATABASE_URL is set)')
    .action(() => host.serve());

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const r = await host.migrate();
      print(r.applied.length === 0 ? `${r.where}: up to date (${r.alreadyApplied} migrations)` : `${r.where}: applied ${r.applied.join(', ')}`);
    });

  const users = program.command('users').description('manage users');
  users
    .command('create')
    .description('create a console user')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', 'admin, manager, senior, agent, legal, vendor or integration')
    .requiredOption('--password <password>', 'at least 10 characters')
    .option('--vendor-org <id>', 'vendor organisation (vendor role)')
    .action(async (o: { email: string; name: string; role: string; password: string; vendorOrg?: string }) => {
      const u = await withBackend(host, (b) => b.createUser({ email: o.email, name: o.name, role: o.role, password: o.password, vendorOrgId: o.vendorOrg }));
      print(`created user ${u.id} ${u.email} (${u.role})`);
    });

  const tokens = program.command('tokens').description('manage API tokens');
  tokens
    .command('create')
    .description('create an API token (printed once)')
    .requiredOption('--name <name>')
    .option('--role <role>', 'role of the token', 'integration')
    .action(async (o: { name: string; role: string }) => {
      const t = await withBackend(host, (b) => b.createToken({ name: o.name, role: o.role }));
      print(t.token);
      host.err.write(`token ${t.id} (${o.role}); store it now, it is not shown again\n`);
    });

  const audit = program.command('audit').description('the hash-chained audit trail');
  audit
    .command('verify')
    .description('recompute the chain; report the first edited, deleted, inserted or reordered entry, or a cut-off tail')
    .action(async () => {
      const r = await withBackend(host, (b) => b.verifyAudit());
      if (r.ok) {
        print(`audit trail intact: ${r.entries} entries${r.head === null ? '' : `, head ${r.head.seq} ${r.head.hash.slice(0, 16)}`}${r.checkpoint === null ? ' (no checkpoint to compare)' : `, checkpoint ${r.checkpoint.seq} matches`}`);
        return;
      }
      throw new CliError(`audit trail broken at entry ${r.problem?.seq}: ${r.problem?.detail}`);
    });
  audit
    .command('checkpoint')
    .description('write the head of the chain to the checkpoint file (AUDIT_CHECKPOINT_FILE)')
    .action(async () => {
      const cp = await withBackend(host, (b) => b.checkpointAudit());
      print(`checkpoint: entry ${cp.seq} ${cp.hash.slice(0, 16)} at ${cp.at}`);
    });

  for (const install of installers) install(program, host);
  return program;
}

/** Runs the program; returns the exit code. Errors become one line on stderr. */
export async function runProgram(program: Command, argv: readonly string[], err: NodeJS.WritableStream): Promise<number> {
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      err.write(`assay: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof AppError) {
      const fields = e.errors.map((f) => `${f.field} ${f.reason}`).join('; ');
      err.write(`assay: ${e.message}${fields === '' || e.message.includes(fields) ? '' : ` (${fields})`}\n`);
      return 1;
    }
    err.write(`assay: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}
