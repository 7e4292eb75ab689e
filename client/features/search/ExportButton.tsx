import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorBody } from '#client/api/http';
import { CsvRowCounter, fileNameOf } from './csvProgress';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number | null }
  | { phase: 'done'; rows: number }
  | { phase: 'failed'; reason: string };

/**
 * Download a streamed CSV export, showing how many rows have arrived (out of the total when the
 * server announces it), then hand the file to the browser as a download.
 */
export function ExportButton({ href, label, fallbackName }: { href: string; label: string; fallbackName: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const run = async () => {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    try {
      const res = await fetch(href, { credentials: 'same-origin', signal: ctl.signal });
      if (!res.ok || !res.body) {
        throw new Error(errorBody(await res.json().catch(() => null)).error ?? res.statusText);
      }
      const totalHeader = res.headers.get('x-export-rows');
      const total = totalHeader === null ? null : Number(totalHeader);
      const counter = new CsvRowCounter();
      const decoder = new TextDecoder();
      const parts: BlobPart[] = [];
      const reader = res.body.getReader();
      setState({ phase: 'running', done: 0, total });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        counter.push(decoder.decode(value, { stream: true }));
        setState({ phase: 'running', done: counter.rows, total });
      }
      const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ phase: 'done', rows: counter.rows });
    } catch (err) {
      if (ctl.signal.aborted) return;
      setState({ phase: 'failed', reason: err instanceof Error ? err.message : String(err) });
    }
  };
  const running = state.phase === 'running';
  return (
    <span className="export">
      <button type="button" onClick={() => void run()} disabled={running}>
        {label}
      </button>
      <span role="status" className="small muted export-status">
        {state.phase === 'running' &&
          (state.total !== null ? (
            <>
              <progress max={Math.max(1, state.total)} value={state.done} />{' '}
              {t('exports.progress', { done: state.done, total: state.total })}
            </>
          ) : (
            t('exports.progressOpen', { done: state.done })
          ))}
        {state.phase === 'done' && t('exports.done', { count: state.rows })}
        {state.phase === 'failed' && <span className="error">{t('exports.failed', { reason: state.reason })}</span>}
      </span>
    </span>
  );
}
