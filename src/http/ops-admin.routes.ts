import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../kernel';
import type { Principal } from '../identity';
import { principalOf } from './auth.plugin';
import { withErrors } from './schemas';

export interface OpsAdminDeps {
  /**
   * A consistent gzip tarball of the embedded database's data folder, the read logged for the
   * caller; undefined on PostgreSQL, whose own tools (pg_dump) do this.
   */
  readonly backup: ((caller: Principal) => Promise<Uint8Array>) | undefined;
}

/** Operations an administrator runs through the API (`assay backup` while the server holds the data folder). */
export function opsAdminRoutes(deps: OpsAdminDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/v1/admin/backup',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['ops'],
          summary: 'Download a backup of the embedded database (gzip tar of its data folder; `assay restore FILE` loads it)',
          response: withErrors({ 200: Type.String({ description: 'application/gzip: the PGlite data folder as a gzip tar', contentMediaType: 'application/gzip' }) }),
        },
      },
      async (request, reply) => {
        if (deps.backup === undefined) {
          throw new AppError('conflict', 'this server runs on PostgreSQL: back it up with pg_dump and restore with pg_restore', { reason: 'backup.not_embedded' });
        }
        const bytes = await deps.backup(principalOf(request));
        const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
        return reply
          .type('application/gzip')
          .header('content-disposition', `attachment; filename="assay-backup-${stamp}.tar.gz"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      },
    );
  };
}
