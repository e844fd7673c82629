// Uploads to ingest-service: POST /api/uploads (multipart field `file`) through XMLHttpRequest, whose upload
// progress events fetch() does not give, then GET /api/uploads/{id} to follow the file through extraction.

/** Where an upload is in ingest-service (its UploadStatus wire values). */
export type UploadStatus = 'received' | 'extracting' | 'extracted' | 'failed';

/** The extraction's outcome (ingest-service's AssetStatus wire values). */
export type Outcome = 'pending' | 'extracted' | 'no_family' | 'unreadable' | 'too_large' | 'failed';

/** ingest-service's UploadView. */
export interface IngestUpload {
  id: string;
  fileName: string;
  sizeBytes: number;
  digest: string;
  status: UploadStatus;
  outcome: Outcome | null;
  /** Why it failed, naming the file. */
  reason: string | null;
  /** Set once extracted. */
  cellId: string | null;
  receivedAt: string;
  updatedAt: string;
}

/** A refusal by ingest-service (or an unreachable one): `message` is its own text. */
export class IngestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The URL of an ingest-service path: the configured base, or the page's origin when none is configured. */
export function ingestUrl(base: string, path: string): string {
  return base ? `${base.replace(/\/+$/, '')}/${path}` : path;
}

/** The refusal's text: ingest's ErrorBody `{"error"}`, a framework's `{"message"}`, else the body or status line. */
export function refusalText(status: number, statusText: string, body: string): string {
  try {
    const j = JSON.parse(body);
    if (j && typeof j.error === 'string') return j.error;
    if (j && typeof j.message === 'string') return j.message;
  } catch {
    // not JSON
  }
  const text = body.trim();
  return text && text.length < 300 && !text.startsWith('<') ? text : `${status} ${statusText}`.trim();
}

/**
 * Sends one file; `progress` gets the bytes sent and the total as the browser reports them. Resolves with the
 * accepted upload (202); rejects with an IngestError carrying the service's reason (status 0: not reachable).
 */
export function sendFile(base: string, file: File, progress: (sent: number, total: number) => void): Promise<IngestUpload> {
  const url = ingestUrl(base, 'api/uploads');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => progress(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as IngestUpload);
        } catch {
          reject(new IngestError(xhr.status, `the ingest service answered ${xhr.status} without an upload`));
        }
      } else {
        reject(new IngestError(xhr.status, refusalText(xhr.status, xhr.statusText, xhr.responseText)));
      }
    });
    xhr.addEventListener('error', () => reject(new IngestError(0, `the ingest service (${url}) could not be reached`)));
    xhr.addEventListener('abort', () => reject(new IngestError(0, 'the upload was cancelled')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The upload as ingest-service has it now. */
export async function uploadStatus(base: string, id: string): Promise<IngestUpload> {
  const res = await fetch(ingestUrl(base, `api/uploads/${encodeURIComponent(id)}`), {
    headers: { Accept: 'application/json' },
  });
  if (!res.ok) throw new IngestError(res.status, refusalText(res.status, res.statusText, await res.text()));
  return (await res.json()) as IngestUpload;
}

/** An outcome in plain words (the reason, shown beside it, names the file and the cause). */
export function outcomeWords(outcome: Outcome | null): string {
  switch (outcome) {
    case 'no_family': return 'no long-square current-clamp steps were found in it';
    case 'unreadable': return 'it could not be read';
    case 'too_large': return 'it is larger than the service accepts';
    case 'failed': return 'processing it failed';
    default: return 'it was not extracted';
  }
}
