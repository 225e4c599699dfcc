import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePacs008Text, readPacs008 } from './pacs008.ts';
import { isoTime } from './pacs008-record.ts';
import { Pacs008Scanner } from './pacs008-scanner.ts';
import { collect, fixture } from './test-support.ts';
import type { TxBatch } from './types.ts';

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'raqib-pacs-')), name);
  writeFileSync(path, text);
  return path;
}

describe('readPacs008', () => {
  it('reads the moov-io Fedwire sample: clearing member ids as banks, Othr/Id accounts, names, countries', async () => {
    const { accepted, rejected } = await collect(readPacs008(fixture('pacs008-moov-scenario1.xml')));
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([
      {
        id: '8a562c67-ca16-48ba-b074-65581be6f011',
        row: 0,
        ts: Date.UTC(2025, 3, 1, 2, 46, 56), // settlement date with the message's creation time (same day)
        fromBank: '021040078',
        fromAccount: '5647772655',
        toBank: '021040078',
        toAccount: '567876543',
        amountPaid: 51000074,
        currencyPaid: 'USD',
        amountReceived: 51000074,
        currencyReceived: 'USD',
        paymentFormat: 'Wire',
        fromCountry: 'US',
        toCountry: 'US',
        purpose: undefined,
        debtorName: 'Corporation A',
        creditorName: 'Corporation B',
      },
    ]);
  });

  it('decodes the predefined entities and character references in names, ids and remittance text', async () => {
    const xml = readFileSync(fixture('pacs008-moov-scenario1.xml'), 'utf8')
      .replace('<Nm>Corporation A</Nm>', '<Nm>Smith &amp; Sons O&apos;Brien &#x41;&#66;</Nm>')
      .replace('<UETR>8a562c67-ca16-48ba-b074-65581be6f011</UETR>', '')
      .replace('Scenario01EtoEId001', 'E2E&lt;1&gt;');
    const { accepted, rejected } = await collect(readPacs008(tempFile('entities.xml', xml)));
    expect(rejected).toEqual([]);
    expect(accepted[0]).toMatchObject({ debtorName: "Smith & Sons O'Brien AB", id: 'E2E<1>' });
  });

  it('reads the cross-border sample: BICs as banks, IBANs, postal country before the BIC country', async () => {
    const { accepted } = await collect(readPacs008(fixture('pacs008-moov-scenario5.xml')));
    expect(accepted[0]).toMatchObject({
      fromBank: 'BANZBEBB',
      fromAccount: 'BE34001216371411',
      toBank: 'BANYBRRJ',
      toAccount: 'BR9700360305000010009795493P1',
      fromCountry: 'BE',
      toCountry: 'US', // Cdtr/PstlAdr/Ctry says US although the BIC and IBAN are Brazilian
    });
  });

  it('reads a bulk message: InstdAmt as the paid leg, BIC countries, Ustrd lines, times and ids', async () => {
    const { accepted, rejected } = await collect(readPacs008(fixture('pacs008-bulk.xml')));
    expect(rejected).toEqual([]);
    expect(accepted.map((t) => [t.row, t.id])).toEqual([
      [0, '0f6a4a36-3f26-4a5e-9d2c-1d3b7c1e0a01'],
      [1, 'TX-2'],
      [2, 'E2E-3'],
    ]);
    const [a, b, c] = accepted;
    expect(a).toMatchObject({
      ts: Date.UTC(2026, 2, 2, 6, 15), // AccptncDtTm 09:15+03:00
      amountPaid: 1540250,
      currencyPaid: 'JOD',
      amountReceived: 198510,
      currencyReceived: 'EUR',
      fromBank: 'AHLIJOAX',
      toBank: 'DEUTDEFFXXX',
      fromCountry: 'JO', // from the BIC: no postal address in the message
      toCountry: 'DE',
      purpose: 'Invoice 2026-117 machine parts',
      debtorName: 'Omar Haddad',
    });
    expect(b).toMatchObject({
      fromBank: '021040078',
      fromAccount: '0012345678', // leading zeros kept
      fromCountry: 'JO',
      toCountry: 'KW',
      purpose: 'purpose code SUPP',
      ts: Date.UTC(2026, 2, 2, 8),
    });
    expect(c!.ts).toBe(Date.UTC(2026, 2, 3, 14, 30, 5, 250)); // SttlmTmIndctn/CdtDtTm
  });

  it('quarantines each bad CdtTrfTxInf with its start line and reason, and keeps reading', async () => {
    const { accepted, rejected } = await collect(readPacs008(fixture('pacs008-malformed.xml')));
    expect(accepted.map((t) => [t.row, t.id])).toEqual([
      [0, 'ok-1'],
      [10, 'ok-2'],
    ]);
    expect(rejected.map((r) => [r.line, r.row, r.reason])).toEqual([
      [6, 1, 'duplicate id "ok-1" (first on line 5)'],
      [7, 2, 'empty account: DbtrAcct has no IBAN or Othr/Id'],
      [8, 3, 'unknown currency "XYZ" in IntrBkSttlmAmt/@Ccy'],
      [9, 4, 'IntrBkSttlmAmt "-10.00": negative amount'],
      [10, 5, 'IntrBkSttlmAmt "NaN": amount is not a number'],
      [11, 6, 'IntrBkSttlmAmt "10.001": more decimals than USD carries'],
      [12, 7, 'bad time "2026-02-30": expected ISO 8601 date or date-time'],
      [13, 8, 'IntrBkSttlmAmt is missing'],
      [14, 9, expect.stringMatching(/^malformed XML: .*IntrBkSttlmAmt/)],
    ]);
  });

  it('quarantines a transaction with an element the parser refuses (constructor), and keeps reading', async () => {
    const bulk = readFileSync(fixture('pacs008-bulk.xml'), 'utf8');
    const end = bulk.indexOf('</CdtTrfTxInf>');
    const xml = `${bulk.slice(0, end)}<constructor>x</constructor>${bulk.slice(end)}`;
    const { accepted, rejected } = await collect(readPacs008(tempFile('constructor.xml', xml)));
    expect(accepted.map((t) => t.row)).toEqual([1, 2]);
    expect(rejected.map((r) => [r.line, r.row])).toEqual([[12, 0]]);
    expect(rejected[0]?.reason).toMatch(/^malformed XML: .*constructor/);
  });

  it('refuses DOCTYPE/ENTITY declarations instead of expanding them', async () => {
    await expect(collect(readPacs008(fixture('pacs008-doctype.xml')))).rejects.toThrow(
      /pacs008-doctype\.xml: DOCTYPE\/ENTITY declarations are not accepted/,
    );
  });

  it('refuses XML that is not pacs.008 and a missing file, naming the file', async () => {
    const other = tempFile(
      'camt.xml',
      '<Document><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr></BkToCstmrStmt></Document>',
    );
    await expect(collect(readPacs008(other))).rejects.toThrow(
      /camt\.xml: not an ISO 20022 pacs\.008 message/,
    );
    await expect(collect(readPacs008('/nonexistent/p.xml'))).rejects.toThrow(
      'cannot read /nonexistent/p.xml',
    );
  });

  it('refuses a message whose namespace is not pacs.008 (another message, none, an undeclared prefix), naming file and namespace', async () => {
    // before: a camt.053 or pacs.009 namespace, or none, was read as if it were pacs.008
    const body = readFileSync(fixture('pacs008-bulk.xml'), 'utf8');
    const cases: [string, string, string][] = [
      [
        'pacs009.xml',
        body.replace('pacs.008.001.09', 'pacs.009.001.08'),
        'its namespace is "urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"',
      ],
      [
        'camt.xml',
        body.replace('pacs.008.001.09', 'camt.053.001.08'),
        'its namespace is "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"',
      ],
      ['none.xml', body.replace(/ xmlns="[^"]*"/, ''), 'it has no namespace'],
      [
        'prefix.xml',
        body
          .replace('<FIToFICstmrCdtTrf>', '<p:FIToFICstmrCdtTrf>')
          .replace('</FIToFICstmrCdtTrf>', '</p:FIToFICstmrCdtTrf>'),
        'its prefix "p" is not declared',
      ],
    ];
    for (const [name, text, found] of cases) {
      const path = tempFile(name, text);
      await expect(collect(readPacs008(path))).rejects.toThrow(
        `${path}: line 3: not an ISO 20022 pacs.008 message: ${found}, expected urn:iso:std:iso:20022:tech:xsd:pacs.008.001.NN`,
      );
    }
    // the namespace declared on the root itself, with a prefix, and in other versions, is pacs.008
    const onRoot = body
      .replace(/ xmlns="[^"]*"/, '')
      .replace(/FIToFICstmrCdtTrf>/g, 'p:FIToFICstmrCdtTrf>')
      .replace(
        '<p:FIToFICstmrCdtTrf>',
        '<p:FIToFICstmrCdtTrf xmlns:p="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.12">',
      );
    expect((await collect(readPacs008(tempFile('root.xml', onRoot)))).accepted).toHaveLength(3);
    expect(() =>
      parsePacs008Text(
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"><FIToFICstmrCdtTrf>',
      ),
    ).toThrow('pacs.008 message: line 1: not an ISO 20022 pacs.008 message: its namespace is');
  });

  it('takes the namespace declared on an enclosing element, and none from a comment, CDATA or instruction', async () => {
    const body = readFileSync(fixture('pacs008-bulk.xml'), 'utf8');
    const ns = 'urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09';
    const decl = body.indexOf('\n') + 1;
    const document = body.slice(decl);
    // a business-message envelope wrapping AppHdr and Document, declaring the prefix used on the message
    const prefixed = document.replace(/ xmlns="[^"]*"/, '').replace(/<(\/?)([A-Za-z])/g, '<$1doc:$2');
    const envelope =
      `${body.slice(0, decl)}<BizMsg xmlns="urn:example:envelope" xmlns:doc="${ns}">\n` +
      '<AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><BizMsgIdr>B-1</BizMsgIdr></AppHdr>\n' +
      `${prefixed}</BizMsg>\n`;
    const read = await collect(readPacs008(tempFile('envelope.xml', envelope)));
    expect(read.rejected).toEqual([]);
    expect(read.accepted).toHaveLength(3);
    // the envelope's default namespace, inherited through an unprefixed Document that declares none
    const inherited = `<Env xmlns="${ns}">\n${document.replace(/ xmlns="[^"]*"/, '')}</Env>\n`;
    expect((await collect(readPacs008(tempFile('default.xml', inherited)))).accepted).toHaveLength(3);
    // a sibling's declaration is out of scope once the sibling is closed
    const sibling = `<Env><AppHdr xmlns:doc="${ns}"></AppHdr>\n${prefixed}</Env>\n`;
    expect(() => parsePacs008Text(sibling)).toThrow(
      'pacs.008 message: line 3: not an ISO 20022 pacs.008 message: its prefix "doc" is not declared',
    );
    // a commented-out Document does not replace the real one's declarations, whichever way round
    const commented = body.replace(
      '<Document ',
      '<!-- <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"> --><Document ',
    );
    expect((await collect(readPacs008(tempFile('commented.xml', commented)))).accepted).toHaveLength(3);
    const camt = body.replace('pacs.008.001.09', 'camt.053.001.08');
    for (const hidden of [
      `<!-- <Document xmlns="${ns}"> -->`,
      `<?note <Document xmlns="${ns}"> ?>`,
      `<![CDATA[<Document xmlns="${ns}">]]>`,
    ]) {
      expect(() =>
        parsePacs008Text(camt.replace('<FIToFICstmrCdtTrf>', `${hidden}<FIToFICstmrCdtTrf>`)),
      ).toThrow('its namespace is "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"');
    }
    // a transaction commented out is not read
    const txStart = body.indexOf('<CdtTrfTxInf>');
    const txEnd = body.indexOf('</CdtTrfTxInf>') + '</CdtTrfTxInf>'.length;
    const hiddenTx = `${body.slice(0, txStart)}<!--${body.slice(txStart, txEnd)}-->${body.slice(txEnd)}`;
    expect((await collect(readPacs008(tempFile('hidden-tx.xml', hiddenTx)))).accepted).toHaveLength(2);
    // the same when the text comes in small pieces, a comment's start and end split between them
    for (const size of [1, 2, 3, 7]) {
      const scanner = new Pacs008Scanner('pieces');
      for (let i = 0; i < hiddenTx.length; i += size) {
        scanner.push(hiddenTx.slice(i, i + size));
        while (scanner.step()) {
          // every complete construct is read
        }
      }
      scanner.finish();
      const taken = scanner.take();
      expect([taken.accepted.length, taken.rejected]).toEqual([2, []]);
    }
  });

  it('refuses a file that is not UTF-8, naming it, instead of reading U+FFFD into names', async () => {
    // before: a cp1252 "é" in a name became U+FFFD, silently
    const body = readFileSync(fixture('pacs008-bulk.xml'), 'utf8');
    const at = body.indexOf('</Nm>');
    const path = tempFile('cp1252.xml', '');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from(body.slice(0, at)), Buffer.from([0xe9]), Buffer.from(body.slice(at))]),
    );
    const line = body.slice(0, at).split('\n').length;
    await expect(collect(readPacs008(path))).rejects.toThrow(
      `${path}: line ${line}: not valid UTF-8 (byte 0xE9 at byte offset ${Buffer.byteLength(body.slice(0, at))}); save the file as UTF-8`,
    );
    // cut inside a multi-byte character at the very end
    const cut = tempFile('cut.xml', '');
    writeFileSync(cut, Buffer.concat([Buffer.from(body), Buffer.from([0xc3])]));
    await expect(collect(readPacs008(cut))).rejects.toThrow(
      `${cut}: line ${body.split('\n').length}: not valid UTF-8 (byte 0xC3 at byte offset ${Buffer.byteLength(body)}, the file ends inside its character)`,
    );
    // valid multi-byte text is read as before
    const utf8 = tempFile('utf8.xml', body.replace('</Nm>', 'é</Nm>'));
    expect((await collect(readPacs008(utf8))).accepted).toHaveLength(3);
  });

  it('names the line and byte offset of a bad byte after the first read chunk, or split between chunks', async () => {
    // 1 MiB reads: the line counts the lines of the chunks before; an "é" of the padding may be split between them
    const body = readFileSync(fixture('pacs008-bulk.xml'));
    const decl = body.indexOf('\n') + 1;
    const refusal = async (size: number, bad: number[]) => {
      const pad = Math.floor((size - decl - 8) / 3);
      const padding = `<!--${'x'.repeat(size - decl - 8 - 3 * pad)}${'é\n'.repeat(pad)}-->\n`;
      const head = Buffer.concat([body.subarray(0, decl), Buffer.from(padding)]);
      expect(head.length).toBe(size);
      const path = tempFile('padded.xml', '');
      writeFileSync(path, Buffer.concat([head, Buffer.from(bad), body.subarray(decl)]));
      const line = head.toString('utf8').split('\n').length;
      await expect(collect(readPacs008(path))).rejects.toThrow(
        `${path}: line ${line}: not valid UTF-8 (byte 0x${bad[0]!.toString(16).toUpperCase()} at byte offset ${size});`,
      );
    };
    // a lone continuation byte after the first chunk, "é"s split between chunks in three ways
    for (const size of [(1 << 20) + 5000, (1 << 20) + 5001, (1 << 20) + 5002]) await refusal(size, [0x80]);
    // a lead byte ending the first chunk, not continued by the next chunk's first byte
    await refusal((1 << 20) - 1, [0xc3, 0x41]);
  });

  it('handles namespace prefixes, a file ending inside a transaction, and elements split across chunks', async () => {
    const text = readFileSync(fixture('pacs008-bulk.xml'), 'utf8')
      .replace(/<(\/?)([A-Za-z])/g, '<$1ns2:$2')
      .replace('<ns2:?xml', '<?xml')
      .replace(' xmlns=', ' xmlns:ns2=');
    const prefixed = await collect(readPacs008(tempFile('prefixed.xml', text)));
    expect(prefixed.accepted.map((t) => t.id)).toEqual([
      '0f6a4a36-3f26-4a5e-9d2c-1d3b7c1e0a01',
      'TX-2',
      'E2E-3',
    ]);

    const body = readFileSync(fixture('pacs008-bulk.xml'), 'utf8');
    const cutAt = body.lastIndexOf('<CdtTrfTxInf>') + 40;
    const truncated = await collect(readPacs008(tempFile('truncated.xml', body.slice(0, cutAt))));
    expect(truncated.accepted).toHaveLength(2);
    expect(truncated.rejected.map((r) => [r.line, r.row, r.reason])).toEqual([
      [101, 2, 'truncated CdtTrfTxInf: the file ends inside it'],
    ]);

    // cut between two transactions, or inside a start tag: reported, not silently the end of the message
    for (const cut of [body.lastIndexOf('<CdtTrfTxInf>'), body.lastIndexOf('<CdtTrfTxInf>') + 6]) {
      const between = await collect(readPacs008(tempFile('cut.xml', body.slice(0, cut))));
      expect(between.accepted).toHaveLength(2);
      expect(between.rejected.map((r) => [r.row, r.reason.slice(0, 60)])).toEqual([
        [2, 'truncated message: the file ends before </FIToFICstmrCdtTrf>'],
      ]);
    }

    // 3,000 transactions (~1.6 MB) cross the 1 MiB read chunk; ids, rows and lines stay exact.
    const one = body.slice(
      body.indexOf('<CdtTrfTxInf>', body.indexOf('</CdtTrfTxInf>')),
      body.lastIndexOf('<CdtTrfTxInf>'),
    );
    const many = Array.from({ length: 3000 }, (_, i) => one.replace('TX-2', `TX-${i}`)).join('');
    const big = body.replace(/<CdtTrfTxInf>[\s\S]*<\/CdtTrfTxInf>\s*/, many);
    const bulk = await collect(readPacs008(tempFile('big.xml', big), { batchSize: 1000 }));
    expect(bulk.rejected).toEqual([]);
    expect(bulk.batches).toBe(3);
    expect(bulk.accepted.at(-1)).toMatchObject({ id: 'TX-2999', row: 2999 });
  });
});

