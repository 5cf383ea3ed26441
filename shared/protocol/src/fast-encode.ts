/**
 * A size-first protobuf writer for the two messages that carry big tensors, Request{infer} and
 * InferResponse. protobufjs grows its buffer while writing and copies tensor data several times;
 * this writer measures first, allocates once and copies each tensor's data exactly once.
 *
 * It also aligns: the largest tensor's `data` is placed at an 8-byte aligned offset from the start
 * of the message by a padding field (number 15, reserved in the schema) at the top level, so that
 * the receiver's decode is a view over the received bytes, not a copy. The output is checked
 * against the generated decoder in shared/protocol/test/fast-encode.test.ts.
 */
import type { Hop, InferRequest, InferResponse, RowError, StageTiming } from './messages.js';
import type { Tensor } from './tensor.js';
import { DType } from './dtype.js';
import { allocBytes, utf8Length, writeUtf8 } from './utils/bytes.js';

const PAD_FIELD = 15;
const LEN = 2;
const VARINT = 0;
const I64 = 1;

const varintSize = (n: number): number => {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
};
const tagSize = (field: number): number => varintSize(field << 3);
const strSize = utf8Length;
const lenField = (field: number, len: number): number => tagSize(field) + varintSize(len) + len;
const strField = (field: number, s: string): number => (s === '' ? 0 : lenField(field, strSize(s)));
const strsField = (field: number, list: readonly string[]): number =>
  list.reduce((n, s) => n + lenField(field, strSize(s)), 0);
const intField = (field: number, v: number): number => (v === 0 ? 0 : tagSize(field) + varintSize(v));

/**
 * Writes into `buf`; without a buffer it only counts, to learn where the data will fall. Byte runs
 * of `byReference` bytes or more are not copied: they are left out of `buf` and recorded in `refs`,
 * to be sent as parts of their own between the pieces of `buf`.
 */
class Out {
  /** Offset in the message (by-reference runs included). */
  pos = 0;
  /** Offset of the payload of the largest tensor's data, recorded while writing. */
  alignAt = -1;
  /** Bytes of by-reference runs before `pos`: `pos - skipped` is the offset in `buf`. */
  skipped = 0;
  /** By-reference runs, each with its offset in `buf`. */
  readonly refs: { at: number; data: Uint8Array }[] = [];
  private view: DataView | undefined;
  constructor(
    readonly buf: Uint8Array | undefined,
    private readonly byReference = Infinity,
  ) {}
  varint(n: number): void {
    const buf = this.buf;
    if (!buf) {
      this.pos += varintSize(n);
      return;
    }
    let at = this.pos - this.skipped;
    const start = at;
    while (n >= 128) {
      buf[at++] = (n % 128) | 128;
      n = Math.floor(n / 128);
    }
    buf[at++] = n;
    this.pos += at - start;
  }
  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }
  str(field: number, s: string, always = false): void {
    if (s === '' && !always) return;
    this.tag(field, LEN);
    const size = strSize(s);
    this.varint(size);
    if (this.buf) writeUtf8(this.buf, s, this.pos - this.skipped);
    this.pos += size;
  }
  raw(b: Uint8Array): void {
    if (b.byteLength >= this.byReference) {
      this.refs.push({ at: this.pos - this.skipped, data: b });
      this.skipped += b.byteLength;
    } else {
      this.buf?.set(b, this.pos - this.skipped);
    }
    this.pos += b.byteLength;
  }
  bytes(field: number, b: Uint8Array): void {
    this.tag(field, LEN);
    this.varint(b.byteLength);
    this.raw(b);
  }
  double(v: number): void {
    if (this.buf) {
      this.view ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
      this.view.setFloat64(this.pos - this.skipped, v, true);
    }
    this.pos += 8;
  }
  int(field: number, v: number): void {
    if (v === 0) return;
    this.tag(field, VARINT);
    this.varint(v);
  }
  /** The message in order: pieces of `buf` with the by-reference runs between them. */
  parts(): Uint8Array[] {
    const buf = this.buf as Uint8Array;
    if (!this.refs.length) return [buf];
    const out: Uint8Array[] = [];
    let from = 0;
    for (const { at, data } of this.refs) {
      if (at > from) out.push(buf.subarray(from, at));
      out.push(data);
      from = at;
    }
    if (from < buf.byteLength) out.push(buf.subarray(from));
    return out;
  }
}

// ---- sizes ------------------------------------------------------------------------------------

