import { decodeTxMessage, InProcessBus, TxPublisher, type TxStreamSpec, txStreamConfig } from '@raqib/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, contractTx, type TestServer, testServer } from '../test-support.ts';

const spec: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions: 4 };
let bus: InProcessBus;
let s: TestServer;
let plain: TestServer;
beforeAll(async () => {
  bus = new InProcessBus();
  await bus.ensureStream(txStreamConfig(spec));
  s = await testServer({ stream: new TxPublisher(bus, spec) });
  plain = await testServer();
});
afterAll(async () => {
  await s.app.close();
  await plain.app.close();
});

const post = (server: TestServer, payload: unknown, key = server.keys.analyst) =>
  server.app.inject({
    method: 'POST',
    url: '/v1/stream/transactions',
    headers: bearer(key),
    payload: payload as string,
  });

/** Every payment the stream holds (in rounds: docs/decisions/0064-rounds.md), decoded, with its message's subject. */
async function streamed() {
  const reader = await bus.reader(spec.name, { filterSubject: 'raqib.tx.*.o', startSeq: 1 });
  const got = await reader.fetch(1000, 0);
  await reader.close();
  return got.flatMap((d) => {
    const m = decodeTxMessage(d.data);
    if (m.kind === 'tx') return [{ subject: d.subject, tx: m.tx }];
    return m.part.entries.map((e) => ({ subject: d.subject, tx: e.tx }));
  });
}

describe('POST /v1/stream/transactions', () => {
  it('publishes a batch to the stream, each on its payer’s partition, and answers 202 without scores', async () => {
    const res = await post(s, { transactions: [contractTx('s1', '250.00'), contractTx('s2', '12000.50')] });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ stream: 'RAQIB_TX', partitions: 4, accepted: 2, stored: 2, duplicates: 0 });
    const messages = await streamed();
    expect(messages.map((m) => m.tx.id)).toEqual(['s1', 's2']);
    expect(messages[1]!.tx).toMatchObject({ amountPaid: 1_200_050, currencyPaid: 'AED', fromAccount: 'A-1' });
    // both are paid by A-1 at BANK1: one partition, named in the subject
    expect(new Set(messages.map((m) => m.subject)).size).toBe(1);
    expect(messages[0]!.subject).toMatch(/^raqib\.tx\.[0-3]\.o$/);
    // nothing was scored or stored by the server itself: the workers judge
    expect(await s.deps.transactions.getTransactions(['s1', 's2'])).toEqual([]);
  });

  it('stores a retried request once', async () => {
    // the same request again (a client that did not hear the 202): the same round, de-duplicated by the stream
    const res = await post(s, { transactions: [contractTx('s1', '250.00'), contractTx('s2', '12000.50')] });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ accepted: 2, stored: 0, duplicates: 2 });
    expect((await streamed()).length).toBe(2);
  });

  it('refuses a batch with an invalid record whole, naming it, and publishes nothing', async () => {
    const res = await post(s, { transactions: [contractTx('s3', '10'), contractTx('s4', '-5')] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('INVALID_RECORDS');
    expect(res.json().error.details).toEqual([expect.objectContaining({ index: 1, id: 's4' })]);
    expect((await streamed()).map((m) => m.tx.id)).toEqual(['s1', 's2']);
  });

  it('refuses a batch with a payment dated more than a day after its clock, which would make the rest late', async () => {
    // the test server's clock: 2026-11-29 09:00 UTC; a year typed wrong, and one hour past a day ahead
    const res = await post(s, {
      transactions: [
        contractTx('s6', '10', { ts: '2026-11-30T08:00:00Z' }),
        contractTx('s7', '10', { ts: '2062-11-20T10:00:00Z' }),
        contractTx('s8', '10', { ts: '2026-11-30T10:00:00Z' }),
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ index: 1, id: 's7', reason: expect.stringMatching(/more than a day after/) }),
      expect.objectContaining({ index: 2, id: 's8' }),
    ]);
    expect((await streamed()).map((m) => m.tx.id)).toEqual(['s1', 's2']);
  });

  it('refuses a pacs.008 batch with a payment past the stream’s limits, naming it, instead of failing whole', async () => {
    // pacs.008 bounds no id length: a 129-character UETR would make every worker reject its part; the reader refuses
    // it as the transaction contract does (as it does in a file), naming the record
    const uetr = 'u'.repeat(129);
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-20T08:00:00</CreDtTm><NbOfTxs>1</NbOfTxs></GrpHdr><CdtTrfTxInf>
<PmtId><EndToEndId>e</EndToEndId><UETR>${uetr}</UETR></PmtId><IntrBkSttlmAmt Ccy="USD">10.00</IntrBkSttlmAmt>
<IntrBkSttlmDt>2026-11-20</IntrBkSttlmDt><DbtrAgt><FinInstnId><BICFI>BANKAEAD</BICFI></FinInstnId></DbtrAgt>
<DbtrAcct><Id><Othr><Id>1</Id></Othr></Id></DbtrAcct><CdtrAgt><FinInstnId><BICFI>BANKTRIS</BICFI></FinInstnId></CdtrAgt>
<CdtrAcct><Id><Othr><Id>2</Id></Othr></Id></CdtrAcct></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>`;
    const res = await s.app.inject({
      method: 'POST',
      url: '/v1/stream/transactions',
      headers: { ...bearer(s.keys.analyst), 'content-type': 'application/xml' },
      payload: xml,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({
        element: 'CdtTrfTxInf[0]',
        reason: 'id too long: PmtId has 129 characters (at most 128)',
      }),
    ]);
    expect((await streamed()).map((m) => m.tx.id)).toEqual(['s1', 's2']);
  });

  it('says so when the server has no stream, and wants a key', async () => {
    const res = await post(plain, contractTx('s5', '10'));
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'STREAM_UNAVAILABLE',
      message: expect.stringMatching(/--nats/),
    });
    const anonymous = await s.app.inject({ method: 'POST', url: '/v1/stream/transactions', payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });
});
