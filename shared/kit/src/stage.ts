/** What a stage implements: `apply` sees only its rows and returns outputs and row errors. */
import type { Logger } from 'pino';
import type { ErrorCode, IOMetadata, Metadata, Tensor } from '@tensorhop/protocol';

export interface StageContext {
  /** Input tensors, dimension 0 aligned with `keys`. */
  inputs: readonly Tensor[];
  /** Names the caller gave the inputs (may be empty: then bind by position). */
  inputNames: readonly string[];
  /** The input called `name`; when the request has exactly one input, that one whatever its name. */
  input(name: string): Tensor;
  keys: readonly string[];
  /** This stage's options from the request's `config` JSON (an object; `{}` when absent). */
  config: Readonly<Record<string, unknown>>;
  /** Aborts when the caller goes away or the request's deadline passes. */
  signal: AbortSignal;
  traceId: string;
  log: Logger;
  /** Name of the hop the outputs go to next, if any. */
  nextHop: string | undefined;
  /** The next hop's options from the route (JSON text; e.g. which model), '' when none. */
  nextHopConfig: string;
  /** Metadata of a hop from the hop table (e.g. the model's input shape). */
  hopMetadata(name: string, config?: string): Promise<Metadata>;
  /**
   * Reserves the bytes the stage is about to allocate for its outputs, before it allocates them:
   * throws PAYLOAD_TOO_LARGE when the reply could not be sent in the request's encoding, and
   * OVERLOADED when the process's memory budget is taken by other requests. Released by the kit
   * once the reply is sent.
   */
  reserveOutput(bytes: number): void;
  /* Reservations add up over the request, so a stage may reserve per row as outputs arrive. */
}

/** A row failure reported by a stage; the kit adds the stage name. */
export interface StageRowError {
  key: string;
  code: ErrorCode;
  message: string;
}

export interface StageResult {
  /** Output tensors by name; dimension 0 aligned with `keys`. */
  outputs: Record<string, Tensor>;
  /** Keys of the rows that succeeded, in output order. */
  keys: string[];
  /** Keys of the rows that failed; with `keys`, every input key exactly once. */
  errors: StageRowError[];
}

export interface StageDefinition {
  name: string;
  /** @default '1' */
  version?: string;
  description?: string;
  inputs: IOMetadata[];
  outputs: IOMetadata[];
  /** Fields that change at run time (a model's inputs, its preprocess hint). */
  /**
   * Fields that change at run time or with what is asked: `config` is the metadata request's
   * options (a model service describes the model it names).
   */
  metadata?: (config: Readonly<Record<string, unknown>>) => Partial<Metadata> | Promise<Partial<Metadata>>;
  apply(ctx: StageContext): Promise<StageResult>;
  /** Ready to serve (model loaded, warm); the kit adds draining and the next hop's health. */
  ready?: () => boolean | Promise<boolean>;
  /** Told when a call to the next hop fails (e.g. to drop cached hop metadata). */
  onHopFailure?: (hop: string, code: string) => void;
  /** Releases what the stage holds (workers, agents) after the server has drained. */
  close?: () => Promise<void>;
}