describe('parsePacs008Text', () => {
  it('maps an in-memory message exactly as the file reader does', async () => {
    const fromFile = await collect(readPacs008(fixture('pacs008-malformed.xml')));
    const fromText = parsePacs008Text(readFileSync(fixture('pacs008-malformed.xml'), 'utf8'), 'request body');
    expect(fromText.accepted).toEqual(fromFile.accepted);
    expect(fromText.rejected).toEqual(fromFile.rejected);
  });

  it('refuses a postal country that is not an ISO 3166 alpha-2 code, naming the element', () => {
    const cdt = (id: string, dbtrCtry: string, agentCtry: string) => `<CdtTrfTxInf>
<PmtId><EndToEndId>${id}</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="USD">10.00</IntrBkSttlmAmt>
<IntrBkSttlmDt>2026-11-20</IntrBkSttlmDt><DbtrAgt><FinInstnId><BICFI>BANKAEAD</BICFI></FinInstnId></DbtrAgt>
<Dbtr><Nm>A</Nm><PstlAdr><Ctry>${dbtrCtry}</Ctry></PstlAdr></Dbtr><DbtrAcct><Id><Othr><Id>1</Id></Othr></Id></DbtrAcct>
<CdtrAgt><FinInstnId><BICFI>BANKTRIS</BICFI><PstlAdr><Ctry>${agentCtry}</Ctry></PstlAdr></FinInstnId></CdtrAgt>
<CdtrAcct><Id><Othr><Id>2</Id></Othr></Id></CdtrAcct></CdtTrfTxInf>`;
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-20T08:00:00</CreDtTm><NbOfTxs>3</NbOfTxs></GrpHdr>
${cdt('c1', 'AE', 'TR')}${cdt('c2', 'X'.repeat(129), 'TR')}${cdt('c3', 'AE', 'Turkey')}</FIToFICstmrCdtTrf></Document>`;
    const { accepted, rejected } = parsePacs008Text(xml);
    expect(accepted.map((t) => [t.id, t.fromCountry, t.toCountry])).toEqual([['c1', 'AE', 'TR']]);
    expect(rejected.map((r) => r.reason)).toEqual([
      `Dbtr/PstlAdr/Ctry "${'X'.repeat(20)}…": expected an ISO 3166 alpha-2 country code such as "DE"`,
      'CdtrAgt/FinInstnId/PstlAdr/Ctry "Turkey": expected an ISO 3166 alpha-2 country code such as "DE"',
    ]);
  });

  it('quarantines an id or account longer than the transaction contract allows (128), as JSON Lines does', () => {
    const cdt = (id: string, account: string) => `<CdtTrfTxInf>
<PmtId><EndToEndId>${id}</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="USD">10.00</IntrBkSttlmAmt>
<IntrBkSttlmDt>2026-11-20</IntrBkSttlmDt><DbtrAgt><FinInstnId><BICFI>BANKAEAD</BICFI></FinInstnId></DbtrAgt>
<DbtrAcct><Id><Othr><Id>${account}</Id></Othr></Id></DbtrAcct>
<CdtrAgt><FinInstnId><BICFI>BANKTRIS</BICFI></FinInstnId></CdtrAgt>
<CdtrAcct><Id><Othr><Id>2</Id></Othr></Id></CdtrAcct></CdtTrfTxInf>`;
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-20T08:00:00</CreDtTm><NbOfTxs>3</NbOfTxs></GrpHdr>
${cdt('I'.repeat(128), '1')}${cdt('I'.repeat(129), '1')}${cdt('c3', '9'.repeat(200))}</FIToFICstmrCdtTrf></Document>`;
    const { accepted, rejected } = parsePacs008Text(xml);
    expect(accepted.map((t) => t.id.length)).toEqual([128]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'id too long: PmtId has 129 characters (at most 128)',
      'account too long: DbtrAcct has 200 characters (at most 128)',
    ]);
  });

  it('refuses a DOCTYPE, naming the source', () => {
    expect(() =>
      parsePacs008Text(readFileSync(fixture('pacs008-doctype.xml'), 'utf8'), 'request body'),
    ).toThrow('request body: DOCTYPE/ENTITY declarations are not accepted');
  });
});

