/**
 * The console's only way to the server: same-origin fetch with the session cookie, the CSRF header on
 * unsafe methods, and problem+json errors turned into ApiError.
 */

export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly reason: string | undefined;
  readonly errors: readonly FieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly correlationId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    reason?: string | undefined;
    errors?: readonly FieldError[] | undefined;
    retryAfterSeconds?: number | undefined;
    correlationId?: string | undefined;
  }) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.reason = init.reason;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.correlationId = init.correlationId;
  }

  /** The reason given for one field (`body/email` or `email`), if the server named it. */
  fieldError(name: string): string | undefined {
    const hit = this.errors.find((e) => e.field === name || e.field.endsWith(`/${name}`) || e.field === `body.${name}`);
    return hit?.reason;
  }
}

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request finds the session gone, so the shell can show the sign-in screen. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  readonly query?: Record<string, string | number | boolean | readonly string[] | undefined | null> | undefined;
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
  /** Send raw bytes (evidence upload) instead of JSON. */
  readonly raw?: { readonly data: Blob | ArrayBuffer; readonly contentType: string; readonly headers?: Record<string, string> } | undefined;
  /** Extra request headers (an Idempotency-Key). */
  readonly headers?: Record<string, string> | undefined;
  /** Do not broadcast a 401 (the session probe and sign-in handle it themselves). */
  readonly quiet401?: boolean | undefined;
}

export function buildQuery(query: RequestOptions['query']): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v as readonly string[]) params.append(k, item);
    else params.set(k, String(v));
  }
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.raw !== undefined) {
    headers['content-type'] = opts.raw.contentType;
    Object.assign(headers, opts.raw.headers ?? {});
    body = opts.raw.data;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (UNSAFE.has(method) && csrfToken !== null) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path + buildQuery(opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: 'The server could not be reached. Check your connection and try again.' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const p = (json ?? {}) as Partial<{ code: string; title: string; detail: string; reason: string; errors: FieldError[]; correlation_id: string }>;
    const retry = res.headers.get('retry-after');
    const err = new ApiError({
      status: res.status,
      code: p.code ?? `http_${res.status}`,
      title: p.title ?? res.statusText,
      detail: p.detail ?? `The server answered ${res.status} ${res.statusText}.`,
      reason: p.reason,
      errors: p.errors,
      retryAfterSeconds: retry !== null && /^\d+$/.test(retry) ? Number(retry) : undefined,
      correlationId: p.correlation_id,
    });
    if (res.status === 401 && opts.quiet401 !== true) for (const l of unauthenticatedListeners) l();
    throw err;
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/** A message fit for a person, from anything a request threw. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.detail ? capitalize(e.detail) : e.title;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}

function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
