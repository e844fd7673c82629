// Follows one file from the browser to the map: send it to ingest-service, poll the upload until it is
// extracted (or failed), then poll the atlas's cell until it is placed (or not, with the reason).
import { ApiError, type Api, type CellView } from '../api';
import { IngestError, outcomeWords, sendFile, uploadStatus, type IngestUpload } from './ingest';
import type { UploadItem } from './item';

/** The atlas's reasons that mean "not yet" rather than "never" (embedding-service's Atlas.onMap). */
const NOT_YET = new Set(['no features yet', 'waiting to be placed']);

/** How a followed upload ended. */
export type Followed =
  | { kind: 'placed'; cell: CellView }
  | { kind: 'refused' };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls often at first, then every 5 s: extraction and features take seconds when idle, minutes under load. */
function pause(attempt: number): Promise<void> {
  return sleep(Math.min(5000, 1000 + 250 * attempt));
}

function minutes(since: number): string {
  const s = Math.round((Date.now() - since) / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A failure worth trying again: the network, or a service answering 5xx (busy, restarting). */
function passing(e: unknown): boolean {
  if (e instanceof IngestError || e instanceof ApiError) return e.status === 0 || e.status >= 500;
  return e instanceof TypeError; // fetch's network failure
}

export async function follow(file: File, ingestBase: string, api: Api, item: UploadItem): Promise<Followed> {
  item.step('sent', 'active', `sending ${file.name}`);
  let upload: IngestUpload;
  try {
    upload = await sendFile(ingestBase, file, (sent, total) => item.progress(sent, total));
  } catch (e) {
    item.step('sent', 'failed', 'the file was refused');
    const reason = e instanceof Error ? e.message : String(e);
    item.refuse(e instanceof IngestError && e.status > 0 ? `refused by the ingest service (HTTP ${e.status})`
      : 'not sent', reason);
    return { kind: 'refused' };
  }
  item.progress(file.size, file.size);
  item.step('sent', 'done', 'file sent');
  item.step('received', 'done', `received by the ingest service (upload ${upload.id})`);
  item.root.dataset.uploadId = upload.id;

  const cellId = await extracted(ingestBase, upload, item);
  if (cellId === null) return { kind: 'refused' };
  return placed(cellId, api, item);
}

/** Polls the upload until extracted (its cell id) or failed (null, the reason shown). */
async function extracted(ingestBase: string, first: IngestUpload, item: UploadItem): Promise<string | null> {
  const since = Date.now();
  let u = first;
  for (let attempt = 0; ; attempt++) {
    if (u.status === 'extracted' && u.cellId) {
      item.step('extracting', 'done', 'recording read');
      item.step('extracted', 'done', `long-square steps found: cell ${u.cellId}`);
      item.root.dataset.cellId = u.cellId;
      return u.cellId;
    }
    if (u.status === 'failed') {
      if (u.outcome === 'no_family') {
        item.step('extracting', 'done', 'recording read');
        item.step('extracted', 'failed', 'no long-square current-clamp steps found');
      } else {
        item.step('extracting', 'failed', 'the recording could not be read');
      }
      item.refuse(`not mapped: ${outcomeWords(u.outcome)}`, u.reason ?? 'the ingest service gave no reason');
      return null;
    }
    item.step('extracting', 'active', u.status === 'extracting' ? `reading the recording (${minutes(since)})`
      : `waiting for its turn to be read (${minutes(since)}; other files may be ahead of it)`);
    await pause(attempt);
    try {
      u = await uploadStatus(ingestBase, u.id);
    } catch (e) {
      if (!passing(e)) {
        item.step('extracting', 'failed');
        item.refuse('lost track of the upload', e instanceof Error ? e.message : String(e));
        return null;
      }
    }
  }
}

/** Polls the atlas's cell until it is placed or mapped, or will not be (the atlas's reason shown). */
async function placed(cellId: string, api: Api, item: UploadItem): Promise<Followed> {
  const since = Date.now();
  for (let attempt = 0; ; attempt++) {
    let cell: CellView | null = null;
    let waiting = 'waiting for the atlas to receive the cell';
    try {
      cell = await api.cell(cellId);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404) && !passing(e)) {
        item.step('features', 'failed');
        item.refuse('the atlas could not be read', e instanceof Error ? e.message : String(e));
        return { kind: 'refused' };
      }
      if (passing(e)) waiting = `the atlas did not answer (${e instanceof Error ? e.message : e}); trying again`;
    }
    const m = cell?.map;
    if (m && (m.status === 'placed' || m.status === 'mapped')) {
      item.step('features', 'done', 'features computed');
      item.step('placed', 'done', m.status === 'placed' ? `placed on map ${m.mapVersion}`
        : `built into map ${m.mapVersion}`);
      return { kind: 'placed', cell: cell! };
    }
    if (m && (m.status === 'left_off' || !NOT_YET.has(m.reason))) {
      const hasFeatures = m.reason !== 'no features yet';
      item.step('features', hasFeatures ? 'done' : 'failed', hasFeatures ? 'features computed' : undefined);
      item.step('placed', 'failed', 'not placed on the map');
      item.refuse(m.status === 'left_off' ? 'left off the map' : 'not placed on the map', m.reason);
      return { kind: 'refused' };
    }
    if (m && m.reason === 'waiting to be placed') {
      item.step('features', 'done', 'features computed');
      item.step('placed', 'active', `placing it on the map (${minutes(since)})`);
    } else {
      item.step('features', 'active', cell === null ? `${waiting} (${minutes(since)})`
        : m ? `computing its features (${minutes(since)})` : `waiting for a map (${minutes(since)})`);
    }
    await pause(attempt);
  }
}