const dataBytes = (t: Tensor): Uint8Array | undefined =>
  t.type === DType.STRING ? undefined : new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);

function shapeSize(shape: readonly number[]): number {
  return shape.reduce((n, d) => n + varintSize(d), 0);
}

function tensorSize(t: Tensor): number {
  let n = intField(1, t.type);
  if (t.shape.length) n += lenField(2, shapeSize(t.shape));
  const data = dataBytes(t);
  if (data && data.byteLength) n += lenField(3, data.byteLength);
  if (t.type === DType.STRING) n += t.strings.reduce((m, s) => m + lenField(4, s.byteLength), 0);
  return n;
}

function hopSize(h: Hop): number {
  return strField(1, h.target) + strField(2, h.config ?? '') + strsField(3, h.outputNames ?? []);
}

function routeSize(r: InferRequest['route']): number {
  return (
    r.next.reduce((n, h) => n + lenField(1, hopSize(h)), 0) +
    intField(2, r.mode === 'EXACT' ? 1 : 0) +
    intField(3, Math.max(0, r.hopsLeft))
  );
}

function inferRequestSize(r: InferRequest): number {
  return (
    strField(1, r.config) +
    strsField(2, r.inputNames) +
    r.inputs.reduce((n, t) => n + lenField(3, tensorSize(t)), 0) +
    strsField(4, r.outputNames) +
    strsField(5, r.keys) +
    lenField(6, routeSize(r.route)) +
    strField(7, r.traceId)
  );
}

const rowErrorSize = (e: RowError): number =>
  strField(1, e.key) + strField(2, e.code) + strField(3, e.message) + strField(4, e.stage);

function timingSize(t: StageTiming): number {
  return (
    strField(1, t.stage) +
    strField(2, t.instance) +
    intField(3, t.startedAtMs) +
    (t.durationMs === 0 ? 0 : tagSize(4) + 8) +
    intField(5, t.rowsIn) +
    intField(6, t.rowsOut) +
    intField(7, t.bytesIn) +
    intField(8, t.bytesOut) +
    strField(9, t.traceId) +
    strField(10, t.spanId)
  );
}

function inferResponseSize(r: InferResponse): number {
  return (
    strsField(1, r.outputNames) +
    r.outputs.reduce((n, t) => n + lenField(2, tensorSize(t)), 0) +
    strsField(3, r.keys) +
    r.errors.reduce((n, e) => n + lenField(4, rowErrorSize(e)), 0) +
    r.trace.reduce((n, t) => n + lenField(5, timingSize(t)), 0)
  );
}

// ---- writing ----------------------------------------------------------------------------------

function writeTensor(out: Out, field: number, t: Tensor, largest: Tensor | undefined): void {
  out.tag(field, LEN);
  out.varint(tensorSize(t));
  out.int(1, t.type);
  if (t.shape.length) {
    out.tag(2, LEN);
    out.varint(shapeSize(t.shape));
    for (const d of t.shape) out.varint(d);
  }
  const data = dataBytes(t);
  if (data && data.byteLength) {
    out.tag(3, LEN);
    out.varint(data.byteLength);
    if (t === largest) out.alignAt = out.pos;
    out.raw(data);
  }
  if (t.type === DType.STRING) for (const s of t.strings) out.bytes(4, s);
}

function writeRoute(out: Out, r: InferRequest['route']): void {
  out.tag(6, LEN);
  out.varint(routeSize(r));
  for (const h of r.next) {
    out.tag(1, LEN);
    out.varint(hopSize(h));
    out.str(1, h.target);
    out.str(2, h.config ?? '');
    for (const s of h.outputNames ?? []) out.str(3, s, true);
  }
  out.int(2, r.mode === 'EXACT' ? 1 : 0);
  out.int(3, Math.max(0, r.hopsLeft));
}

function writeTiming(out: Out, t: StageTiming): void {
  out.tag(5, LEN);
  out.varint(timingSize(t));
  out.str(1, t.stage);
  out.str(2, t.instance);
  out.int(3, t.startedAtMs);
  if (t.durationMs !== 0) {
    out.tag(4, I64);
    out.double(t.durationMs);
  }
  out.int(5, t.rowsIn);
  out.int(6, t.rowsOut);
  out.int(7, t.bytesIn);
  out.int(8, t.bytesOut);
  out.str(9, t.traceId);
  out.str(10, t.spanId);
}

function writeRowError(out: Out, e: RowError): void {
  out.tag(4, LEN);
  out.varint(rowErrorSize(e));
  out.str(1, e.key);
  out.str(2, e.code);
  out.str(3, e.message);
  out.str(4, e.stage);
}