describe('isoTime', () => {
  it('reads ISO dates and date-times with and without offsets, refusing impossible ones', () => {
    expect(isoTime('2026-03-02')).toBe(Date.UTC(2026, 2, 2));
    expect(isoTime('2026-03-02T10:00:00')).toBe(Date.UTC(2026, 2, 2, 10));
    expect(isoTime('2026-03-02T10:00:00-05:00')).toBe(Date.UTC(2026, 2, 2, 15));
    expect(isoTime('2026-03-02T10:00:00.5Z')).toBe(Date.UTC(2026, 2, 2, 10, 0, 0, 500));
    expect(new Date(isoTime('0026-03-02T10:00:00Z')).toISOString()).toBe('0026-03-02T10:00:00.000Z');
    expect(new Date(isoTime('0026-03-02')).toISOString()).toBe('0026-03-02T00:00:00.000Z');
    for (const bad of ['2026-02-29', '2026-03-02T24:00:00', '02/03/2026', ''])
      expect(isoTime(bad), bad).toBeNaN();
  });
});

/** Feeds `pieces` to a scanner as a file reader would, reading every complete construct after each. */
function scanPieces(pieces: readonly string[], source = 'pieces'): TxBatch {
  const scanner = new Pacs008Scanner(source);
  for (const piece of pieces) {
    scanner.push(piece);
    while (scanner.step()) {
      // every complete construct is read
    }
  }
  scanner.finish();
  return scanner.take();
}

