import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodError } from 'zod';

/**
 * Every error the API returns has a stable code; clients branch on the code, never on the message.
 * The HTTP status of each code is fixed here, in one place (house rule 5).
 */
export const ERROR_STATUS = {
  AUTH_MISSING: 401,
  AUTH_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  INVALID_RECORDS: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  XML_REJECTED: 400,
  CASE_INVALID_TRANSITION: 409,
  CASE_REASON_REQUIRED: 400,
  CASE_RESOLUTION_REQUIRED: 400,
  CASE_FINAL: 409,
  CASE_FOUR_EYES: 403,
  CASE_NOT_APPROVED: 409,
  CASE_NO_DRAFT: 409,
  CASE_FORBIDDEN_ROLE: 403,
  CASE_EMPTY: 400,
  ALERT_UNKNOWN: 422,
  STR_NOT_REPORTABLE: 422,
  STR_UNKNOWN_INDICATOR: 422,
  SCREENING_UNAVAILABLE: 503,
  STREAM_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: unknown };
}

/** An expected API error: thrown by handlers, rendered by the one error handler. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** "path: message" per zod issue, for the `details` of a VALIDATION error. */
export function zodDetails(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    let code: ErrorCode;
    let message = error.message;
    let details: unknown;
    if (error instanceof ApiError) {
      code = error.code;
      details = error.details;
    } else if (error.code !== undefined && FASTIFY_CODES[error.code] !== undefined) {
      code = FASTIFY_CODES[error.code] as ErrorCode;
    } else if (error.statusCode === 400 || (error as { name?: string }).name === 'SyntaxError') {
      code = 'VALIDATION';
    } else {
      code = 'INTERNAL';
      message = 'internal error';
      request.log.error({ err: error }, 'unhandled error');
    }
    const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
    void reply.status(ERROR_STATUS[code]).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}
