/**
 * One fuzz case from (seed, index): which stage, which encoding and Content-Type, which path, and
 * the body — a bent request, a mutated one, or random bytes.
 */
import { caseRandom } from '../helpers/seeded-random.js';
import { mutate, toJson, toProtobuf } from './encode.js';
import type { Payloads } from './payloads.js';
import { randomRequest, type Target } from './requests.js';

export interface FuzzCase {
  index: number;
  target: Target;
  path: string;
  contentType: string | undefined;
  body: Uint8Array;
  /** How the body was made, for the failure report. */
  kind: 'request' | 'mutated' | 'random';
}

const TARGETS: Target[] = ['downloader', 'preprocessor', 'model'];
const ODD_TYPES = [
  undefined,
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-8',
  'application/vnd.x+json',
  'application/octet-stream',
  'APPLICATION/X-PROTOBUF',
];
const ODD_PATHS = [
  '/nope',
  '/healthz',
  '/v1/models/mnist:predict',
  '/v1/models/mnist/versions/9:predict',
  '/v2/models/mnist/infer',
  '/%ff',
  '//',
];

export function makeCase(seed: number, index: number, payloads: Payloads): FuzzCase {
  const r = caseRandom(seed, index);
  const target = TARGETS[index % TARGETS.length] as Target;
  const json = r.chance(0.4);
  const roll = r.next();
  const kind: FuzzCase['kind'] = roll < 0.65 ? 'request' : roll < 0.93 ? 'mutated' : 'random';
  let body: Uint8Array;
  if (kind === 'random') body = r.bytes(r.pick([0, 1, 2, 10, 100, r.int(0, 4000)]));
  else {
    const req = randomRequest(r, target, payloads, kind === 'mutated');
    body = json ? toJson(r, req) : toProtobuf(req);
    if (kind === 'mutated') body = mutate(r, body);
  }
  const contentType = r.chance(0.08)
    ? r.pick(ODD_TYPES)
    : json
      ? 'application/json'
      : 'application/x-protobuf';
  const path = r.chance(0.04) ? r.pick(ODD_PATHS) : '/';
  return { index, target, path, contentType, body, kind };
}
