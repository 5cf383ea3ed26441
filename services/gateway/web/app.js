/* global document, fetch, atob, btoa */
// The gateway's web page: sends image URLs through the chain with the protocol's JSON mapping
// (tensors with base64 bytes) and shows each key's labels and scores, or its error code.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const $ = (id) => document.getElementById(id);

const toBase64 = (text) => btoa(Array.from(encoder.encode(text), (b) => String.fromCharCode(b)).join(''));

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const stringTensor = (values) => ({
  type: 'STRING',
  shape: [String(values.length)],
  stringVal: values.map(toBase64),
});

/** POSTs one InferRequest; resolves with the reply, whose errors say why when the status is not 2xx. */
async function infer(path, request, apiKey) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (apiKey) headers['x-api-key'] = apiKey;
  const res = await fetch(path, { method: 'POST', headers, body: JSON.stringify({ infer: request }) });
  let reply;
  try {
    reply = await res.json();
  } catch {
    reply = { errors: [{ key: '', code: `HTTP_${res.status}`, message: res.statusText, stage: 'gateway' }] };
  }
  return { ok: res.ok, reply };
}

/** Every key of `keys` failed with the request-level error of `reply`. */
function failAll(keys, reply) {
  const first = (reply.errors ?? []).find((e) => e.key === '') ?? reply.errors?.[0];
  const error = first ?? { code: 'INTERNAL', message: 'no reply', stage: '' };
  return { keys: [], errors: keys.map((key) => ({ ...error, key })), outputNames: [], outputTensors: [] };
}

async function hybrid(urls, keys, topK, apiKey) {
  const model = { target: 'model', config: JSON.stringify({ top_k: topK }) };
  const request = {
    inputTensors: [stringTensor(urls)],
    keys,
    route: { next: [{ target: 'preprocessor' }, model], mode: 'EXACT' },
  };
  const { ok, reply } = await infer('/v1/downloader', request, apiKey);
  return ok ? reply : failAll(keys, reply);
}

async function server(urls, keys, _topK, apiKey) {
  const request = { inputTensors: [stringTensor(urls)], keys, route: { mode: 'DEFAULT' } };
  const { ok, reply } = await infer('/v1/downloader', request, apiKey);
  return ok ? reply : failAll(keys, reply);
}

/** Client sequencing: this page calls each stage and carries the rows itself. */
async function client(urls, keys, topK, apiKey) {
  const headers = apiKey ? { 'x-api-key': apiKey } : {};
  const meta = await fetch('/v1/model', { headers }).then((r) => (r.ok ? r.json() : {}));
  const steps = [
    ['/v1/downloader', ''],
    ['/v1/preprocessor', meta.preprocess ?? ''],
    ['/v1/model', JSON.stringify({ top_k: topK })],
  ];
  let rows = { inputNames: [], inputTensors: [stringTensor(urls)], keys };
  const errors = [];
  let last = { outputNames: [], outputTensors: [], keys };
  for (const [path, config] of steps) {
    const request = { ...rows, config, route: { mode: 'EXACT' } };
    const { ok, reply } = await infer(path, request, apiKey);
    const result = ok ? reply : failAll(rows.keys, reply);
    errors.push(...(result.errors ?? []));
    last = result;
    if (!result.keys?.length) break;
    rows = { inputNames: result.outputNames, inputTensors: result.outputTensors, keys: result.keys };
  }
  return { ...last, errors };
}

/** Rows of a [N, k] output: classes as text, scores as numbers. */
function readOutputs(reply) {
  const names = reply.outputNames ?? [];
  const tensors = reply.outputTensors ?? [];
  const classes = tensors[names.indexOf('classes')];
  const scores = tensors[names.indexOf('scores')];
  const n = reply.keys?.length ?? 0;
  const rows = [];
  for (let i = 0; i < n; i++) rows.push([]);
  if (!scores) return rows;
  const k = Number(scores.shape?.[1] ?? 1);
  const bytes = fromBase64(scores.data ?? '');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const label = classes ? decoder.decode(fromBase64(classes.stringVal[i * k + j])) : String(j);
      rows[i].push({ label, score: view.getFloat32((i * k + j) * 4, true) });
    }
  }
  return rows;
}

function cell(tr, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  tr.append(td);
}

function render(keys, urls, reply) {
  const body = $('results').querySelector('tbody');
  body.replaceChildren();
  const outputs = readOutputs(reply);
  const rowOf = new Map((reply.keys ?? []).map((key, i) => [key, outputs[i]]));
  const errorOf = new Map((reply.errors ?? []).map((e) => [e.key, e]));
  keys.forEach((key, i) => {
    const tr = document.createElement('tr');
    cell(tr, key);
    cell(tr, urls[i], 'url');
    const labels = rowOf.get(key);
    const error = errorOf.get(key);
    if (labels && labels.length) {
      cell(tr, labels[0].label);
      cell(tr, labels[0].score.toFixed(4), 'score');
      cell(
        tr,
        labels
          .slice(1)
          .map((l) => `${l.label} (${l.score.toFixed(3)})`)
          .join(', '),
        'others',
      );
    } else {
      tr.className = 'error';
      cell(tr, error ? error.code : 'NO_RESULT');
      cell(tr, '');
      cell(tr, error ? `${error.message}${error.stage ? ` [${error.stage}]` : ''}` : '');
    }
    body.append(tr);
  });
  $('results').hidden = false;
}

const MODES = { hybrid, server, client };

$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const urls = $('urls')
    .value.split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  if (urls.length === 0) return;
  const keys = urls.map((_, i) => String(i + 1));
  const mode = $('mode').value;
  $('go').disabled = true;
  $('status').textContent = `Classifying ${urls.length} image(s), ${mode} sequencing…`;
  const started = performance.now();
  try {
    const reply = await MODES[mode](urls, keys, Number($('topk').value) || 3, $('apikey').value.trim());
    render(keys, urls, reply);
    const ms = Math.round(performance.now() - started);
    const stages = (reply.trace ?? []).map((t) => `${t.stage} ${Math.round(t.durationMs)} ms`).join(' → ');
    $('status').textContent = `Done in ${ms} ms${stages ? `: ${stages}` : ''}.`;
  } catch (error) {
    $('status').textContent = `Request failed: ${error.message}`;
  } finally {
    $('go').disabled = false;
  }
});
