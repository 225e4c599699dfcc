import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadIndicatorCatalogue } from '@raqib/formats';
import { buildAlert } from '@raqib/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, contractTx, type TestServer, testServer } from '../test-support.ts';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..');
const goaml = resolve(repoRoot, '../shared/data/goaml');
const xsd = join(goaml, 'xsd/goAMLSchema-5.0.2-ae-xsd10-patched.xsd');
const indicators = join(goaml, 'lookups-ae/report_indicators.json');
const xmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Validates with Debian's xmllint against the goAML schema; returns its complaints ('' when valid). */
function xmllintErrors(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'raqib-str-'));
  const file = join(dir, 'report.xml');
  writeFileSync(file, xml);
  try {
    return execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let s: TestServer;
beforeAll(async () => {
  const catalogue = existsSync(indicators) ? await loadIndicatorCatalogue(indicators) : undefined;
  s = await testServer({
    goaml: {
      entity: { rentityId: 101, branch: 'DXB-MAIN', localCurrency: 'AED', fxToLocal: { USD: 3.6725 } },
      catalogue,
      // reference data: the paying account belongs to a person whose name is in Arabic script
      accounts: new Map([
        [
          'BANK1|A-1',
          {
            bankId: 'BANK1',
            account: 'A-1',
            entityName: 'محمد بن عبدالله الهاشمي',
            entityType: 'individual' as const,
          },
        ],
      ]),
    },
  });
});
afterAll(async () => {
  await s.app.close();
});

type Who = 'analyst' | 'supervisor' | 'supervisor2' | 'admin';
const req = (who: Who, method: 'GET' | 'POST', url: string, payload?: object) =>
  s.app.inject({ method, url, headers: bearer(s.keys[who]), ...(payload ? { payload } : {}) });

async function alertIds(): Promise<string[]> {
  const res = await req('analyst', 'POST', '/v1/transactions', {
    transactions: [
      contractTx('c1', '15000'),
      contractTx('c2', '20000', {
        currencyPaid: 'USD',
        from: { bank: 'BANK1', account: 'A-1', name: 'ليلى خالد' },
      }),
    ],
  });
  return res.json().results.flatMap((r: { alertIds: string[] }) => r.alertIds);
}

describe('case workflow over the API', () => {
  it('runs open → investigating → escalated → STR → four-eyes approval → reported, all audited', async () => {
    const ids = await alertIds();
    expect(ids).toHaveLength(2);
    const created = await req('analyst', 'POST', '/v1/cases', { alertIds: ids, title: 'Large wires to TR' });
    expect(created.statusCode).toBe(201);
    const id = created.json().case.id as string;
    expect((await s.deps.alerts.getAlert(ids[0]!))?.status).toBe('in-case');

    expect((await req('analyst', 'POST', `/v1/cases/${id}/assign`, { assignee: 'ana' })).statusCode).toBe(
      200,
    );
    expect(
      (await req('analyst', 'POST', `/v1/cases/${id}/notes`, { text: 'Funds left within the hour' }))
        .statusCode,
    ).toBe(200);
    const skip = await req('analyst', 'POST', `/v1/cases/${id}/status`, { status: 'reported', reason: 'x' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('CASE_INVALID_TRANSITION');
    for (const status of ['investigating', 'escalated']) {
      const r = await req('analyst', 'POST', `/v1/cases/${id}/status`, {
        status,
        reason: `move to ${status}`,
      });
      expect(r.statusCode, r.body).toBe(200);
    }

    const early = await req('analyst', 'POST', `/v1/cases/${id}/status`, {
      status: 'reported',
      reason: 'file',
    });
    expect(early.json().error.code).toBe('CASE_NO_DRAFT');

    const draft = await req('supervisor', 'POST', `/v1/cases/${id}/str`, {});
    expect(draft.statusCode, draft.body).toBe(200);
    const str = draft.json().str;
    expect(str.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(str.xml).toContain('<report_code>STR</report_code>');
    // the reference says the payer is a person: Latin name fields, the original in full_name_frn
    expect(str.xml).toContain('<account_name>Muhammad bin Abdallah al-Hashimi</account_name>');
    expect(str.xml).toContain('<full_name_frn>محمد بن عبدالله الهاشمي</full_name_frn>');
    // the payee is named only by the payment: the original goes to the account comments
    expect(str.xml).toContain('<account_name>Zoe Trading LLC</account_name>');
    if (existsSync(indicators)) expect(str.indicators).toEqual(['STRUC']);

    const download = await req('analyst', 'GET', `/v1/cases/${id}/str`);
    expect(download.headers['content-type']).toMatch(/application\/xml/);
    expect(download.headers['x-document-hash']).toBe(str.hash);
    expect(download.body).toBe(str.xml);

    const notApproved = await req('analyst', 'POST', `/v1/cases/${id}/status`, {
      status: 'reported',
      reason: 'file',
    });
    expect(notApproved.json().error.code).toBe('CASE_NOT_APPROVED');
    const analystApproves = await req('analyst', 'POST', `/v1/cases/${id}/approve`, {});
    expect(analystApproves.statusCode).toBe(403);
    const selfApproval = await req('supervisor', 'POST', `/v1/cases/${id}/approve`, { comment: 'mine' });
    expect(selfApproval.statusCode).toBe(403);
    expect(selfApproval.json().error.code).toBe('CASE_FOUR_EYES');
    const approved = await req('supervisor2', 'POST', `/v1/cases/${id}/approve`, { comment: 'agreed' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().case.approval).toMatchObject({ by: 'sue', documentHash: str.hash });

    const filed = await req('analyst', 'POST', `/v1/cases/${id}/status`, {
      status: 'reported',
      reason: 'filed with the FIU',
    });
    expect(filed.statusCode).toBe(200);
    const kinds = filed.json().case.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual([
      'created',
      'assigned',
      'note',
      'status',
      'status',
      'str-drafted',
      'approved',
      'status',
    ]);

    const audit = await req('supervisor', 'GET', `/v1/audit?entity=case&entityId=${id}`);
    const entries = audit.json().items as {
      action: string;
      actor: string;
      before: unknown;
      after: { status?: string };
    }[];
    expect(entries.map((e) => e.action)).toEqual([
      'case.create',
      'case.assign',
      'case.note',
      'case.status',
      'case.status',
      'case.str-drafted',
      'case.approve',
      'case.status',
    ]);
    expect(entries.at(-1)).toMatchObject({ before: { status: 'escalated' }, after: { status: 'reported' } });
    expect(entries.at(-2)?.actor).toMatch(/^sue \(k_[0-9a-f]+\)$/);
    const verify = await req('supervisor', 'GET', '/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, findings: [] });
    const caseAudit = await req('analyst', 'GET', `/v1/cases/${id}/audit`);
    expect(caseAudit.json().items).toHaveLength(8);
  });

  it.skipIf(!existsSync(xsd) || !xmllint)(
    'drafts an STR that validates against the goAML 5.0.2 schema (skipped without ../shared or xmllint)',
    async () => {
      const ids = await alertIds();
      const id = (await req('analyst', 'POST', '/v1/cases', { alertIds: ids })).json().case.id;
      const xml = (
        await req('analyst', 'POST', `/v1/cases/${id}/str`, { indicators: ['TFFTH', 'HRJWT'] })
      ).json().str.xml;
      expect(xmllintErrors(xml)).toBe('');
      expect(xml).toContain('<indicator>TFFTH</indicator>');
    },
  );

  it('refuses unknown indicator codes and alerts, and closes as false positive with a reason', async () => {
    const ids = await alertIds();
    const unknownAlert = await req('analyst', 'POST', '/v1/cases', { alertIds: ['nope'] });
    expect(unknownAlert.json().error).toMatchObject({
      code: 'ALERT_UNKNOWN',
      details: { missing: ['nope'] },
    });
    const id = (await req('analyst', 'POST', '/v1/cases', { alertIds: ids })).json().case.id;
    if (existsSync(indicators)) {
      const bad = await req('analyst', 'POST', `/v1/cases/${id}/str`, { indicators: ['BOGUS'] });
      expect(bad.json().error).toMatchObject({
        code: 'STR_UNKNOWN_INDICATOR',
        details: { unknown: ['BOGUS'] },
      });
    }
    const noResolution = await req('analyst', 'POST', `/v1/cases/${id}/status`, {
      status: 'closed',
      reason: 'payroll',
    });
    expect(noResolution.json().error.code).toBe('CASE_RESOLUTION_REQUIRED');
    const closed = await req('analyst', 'POST', `/v1/cases/${id}/status`, {
      status: 'closed',
      reason: 'monthly payroll of a known employer',
      resolution: 'false-positive',
    });
    expect(closed.json().case).toMatchObject({ status: 'closed', resolution: 'false-positive' });
    expect((await s.deps.alerts.getAlert(ids[0]!))?.status).toBe('closed');
    const list = await req('analyst', 'GET', '/v1/cases?status=closed');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('names the currencies that need a rate, and takes rates with the request', async () => {
    const res = await req('analyst', 'POST', '/v1/transactions', {
      transactions: [contractTx('eur1', '30000', { currencyPaid: 'EUR' })],
    });
    const id = (
      await req('analyst', 'POST', '/v1/cases', { alertIds: res.json().results[0].alertIds })
    ).json().case.id;
    const refused = await req('analyst', 'POST', `/v1/cases/${id}/str`, { indicators: ['STRUC'] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'STR_NOT_REPORTABLE',
      details: {
        missingRates: ['EUR'],
        problems: ['transaction eur1: no exchange rate from EUR to AED configured'],
      },
    });
    const drafted = await req('analyst', 'POST', `/v1/cases/${id}/str`, {
      indicators: ['STRUC'],
      fxRates: { EUR: 4.25 },
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect(drafted.json().str.xml).toContain('<amount_local>127500.00</amount_local>');
    expect(drafted.json().str.warnings).toEqual([]);
  });

  it.skipIf(!existsSync(xsd) || !xmllint)(
    'reports a screening hit without transactions as a valid activity report (skipped without ../shared or xmllint)',
    async () => {
      const hit = buildAlert({
        id: 'scr-1',
        source: 'screening',
        typologies: ['T20'],
        score: 0.95,
        transactions: [],
        rows: [],
        accounts: [{ bank: 'BANK1', account: 'A-1' }],
        subgraph: { nodes: ['BANK1|A-1'], edges: [] },
        explanation: { en: 'Account holder matches UN QDi.001', ar: 'صاحب الحساب يطابق QDi.001' },
      });
      await s.deps.alerts.upsertAlerts([hit]);
      const id = (await req('analyst', 'POST', '/v1/cases', { alertIds: ['scr-1'] })).json().case.id;
      const draft = await req('analyst', 'POST', `/v1/cases/${id}/str`, {});
      expect(draft.statusCode, draft.body).toBe(200);
      const xml = draft.json().str.xml as string;
      expect(xml).toContain('<report_code>SAR</report_code>');
      expect(xml).toContain('<reason>Account holder matches UN QDi.001</reason>');
      if (existsSync(indicators)) expect(draft.json().str.indicators).toEqual(['ITLSL']);
      expect(xmllintErrors(xml)).toBe('');
    },
  );

  it('validates bodies with stable codes', async () => {
    const r = await req('analyst', 'POST', '/v1/cases', { alertIds: [] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'alertIds' }] });
    const missing = await req('analyst', 'GET', '/v1/cases/case-none');
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });
});
