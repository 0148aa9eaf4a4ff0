import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify's own schema compilers, with the compiled functions kept for the process: an HTTP server
 * compiles a validator per request part and a serializer per response of every route when it
 * starts (~1 s of CPU for Assay's routes), and every server of the process — tests build hundreds
 * — compiles the same schemas again. A compiled function is a pure function of its schema, the
 * shared schemas (`addSchema`) and the compiler's options, so it is looked up by those three, written
 * as JSON: Assay's schemas and options are plain data (a function or a RegExp in them would not be
 * told apart, and would need a key of its own).
 */
type RouteSchema = { schema?: unknown; httpPart?: string };
type Factory = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => unknown;

const compiled = new Map<string, unknown>();

function cachedFactory<F>(kind: string, factory: F): F {
  const make = factory as unknown as Factory;
  return ((externalSchemas: unknown, options: unknown) => {
    const compile = make(externalSchemas, options);
    // the shared schemas and the options, once per server
    const context = `${kind}\u0000${JSON.stringify([externalSchemas ?? null, options ?? null])}\u0000`;
    return (route: RouteSchema) => {
      // and the request part (body, querystring…) it is for: a compiler may treat them differently
      const key = `${context}${route.httpPart ?? ''}\u0000${JSON.stringify(route.schema ?? null)}`;
      let fn = compiled.get(key);
      if (fn === undefined) {
        fn = compile(route);
        compiled.set(key, fn);
      }
      return fn;
    };
  }) as F;
}

/** The `schemaController.compilersFactory` option of Fastify: its default compilers, compiled once per process. */
export const cachedCompilersFactory = {
  buildValidator: cachedFactory('validator', AjvCompiler()),
  buildSerializer: cachedFactory('serializer', SerializerSelector()),
};

/** How many compiled functions the process keeps (for tests). */
export function compiledSchemaCount(): number {
  return compiled.size;
}
