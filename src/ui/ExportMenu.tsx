import { useEffect, useState } from 'react';
import { currentProblems } from '../editor/lint-plugin.ts';
import { gapContext, placedGaps, selectGap } from '../editor/gaps.ts';
import type * as Formats from '../export/formats.ts';
import type { ExportFormat, ExportInput } from '../export/formats.ts';
import { exportReadiness } from '../export/readiness.ts';

/** The export formats (Word and friends are large): loaded when the dialog first opens. */
type FormatsModule = typeof Formats;
let formatsModule: Promise<FormatsModule> | null = null;
const loadFormats = () => (formatsModule ??= import('../export/formats.ts'));
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { downloadFile } from './download.ts';
import { useSession, useWorkspace } from './workspace-context.ts';

const PREVIEW_CHARS = 4000;

/**
 * The Export button and dialog: pick a format, see a preview, download. What is unfinished
 * (empty gaps, quotes without a confirmed speaker, open problems) is named before the file is
 * written; exporting never changes the article.
 */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="primary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportDialog({ onClose }: { onClose: () => void }) {
  const [formats, setFormats] = useState<FormatsModule | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadFormats().then((module) => !cancelled && setFormats(module));
    return () => {
      cancelled = true;
    };
  }, []);
  if (!formats) return null;
  return <ExportDialogBody formats={formats} onClose={onClose} />;
}

/** Empty gaps named one by one in the dialog; more are counted, so its buttons stay in view. */
const LISTED_GAPS = 5;

function ExportDialogBody({ formats, onClose }: { formats: FormatsModule; onClose: () => void }) {
  const { EXPORT_FORMATS, exportFileName } = formats;
  const workspace = useWorkspace();
  const session = useSession();
  const [format, setFormat] = useState<ExportFormat>(EXPORT_FORMATS[0]!);
  const [preview, setPreview] = useState<string>('');
  const id = workspace.store.getState().currentId;
  const article = id ? workspace.store.getState().articles[id] : undefined;
  const state = session?.getState();
  const input: ExportInput | null = article && state ? { ...article, doc: state.doc } : null;

  useEffect(() => {
    let cancelled = false;
    if (!input) return;
    input.doc.check();
    void format.build(input).then(
      (content) => {
        if (cancelled) return;
        setPreview(typeof content === 'string' ? content.slice(0, PREVIEW_CHARS) + (content.length > PREVIEW_CHARS ? '\n…' : '') : `Word document, ${Math.ceil(content.length / 1024)} KB — open it in a word processor.`);
      },
      (error: unknown) => !cancelled && setPreview(`Could not build this format: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [format, state?.doc]);

  if (!input || !state || !session) return null;
  const readiness = exportReadiness(state.doc);
  const empty = placedGaps(state).filter((gap) => gap.fill === '');
  const total = placedGaps(state).length;
  const problems = currentProblems(state).length;
  const unfinished = readiness.emptyGaps > 0 || readiness.unconfirmedQuotes > 0 || problems > 0;

  const download = async () => {
    try {
      const content = await format.build(input);
      downloadFile(exportFileName(input, format), content as BlobPart, format.mime);
      workspace.store.getState().notify('info', `Exported ${format.label}.`);
      onClose();
    } catch (error) {
      workspace.store.getState().notify('error', `Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <ConfirmDialog
      title="Export"
      onCancel={onClose}
      actions={[
        ...(empty.length > 0
          ? [
              {
                label: 'Go to gap',
                run: () => {
                  onClose();
                  requestAnimationFrame(() => session.run(selectGap(empty[0]!.id)));
                },
              },
            ]
          : []),
        { label: unfinished ? 'Export anyway' : 'Download', primary: true, run: () => void download() },
      ]}
    >
      <div className="export-layout">
        <fieldset className="export-formats">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f.id} className="check">
              <input type="radio" name="format" checked={f.id === format.id} onChange={() => setFormat(f)} />
              {f.label}
            </label>
          ))}
        </fieldset>
        <div className="export-side">
          <p className="muted">{format.description}</p>
          {unfinished && (
            <div className="export-warnings" role="alert">
              <strong>Not finished yet:</strong>
              <ul>
                {empty.slice(0, LISTED_GAPS).map((gap) => {
                  const context = gapContext(state.doc, gap.pos);
                  return (
                    <li key={gap.id}>
                      Gap {gap.index + 1} of {total} is empty — “…{context.before} {gap.marker} {context.after}…” (written as “{gap.marker}”)
                    </li>
                  );
                })}
                {empty.length > LISTED_GAPS && (
                  <li>
                    and {empty.length - LISTED_GAPS} more empty {empty.length - LISTED_GAPS === 1 ? 'gap' : 'gaps'} (the Gaps panel lists them all)
                  </li>
                )}
                {readiness.unconfirmedQuotes > 0 && <li>{readiness.unconfirmedQuotes === 1 ? '1 quote has' : `${readiness.unconfirmedQuotes} quotes have`} no confirmed speaker</li>}
                {problems > 0 && <li>{problems === 1 ? '1 proofreading problem is' : `${problems} proofreading problems are`} open</li>}
              </ul>
            </div>
          )}
          <pre className="export-preview" aria-label="Preview" tabIndex={0}>
            {preview}
          </pre>
        </div>
      </div>
    </ConfirmDialog>
  );
}
