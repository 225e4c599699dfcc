import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, contractTx, type TestServer, testServer } from '../test-support.ts';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..');
const pacsSample = resolve(
  repoRoot,
  '../shared/data/iso20022/samples/moov-wire20022__pacs008_CustomerCreditTransfer_Scenario1_Step1.xml',
);

let s: TestServer;
beforeAll(async () => {
  s = await testServer({ bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  await s.app.close();
});

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  s.app.inject({
    method: 'POST',
    url: '/v1/transactions',
    headers: { ...bearer(s.keys.analyst), ...headers },
    payload: payload as string,
  });

const pacs = (body: string) => `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-20T08:00:00</CreDtTm><NbOfTxs>1</NbOfTxs></GrpHdr>${body}
</FIToFICstmrCdtTrf></Document>`;
const cdt = (
  id: string,
  amount: string,
  ccy = 'AED',
) => `<CdtTrfTxInf><PmtId><EndToEndId>${id}</EndToEndId></PmtId>
<IntrBkSttlmAmt Ccy="${ccy}">${amount}</IntrBkSttlmAmt><IntrBkSttlmDt>2026-11-20</IntrBkSttlmDt>
<DbtrAgt><FinInstnId><BICFI>BANKAEAD</BICFI></FinInstnId></DbtrAgt><Dbtr><Nm>ليلى حسن</Nm></Dbtr>
<DbtrAcct><Id><IBAN>AE070331234567890123456</IBAN></Id></DbtrAcct>
<CdtrAgt><FinInstnId><BICFI>BANKTRIS</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>Acme</Nm><PstlAdr><Ctry>TR</Ctry></PstlAdr></Cdtr>
<CdtrAcct><Id><Othr><Id>998877</Id></Othr></Id></CdtrAcct></CdtTrfTxInf>`;

describe('POST /v1/transactions', () => {
  it('scores one JSON transaction and stores it', async () => {
    const res = await post(contractTx('j1', '250.00'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      results: [{ id: 'j1', score: 0.1, flag: false, typologies: [], detectors: [], alertIds: [] }],
    });
    const [stored] = await s.deps.transactions.getTransactions(['j1']);
    expect(stored?.tx).toMatchObject({
      amountPaid: 25_000,
      currencyPaid: 'AED',
      debtorName: 'محمد بن عبدالله الهاشمي',
    });
  });

  it('scores a batch, returns detectors and alert ids, and stores the alerts', async () => {
    const res = await post({ transactions: [contractTx('j2', '50'), contractTx('j3', '12000.50')] });
    expect(res.statusCode).toBe(200);
    const [small, large] = res.json().results;
    expect(small).toMatchObject({ id: 'j2', flag: false });
    expect(large).toMatchObject({ id: 'j3', flag: true, score: 0.9, typologies: ['STRUCTURING'] });
    expect(large.detectors).toEqual([
      { detector: 'large-amount', version: '1', band: '.03', value: 1, unit: 'count' },
    ]);
    const alert = await s.deps.alerts.getAlert(large.alertIds[0]);
    expect(alert?.transactions).toEqual(['j3']);
    const detail = await s.app.inject({
      method: 'GET',
      url: `/v1/alerts/${alert?.id}`,
      headers: bearer(s.keys.analyst),
    });
    expect(detail.json().evidence.transactions[0].tx.id).toBe('j3');
  });

  it('refuses a batch with bad records, naming each, and processes none', async () => {
    const res = await post({
      transactions: [
        contractTx('ok', '1'),
        contractTx('bad1', '1.234'),
        { ...contractTx('bad2', '1'), currencyPaid: 'XYZ' },
      ],
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('INVALID_RECORDS');
    expect(body.error.details).toEqual([
      { index: 1, id: 'bad1', reason: expect.stringContaining('amountPaid') },
      { index: 2, id: 'bad2', reason: expect.stringContaining('currencyPaid') },
    ]);
    expect(await s.deps.transactions.getTransactions(['ok'])).toEqual([]);
  });

  it('reads pacs.008 XML bodies', async () => {
    const res = await post(pacs(cdt('p1', '15000.00') + cdt('p2', '10.00')), {
      'content-type': 'application/xml',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((r: { id: string; flag: boolean }) => [r.id, r.flag])).toEqual([
      ['p1', true],
      ['p2', false],
    ]);
    const [p1] = await s.deps.transactions.getTransactions(['p1']);
    expect(p1?.tx).toMatchObject({
      fromBank: 'BANKAEAD',
      fromAccount: 'AE070331234567890123456',
      toAccount: '998877',
      toCountry: 'TR',
      debtorName: 'ليلى حسن',
    });
  });

  it('names the bad CdtTrfTxInf of a pacs.008 body', async () => {
    const res = await post(pacs(cdt('p3', '1.00') + cdt('p4', 'abc')), { 'content-type': 'application/xml' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { index: 1, element: 'CdtTrfTxInf[1]', line: 8, reason: expect.stringContaining('IntrBkSttlmAmt') },
    ]);
  });

  it.skipIf(!existsSync(pacsSample))(
    'reads a published pacs.008 sample (skipped without ../shared)',
    async () => {
      const res = await post(readFileSync(pacsSample, 'utf8'), { 'content-type': 'application/xml' });
      expect(res.statusCode).toBe(200);
      expect(res.json().results).toEqual([
        expect.objectContaining({ id: '8a562c67-ca16-48ba-b074-65581be6f011', flag: true }),
      ]);
    },
  );

  it('refuses XML with external entities or entity expansion', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>`;
    const bomb = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Document>&b;</Document>`;
    for (const xml of [xxe, bomb]) {
      const res = await post(xml, { 'content-type': 'application/xml' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('XML_REJECTED');
    }
    const broken = await post('<Document><FIToFICstmrCdtTrf>', { 'content-type': 'application/xml' });
    expect(broken.json().error.code).toBe('XML_REJECTED');
  });

  it('enforces the body size limit and the media types', async () => {
    const big = { transactions: Array.from({ length: 400 }, (_, i) => contractTx(`big${i}`, '1')) };
    const res = await post(big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
    const text = await post('hello', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const tooMany = await post({ transactions: Array.from({ length: 1001 }, () => ({})) });
    expect(tooMany.json().error.code).toBe('VALIDATION');
  });
});

describe('resubmitted transactions', () => {
  it('are answered with their first assessment and not scored again, also within one batch', async () => {
    let processed = 0;
    const server = await testServer();
    const scorer = server.deps.scorer;
    const counting = {
      process: (tx: Parameters<typeof scorer.process>[0]) => {
        processed++;
        return scorer.process(tx);
      },
      drainAlerts: () => scorer.drainAlerts(),
    };
    const app = (await testServer({ ...server.deps, scorer: counting })).app;
    const send = (payload: object) =>
      app.inject({ method: 'POST', url: '/v1/transactions', headers: bearer(server.keys.analyst), payload });
    const first = await send(contractTx('d1', '15000'));
    expect(first.json().results[0]).toMatchObject({ id: 'd1', flag: true });
    const again = await send({
      transactions: [contractTx('d1', '15000'), contractTx('d2', '5'), contractTx('d2', '5')],
    });
    expect(again.json().results).toEqual([
      { ...first.json().results[0], detectors: [], duplicate: true },
      expect.objectContaining({ id: 'd2', flag: false }),
      expect.objectContaining({ id: 'd2', duplicate: true }),
    ]);
    expect(processed).toBe(2);
    await app.close();
    await server.app.close();
  });
});