/** `text` cut into pieces of `size` characters (the whole text when size is Infinity). */
function piecesOf(text: string, size: number): string[] {
  if (!Number.isFinite(size)) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('Pacs008Scanner fed in pieces', () => {
  const bulk = readFileSync(fixture('pacs008-bulk.xml'), 'utf8');

  it('refuses a DOCTYPE or ENTITY declaration cut anywhere between two pieces', () => {
    // before: cut as `<!DO|CTYPE`, the `<!` was dropped with the first piece and 3 transactions were read
    for (const declaration of ['<!DOCTYPE Document>', '<!doctype Document>', '<!ENTITY x "y">']) {
      const text = bulk.replace('?>\n', `?>\n${declaration}\n`);
      for (let cut = 0; cut <= text.length; cut++) {
        expect(
          () => scanPieces([text.slice(0, cut), text.slice(cut)]),
          `${declaration} cut at ${cut}`,
        ).toThrow('pieces: DOCTYPE/ENTITY declarations are not accepted in pacs.008 input');
      }
      for (const size of [1, 2, 3, 7]) {
        expect(() => scanPieces(piecesOf(text, size))).toThrow(
          'DOCTYPE/ENTITY declarations are not accepted',
        );
      }
    }
    // another `<!` declaration is still skipped, cut anywhere
    const other = bulk.replace('?>\n', '?>\n<!NOTATION n SYSTEM "n">\n');
    for (let cut = 0; cut <= other.length; cut += 3) {
      expect(scanPieces([other.slice(0, cut), other.slice(cut)]).accepted).toHaveLength(3);
    }
  });

  it('does not take a root named in a comment for the message root', () => {
    // before: a pacs.009 (root FICdtTrf) holding this comment was read as pacs.008, whole or in pieces of 4 KiB or more
    const pacs009 = bulk
      .replace('pacs.008.001.09', 'pacs.009.001.08')
      .replaceAll('FIToFICstmrCdtTrf>', 'FICdtTrf>')
      .replace('<FICdtTrf>', '<!-- was <FIToFICstmrCdtTrf> --><FICdtTrf>');
    for (const size of [1, 7, 64, 4096, Infinity]) {
      expect(() => scanPieces(piecesOf(pacs009, size)), `pieces of ${size}`).toThrow(
        'pieces: not an ISO 20022 pacs.008 message (no FIToFICstmrCdtTrf element)',
      );
    }
    // the real root is still found, cut anywhere
    for (const size of [1, 7, 64, Infinity])
      expect(scanPieces(piecesOf(bulk, size)).accepted).toHaveLength(3);
  });

  it('reads a tag whose quoted attribute value holds ">" or "/>" whole, and declarations only from attributes', () => {
    const ns = 'urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09';
    // the bulk message inside `open`…`close`, its Document declaring no namespace
    const wrapped = (open: string, close: string): string =>
      bulk
        .replace(/<Document xmlns="[^"]*">/, `${open}<Document>`)
        .replace('</Document>', `</Document>${close}`);
    const noNamespace = 'not an ISO 20022 pacs.008 message: it has no namespace';
    for (const size of [1, 7, 64, Infinity]) {
      const read = (text: string): TxBatch => scanPieces(piecesOf(text, size));
      // before: the tag ended at "a>", so the declaration after it was lost
      expect(read(wrapped(`<Env note="a>b" xmlns="${ns}">`, '</Env>')).accepted, `size ${size}`).toHaveLength(
        3,
      );
      expect(read(wrapped(`<Env note='a>b' xmlns='${ns}'>`, '</Env>')).accepted).toHaveLength(3);
      // before: "x/>" made Wrap self-closing, and its end tag popped Env's declarations
      const wrap = wrapped(`<Env xmlns="${ns}"><Wrap t="x/>" u="1"></Wrap>`, '</Env>');
      expect(read(wrap).accepted).toHaveLength(3);
      // before: <H …/> was taken as open and its declaration stayed in scope after it
      expect(() => read(wrapped(`<Env><H xmlns="${ns}" t="a>b"/>`, '</Env>'))).toThrow(noNamespace);
      // before: xmlns="…" written inside another attribute's value was taken for a declaration
      expect(() => read(wrapped(`<Env note=' xmlns="${ns}"'>`, '</Env>'))).toThrow(noNamespace);
    }
  });

  it('refuses a tag with a quote left open or a "<" inside, instead of reading the transactions after it as its text', () => {
    // before: the open quote ran on to a lone `"` in a later <Ustrd>: 1 of 3 transactions read, no error
    const afterFirst = bulk.indexOf('</CdtTrfTxInf>') + '</CdtTrfTxInf>'.length;
    const broken = `${bulk.slice(0, afterFirst)}<X a="oops>${bulk.slice(afterFirst)}`;
    const lastUstrd = broken.lastIndexOf('<Ustrd>') + '<Ustrd>'.length;
    const quoted = `${broken.slice(0, lastUstrd)}"${broken.slice(lastUstrd)}`;
    const line = broken.slice(0, afterFirst).split('\n').length;
    for (const text of [broken, quoted])
      for (const size of [1, 7, 64, Infinity])
        expect(() => scanPieces(piecesOf(text, size)), `pieces of ${size}`).toThrow(
          `pieces: line ${line}: a malformed tag (a quote left open, or a '<' inside it)`,
        );
    const lt = bulk
      .replace('<Document xmlns=', '<Env note="<x>"><Document xmlns=')
      .replace('</Document>', '</Document></Env>');
    expect(() => scanPieces([lt])).toThrow("a malformed tag (a quote left open, or a '<' inside it)");
  });
});
