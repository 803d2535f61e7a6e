/** SP-API errors as values: Amazon's error list parsed, with whether a retry may help. */
import type { HttpResponse } from '../http/httpPort';

export interface SpApiError {
  readonly name: 'SpApiError';
  readonly code: string;
  readonly message: string;
  readonly status: number;
  /** Amazon's `details`, when given. */
  readonly details?: string;
  readonly retryable: boolean;
}

export function spApiError(code: string, message: string, status: number, details?: string): SpApiError {
  return { name: 'SpApiError', code, message, status, details, retryable: status === 429 || status >= 500 };
}

export function isSpApiError(e: unknown): e is SpApiError {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'SpApiError';
}

/** The first error of an SP-API error body `{ errors: [{ code, message, details }] }`. */
export function parseErrorResponse(response: HttpResponse, operation: string): SpApiError {
  try {
    const body = JSON.parse(response.body) as {
      errors?: { code?: string; message?: string; details?: string }[];
    };
    const first = body.errors?.[0];
    if (first)
      return spApiError(
        first.code ?? 'Error',
        `${operation}: ${first.message ?? 'failed'}`,
        response.status,
        first.details,
      );
  } catch {
    // not JSON: fall through
  }
  return spApiError('HttpError', `${operation}: Amazon answered HTTP ${response.status}`, response.status);
}
