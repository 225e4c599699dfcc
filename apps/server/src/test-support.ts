import { createHash, randomUUID } from 'node:crypto';
import {
  type Alert,
  fixedClock,
  MemoryAlertStore,
  MemoryApiKeyStore,
  MemoryAuditLog,
  MemoryCaseDocumentStore,
  MemoryCaseStore,
  MemoryTransactionStore,
  type Role,
  serialisedUnitOfWork,
  stableId,
  type Transaction,
  toMajor,
} from '@raqib/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { generateApiKey } from './auth.ts';
import type { AppDeps, Assessment, TransactionScorer } from './deps.ts';

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A stand-in monitor for API tests: a payment of 10,000 or more (major units) scores 0.9 and raises one alert;
 * anything else scores 0.1. The API's job (validate, score each record, persist, return alert ids) is what the
 * tests check; the detectors have their own tests.
 */
export class ThresholdScorer implements TransactionScorer {
  #pending: Alert[] = [];
  process(tx: Transaction): Assessment {
    if (toMajor(tx.amountPaid, tx.currencyPaid) < 10_000) {
      return { score: 0.1, flag: false, typologies: [], findings: [], alertIds: [] };
    }
    const id = stableId('al', ['LARGE', tx.id]);
    const from = `${tx.fromBank}|${tx.fromAccount}`;
    const to = `${tx.toBank}|${tx.toAccount}`;
    this.#pending.push({
      id,
      source: 'monitoring',
      typologies: ['STRUCTURING'],
      score: 0.9,
      accounts: [
        { bank: tx.fromBank, account: tx.fromAccount },
        { bank: tx.toBank, account: tx.toAccount },
      ],
      transactions: [tx.id],
      rows: [],
      subgraph: {
        nodes: [from, to],
        edges: [{ txId: tx.id, from, to, amount: tx.amountPaid, currency: tx.currencyPaid, ts: tx.ts }],
      },
      start: tx.ts,
      end: tx.ts,
      explanation: { en: `large payment ${tx.id}`, ar: `دفعة كبيرة ${tx.id}` },
      findings: [
        {
          detector: 'large-amount',
          version: '1',
          band: '.03',
          value: toMajor(tx.amountPaid, tx.currencyPaid),
          unit: tx.currencyPaid,
        },
      ],
      configVersion: 'test',
      createdAt: tx.ts,
      status: 'new',
    });
    return {
      score: 0.9,
      flag: true,
      typologies: ['STRUCTURING'],
      findings: [{ detector: 'large-amount', version: '1', band: '.03', value: 1, unit: 'count' }],
      alertIds: [id],
    };
  }
  drainAlerts(): Alert[] {
    const out = this.#pending;
    this.#pending = [];
    return out;
  }
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
  /** A key per role (and a second supervisor, for four-eyes). */
  readonly keys: Record<Role | 'supervisor2' | 'revoked', string>;
}

export async function testServer(over: Partial<AppDeps> = {}): Promise<TestServer> {
  const keyStore = new MemoryApiKeyStore();
  const base: Omit<AppDeps, 'transact'> & Partial<AppDeps> = {
    alerts: new MemoryAlertStore(),
    cases: new MemoryCaseStore(),
    documents: new MemoryCaseDocumentStore(),
    audit: new MemoryAuditLog(sha256),
    keys: keyStore,
    transactions: new MemoryTransactionStore(),
    scorer: new ThresholdScorer(),
    clock: fixedClock(Date.UTC(2026, 10, 29, 9)),
    hash: sha256,
    newId: () => randomUUID().slice(0, 8),
    goaml: {
      entity: { rentityId: 101, branch: 'DXB-MAIN', localCurrency: 'AED', fxToLocal: { USD: 3.6725 } },
    },
    ...over,
  };
  const deps: AppDeps = { ...base, transact: over.transact ?? serialisedUnitOfWork(base) };
  const make = async (name: string, role: Role) => {
    const { key, record } = generateApiKey(name, role, 'test', 0);
    await keyStore.insertKey(record);
    return { key, record };
  };
  const analyst = await make('ana', 'analyst');
  const supervisor = await make('sam', 'supervisor');
  const supervisor2 = await make('sue', 'supervisor');
  const admin = await make('root', 'admin');
  const revoked = await make('old', 'admin');
  await keyStore.revokeKey(revoked.record.id, 1);
  const app = await buildApp(deps);
  return {
    app,
    deps,
    keys: {
      analyst: analyst.key,
      supervisor: supervisor.key,
      supervisor2: supervisor2.key,
      admin: admin.key,
      revoked: revoked.key,
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A transaction in the JSON contract. */
export function contractTx(id: string, amount: string, over: Record<string, unknown> = {}) {
  return {
    id,
    ts: '2026-11-20T10:00:00Z',
    from: { bank: 'BANK1', account: 'A-1', country: 'AE', name: 'محمد بن عبدالله الهاشمي' },
    to: { bank: 'BANK2', account: 'B-2', country: 'TR', name: 'Zoë Trading LLC' },
    amountPaid: amount,
    currencyPaid: 'AED',
    paymentFormat: 'Wire',
    ...over,
  };
}
