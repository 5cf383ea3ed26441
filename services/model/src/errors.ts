/**
 * The model service's failures: the protocol's one error class, imported from its dependency-free
 * subpath so that worker threads do not load the whole service kit.
 */
import {
  ERROR_STATUS,
  TensorhopError,
  type ErrorCode,
  type TensorhopErrorOptions,
} from '@tensorhop/protocol/errors';

export { TensorhopError, isTensorhopError } from '@tensorhop/protocol/errors';

/** Codes (and their HTTP statuses) that the model service raises come from the shared table. */
export const MODEL_ERROR_STATUS = ERROR_STATUS;
export type ModelErrorCode = ErrorCode;
export type ModelErrorOptions = TensorhopErrorOptions;

/** The caller sent something malformed (400), or named something that does not exist (404). */
export function badRequest(message: string, status: 400 | 404 = 400): TensorhopError {
  return new TensorhopError(status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message);
}
