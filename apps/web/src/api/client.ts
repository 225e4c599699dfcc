/**
 * The one place the UI talks HTTP: every request carries the analyst's API key as a bearer token, and every
 * failure becomes an ApiError with the server's stable code, so pages can say precisely what went wrong.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export interface ApiClientOptions {
  /** Origin + path prefix of the API; '' means the origin the UI was served from. */
  readonly baseUrl?: string;
  readonly key: string;
  readonly fetch?: typeof fetch;
}

export type Query = Readonly<Record<string, string | number | undefined>>;

export interface ApiClient {
  readonly get: <T>(path: string, query?: Query) => Promise<T>;
  readonly post: <T>(path: string, body?: unknown) => Promise<T>;
  readonly patch: <T>(path: string, body?: unknown) => Promise<T>;
  /** Raw text responses (the goAML XML). */
  readonly getText: (path: string) => Promise<{ text: string; headers: Headers }>;
}

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const qs = params.toString();
  return `${baseUrl}${path}${qs === '' ? '' : `?${qs}`}`;
}

async function failure(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  try {
    // the server's one error shape: { error: { code, message, details? } }
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, code, message);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers = (json: boolean): Record<string, string> => ({
    authorization: `Bearer ${options.key}`,
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
  });

  const send = async (method: string, path: string, body: unknown, query?: Query): Promise<Response> => {
    const response = await doFetch(buildUrl(baseUrl, path, query), {
      method,
      headers: headers(body !== undefined),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw await failure(response);
    return response;
  };
  const json = async <T>(response: Response): Promise<T> =>
    response.status === 204 ? (undefined as T) : ((await response.json()) as T);

  return {
    get: async (path, query) => json(await send('GET', path, undefined, query)),
    post: async (path, body) => json(await send('POST', path, body ?? {})),
    patch: async (path, body) => json(await send('PATCH', path, body ?? {})),
    getText: async (path) => {
      const response = await send('GET', path, undefined);
      return { text: await response.text(), headers: response.headers };
    },
  };
}
