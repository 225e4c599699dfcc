import type { Case } from '@raqib/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, type StrDocument } from '../../api/endpoints.ts';
import { useSession } from '../../auth/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { parseIndicatorCodes } from './str-indicators.ts';
import { tokenizeXml } from './xml-preview.ts';

function XmlPreview({ xml }: { xml: string }) {
  const tokens = useMemo(() => tokenizeXml(xml), [xml]);
  return (
    <pre className="xml" dir="ltr" data-testid="str-preview">
      {tokens.map((tk, i) =>
        tk.kind === 'text' ? (
          tk.text
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: tokens are positional and never reorder
          <span key={i} className={`x-${tk.kind}`}>
            {tk.text}
          </span>
        ),
      )}
    </pre>
  );
}

/** Saves the XML exactly as the server produced it, so the filed bytes match the hash the supervisor approved. */
function download(doc: StrDocument) {
  const url = URL.createObjectURL(new Blob([doc.xml], { type: 'application/xml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = doc.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * goAML STR for the case: generate (the server builds and records the draft's hash), preview, download, and
 * the four-eyes approval, which a supervisor other than the drafter gives for this exact draft.
 */
export function StrPanel({ current }: { current: Case }) {
  const { t, fmt } = useLocale();
  const { client, identity } = useSession();
  const queryClient = useQueryClient();
  const [generated, setGenerated] = useState<StrDocument | null>(null);
  const draft = current.draft;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['case', current.id] });
    await queryClient.invalidateQueries({ queryKey: ['audit', current.id] });
  };
  const [indicatorText, setIndicatorText] = useState('');
  const [reason, setReason] = useState('');
  const parsed = parseIndicatorCodes(indicatorText);
  const generate = useMutation({
    mutationFn: () =>
      api.draftStr(client, current.id, {
        ...(parsed.codes.length > 0 ? { indicators: parsed.codes } : {}),
        ...(reason.trim() !== '' ? { reason: reason.trim() } : {}),
      }),
    onSuccess: async (result) => {
      setGenerated(result);
      await refresh();
    },
  });
  const approve = useMutation({ mutationFn: () => api.approveStr(client, current.id), onSuccess: refresh });
  // a draft made earlier (or by a colleague) is loaded as stored, so a supervisor previews and downloads exactly
  // what they approve; loaded ahead of the click because browsers block downloads started after an await
  const needStored = draft !== undefined && generated?.documentHash !== draft.documentHash;
  const stored = useQuery({
    queryKey: ['str', current.id, draft?.documentHash],
    queryFn: () => api.latestStr(client, current.id),
    enabled: needStored,
  });
  const doc = needStored ? (stored.data ?? null) : generated;
  const approved = draft !== undefined && current.approval?.documentHash === draft.documentHash;
  const final = current.status === 'reported' || current.status === 'closed';
  const canApprove =
    identity.role !== 'analyst' && draft !== undefined && !approved && current.status === 'escalated';
  return (
    <div className="str" data-testid="str-panel">
      {!final && (
        <div className="str-form">
          <label className="field">
            <span>{t('case.str.indicatorCodes')}</span>
            <input
              name="strIndicators"
              dir="ltr"
              value={indicatorText}
              placeholder={t('case.str.indicatorHint')}
              onChange={(e) => setIndicatorText(e.target.value)}
            />
            {parsed.invalid.length > 0 && (
              <span className="error small">
                {t('case.str.invalidCodes', { codes: parsed.invalid.join(' ') })}
              </span>
            )}
          </label>
          <label className="field grow">
            <span>{t('case.str.reason')}</span>
            <textarea
              name="strReason"
              rows={2}
              value={reason}
              placeholder={t('case.str.reasonHint')}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
        </div>
      )}
      <div className="str-actions">
        <button
          type="button"
          className="primary"
          disabled={generate.isPending || final || parsed.invalid.length > 0}
          onClick={() => generate.mutate()}
          data-testid="str-generate"
        >
          {t('case.str.generate')}
        </button>
        <button
          type="button"
          disabled={doc === null}
          onClick={() => doc && download(doc)}
          data-testid="str-download"
        >
          {t('case.str.download')}
        </button>
        {canApprove && (
          <button type="button" disabled={approve.isPending} onClick={() => approve.mutate()}>
            {t('case.str.approve')}
          </button>
        )}
      </div>
      <div className="str-status">
        {draft === undefined ? (
          <span className="muted">{t('case.str.none')}</span>
        ) : (
          <>
            <span className="small">
              {t('case.str.hash')}:{' '}
              <bdi dir="ltr" className="mono">
                {draft.documentHash}
              </bdi>
            </span>
            {approved && current.approval ? (
              <span className="badge status-reported">
                {t('case.str.approved', { by: current.approval.by, at: fmt.dateTime(current.approval.at) })}
              </span>
            ) : (
              <span className="badge status-escalated">{t('case.str.notApproved')}</span>
            )}
          </>
        )}
      </div>
      {(generate.error ?? approve.error ?? stored.error) instanceof Error && (
        <p className="error" role="alert">
          {(generate.error ?? approve.error ?? stored.error)?.message}
        </p>
      )}
      {doc !== null && doc.indicators.length > 0 && (
        <p className="small">
          {t('case.str.indicators')}:{' '}
          {doc.indicators.map((code) => (
            <span key={code} className="tag" dir="ltr">
              {code}
            </span>
          ))}
          {doc.unknownIndicators.length > 0 && (
            <span className="error">
              {' '}
              · {t('case.str.unknownIndicators', { codes: doc.unknownIndicators.join(', ') })}
            </span>
          )}
        </p>
      )}
      {doc !== null && (
        <>
          <h3>{t('case.str.preview')}</h3>
          <XmlPreview xml={doc.xml} />
        </>
      )}
    </div>
  );
}
