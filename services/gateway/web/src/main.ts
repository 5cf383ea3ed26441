/**
 * The gateway's page, the web twin of GraphPipe's "Classy": files (picked, photographed or
 * dropped) go to the preprocessor as bytes, URLs to the downloader, in the chosen sequencing mode;
 * a card per image, a waterfall per batch, and the gateway's pools.
 */
import './style.css';
import { KeyNeeded, modelMetadata, modelNames, setApiKey } from './api.js';
import { createCard, settleCard, type Item } from './cards.js';
import { shrinkForUpload, type Upload } from './downscale.js';
import { formatBytes } from './format.js';
import { modelChoice, showModel, type ModelChoice } from './model-choice.js';
import { pickedFiles } from './picked-files.js';
import { startPoolsPanel } from './pools-panel.js';
import { runBatch, type BatchResult, type Choice, type Mode } from './run-batch.js';
import { renderWaterfall } from './waterfall.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = (text: string): void => void ($('status').textContent = text);

const MODE_NOTES: Record<Mode, string> = {
  hybrid: 'One call: the first stage runs the rest of the route the page gives it.',
  server: 'One call: each stage forwards to its own default next stage; the chain picks the model.',
  client: 'The page calls each stage itself and carries the bytes between them.',
};

const files = pickedFiles([$('files'), $('camera')], $('drop'), $('picked'));
let model: ModelChoice | undefined;
let previews: string[] = [];

/** Shows the key field; `focus` moves there only when the person asked for something. */
function askForKey(message: string, focus: boolean): void {
  $('key-row').hidden = false;
  const refused = ($('apikey') as HTMLInputElement).value !== '';
  $('key-note').textContent = refused
    ? 'The gateway refused that API key: check it and press Classify.'
    : 'The gateway asks for an API key: enter it and press Classify.';
  $('key-note').title = message;
  status(refused ? 'The API key was refused.' : 'The gateway asks for an API key.');
  if (focus) $('apikey').focus();
}

async function loadModel(focus = false): Promise<ModelChoice | undefined> {
  if (model) return model;
  try {
    const wanted = ($('model') as HTMLSelectElement).value;
    const [meta, names] = await Promise.all([modelMetadata(wanted), modelNames().catch(() => [])]);
    model = modelChoice(meta);
    showModel($('model'), $('model-note'), model, meta, names);
    if (!$('key-row').hidden) status('The API key was accepted.');
    const t = model.target;
    $('downscale-note').textContent = t
      ? `Photos larger than ${t.width}×${t.height} (twice the model's input) are sent as smaller JPEGs.`
      : 'The model does not say its input size: photos are sent as they are.';
  } catch (error) {
    if (error instanceof KeyNeeded) askForKey(error.message, focus);
    else $('model-note').textContent = `The model's metadata could not be read: ${(error as Error).message}`;
  }
  return model;
}

function uploadWords(upload: Upload): string {
  const size = formatBytes(upload.blob.size);
  if (!upload.resized || !upload.from || !upload.to) return `Uploaded ${size} as it is.`;
  return `Uploaded ${size}: shrunk from ${upload.from.width}×${upload.from.height} to ${upload.to.width}×${upload.to.height}.`;
}

async function classifyAll(
  items: Item[],
  choice: Choice,
  topK: number,
  shrink: boolean,
): Promise<BatchResult[]> {
  const cards = new Map(items.map((item) => [item.key, createCard(item)]));
  $('cards').replaceChildren(...cards.values());
  $('results').hidden = false;
  const batches: BatchResult[] = [];
  const fileItems = items.filter((i) => i.kind === 'file');
  const urlItems = items.filter((i) => i.kind === 'url');
  const notes = new Map<string, string>();
  if (fileItems.length) {
    status(`Preparing ${fileItems.length} file(s)…`);
    const uploads = await Promise.all(
      fileItems.map((i) =>
        shrink ? shrinkForUpload(i.file, model?.target) : { blob: i.file, resized: false },
      ),
    );
    uploads.forEach((u, n) => notes.set(fileItems[n]?.key ?? '', uploadWords(u)));
    const bytes = await Promise.all(uploads.map(async (u) => new Uint8Array(await u.blob.arrayBuffer())));
    status(`Classifying ${fileItems.length} file(s), ${choice.mode} sequencing…`);
    batches.push(
      await runBatch(
        'image',
        bytes,
        fileItems.map((i) => i.key),
        choice,
      ),
    );
  }
  if (urlItems.length) {
    status(`Classifying ${urlItems.length} URL(s), ${choice.mode} sequencing…`);
    batches.push(
      await runBatch(
        'url',
        urlItems.map((i) => i.url),
        urlItems.map((i) => i.key),
        choice,
      ),
    );
  }
  for (const batch of batches) {
    for (const [key, result] of batch.rows) {
      const card = cards.get(key);
      if (card) settleCard(card, result, topK, notes.get(key) ?? '');
    }
  }
  return batches;
}

async function onSubmit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  setApiKey(($('apikey') as HTMLInputElement).value);
  const urls = ($('urls') as HTMLTextAreaElement).value
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = files.files();
  if (picked.length + urls.length === 0) {
    status('Pick, photograph or drop an image, or paste a URL first.');
    return;
  }
  for (const url of previews) URL.revokeObjectURL(url);
  previews = picked.map((f) => URL.createObjectURL(f));
  const items: Item[] = [
    ...picked.map((file, i) => ({
      key: String(i + 1),
      kind: 'file' as const,
      file,
      preview: previews[i] ?? '',
    })),
    ...urls.map((url, i) => ({ key: String(picked.length + i + 1), kind: 'url' as const, url })),
  ];
  const mode = ($('mode') as HTMLSelectElement).value as Mode;
  const topK = Math.max(1, Math.min(10, Number(($('topk') as HTMLInputElement).value) || 3));
  const go = $('go') as HTMLButtonElement;
  go.disabled = true;
  try {
    const m = await loadModel(true);
    if (!m && !$('key-row').hidden) return;
    const modelConfig = { top_k: topK, ...(m?.name ? { model: m.name } : {}) };
    const choice: Choice = { mode, modelConfig, preprocess: m?.preprocess ?? {} };
    const started = performance.now();
    const batches = await classifyAll(items, choice, topK, ($('downscale') as HTMLInputElement).checked);
    $('batches').replaceChildren(...batches.map(renderWaterfall));
    $('timing').hidden = false;
    const failed = batches.reduce((n, b) => n + [...b.rows.values()].filter((r) => !r.ok).length, 0);
    const ms = Math.round(performance.now() - started);
    status(`Done: ${items.length} image(s) in ${ms} ms${failed ? `, ${failed} failed` : ''}.`);
  } catch (error) {
    if (error instanceof KeyNeeded) askForKey(error.message, true);
    else status(`Classification failed: ${(error as Error).message}`);
  } finally {
    go.disabled = false;
  }
}

function showModeNote(): void {
  $('mode-note').textContent = MODE_NOTES[($('mode') as HTMLSelectElement).value as Mode];
}

$('form').addEventListener('submit', (event) => void onSubmit(event as SubmitEvent));
$('mode').addEventListener('change', showModeNote);
// Once the key is typed, the model menu can fill without waiting for Classify.
$('apikey').addEventListener('change', () => {
  setApiKey(($('apikey') as HTMLInputElement).value);
  void loadModel();
});
showModeNote();
void loadModel();
startPoolsPanel($('pool-table'), $('pools-note'));
$('model').addEventListener('change', () => {
  model = undefined; // read the chosen model's metadata: its input size and preprocessing hint
  void loadModel();
});