function largestTensor(tensors: readonly Tensor[]): Tensor | undefined {
  let best: Tensor | undefined;
  for (const t of tensors)
    if (
      t.type !== DType.STRING &&
      (!best || t.data.byteLength > (best as { data: Uint8Array }).data.byteLength)
    )
      best = t;
  return best;
}

/**
 * Writes the message, led by a padding field sized so that the largest tensor's data lands 8-byte
 * aligned from the message start. A counting pass finds where the data falls (and how many bytes go
 * by reference); the real pass writes into one buffer of the exact size.
 */
function alignedMessage(
  bodySize: number,
  largest: Tensor | undefined,
  write: (out: Out) => void,
  byReference: number,
): Uint8Array[] {
  let pad = -1;
  let skipped = 0;
  if (largest || byReference !== Infinity) {
    const dry = new Out(undefined, byReference);
    write(dry);
    if (dry.alignAt >= 0) pad = (8 - ((dry.alignAt + 2) % 8)) % 8;
    skipped = dry.skipped;
  }
  const lead = pad < 0 ? 0 : 2 + pad;
  const out = new Out(allocBytes(lead + bodySize - skipped), byReference);
  if (pad >= 0) {
    out.tag(PAD_FIELD, LEN);
    out.varint(pad);
    out.raw(new Uint8Array(pad));
  }
  write(out);
  return out.parts();
}

/**
 * Runs of at least this many bytes (tensor data, encoded images) are sent as parts of their own
 * rather than copied into the message: a preprocessor's batch of 32 images is megabytes that would
 * otherwise be allocated and copied once more on every hop.
 */
export const BY_REFERENCE_BYTES = 16 * 1024;

/**
 * Encodes Request{infer: r}: the same bytes the generated encoder gives, plus alignment padding, as
 * parts to be written one after the other; runs of `byReference` bytes or more are the caller's own
 * arrays, not copies, so they must not change until the parts are written.
 */
export function inferRequestParts(r: InferRequest, byReference = BY_REFERENCE_BYTES): Uint8Array[] {
  const inner = inferRequestSize(r);
  const largest = largestTensor(r.inputs);
  return alignedMessage(
    lenField(1, inner),
    largest,
    (out) => {
      out.tag(1, LEN);
      out.varint(inner);
      out.str(1, r.config);
      for (const s of r.inputNames) out.str(2, s, true);
      for (const t of r.inputs) writeTensor(out, 3, t, largest);
      for (const s of r.outputNames) out.str(4, s, true);
      for (const s of r.keys) out.str(5, s, true);
      writeRoute(out, r.route);
      out.str(7, r.traceId);
    },
    byReference,
  );
}

/** Encodes an InferResponse as parts, like {@link inferRequestParts}. */
export function inferResponseParts(r: InferResponse, byReference = BY_REFERENCE_BYTES): Uint8Array[] {
  const largest = largestTensor(r.outputs);
  return alignedMessage(
    inferResponseSize(r),
    largest,
    (out) => {
      for (const s of r.outputNames) out.str(1, s, true);
      for (const t of r.outputs) writeTensor(out, 2, t, largest);
      for (const s of r.keys) out.str(3, s, true);
      for (const e of r.errors) writeRowError(out, e);
      for (const t of r.trace) writeTiming(out, t);
    },
    byReference,
  );
}

/**
 * The head a forwarding stage puts in front of its next hop's reply, unchanged: its own row errors
 * and timing. Protobuf merges concatenated messages (repeated fields append), so
 * `head ++ reply` decodes as the reply with these errors and this timing first. The head ends with
 * a padding field that makes its length a multiple of 8, so the reply's tensor data keeps the
 * 8-byte alignment its sender gave it.
 */
export function encodeResponseHead(errors: readonly RowError[], trace: readonly StageTiming[]): Uint8Array {
  const head: InferResponse = {
    outputNames: [],
    outputs: [],
    keys: [],
    errors: [...errors],
    trace: [...trace],
  };
  const size = inferResponseSize(head);
  const pad = (8 - ((size + 2) % 8)) % 8;
  const out = new Out(allocBytes(size + 2 + pad));
  for (const e of errors) writeRowError(out, e);
  for (const t of trace) writeTiming(out, t);
  out.tag(PAD_FIELD, LEN);
  out.varint(pad);
  out.raw(new Uint8Array(pad));
  return out.buf as Uint8Array;
}
