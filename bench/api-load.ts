// The load generator of `npm run bench:api`, run as its own process so that it does not share the server's
// event loop. Reads its settings from argv as JSON, prints autocannon's result as JSON on stdout.
import autocannon from 'autocannon';

interface LoadSettings {
  url: string;
  key: string;
  connections: number;
  seconds: number;
  /** Transactions per request: 1 for the single-transaction figure. */
  batch: number;
  /** Prefix that keeps transaction ids unique across runs. */
  prefix: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as LoadSettings;
const BANKS = ['BANK01', 'BANK02', 'BANK03', 'BANK04', 'BANK05', 'BANK06', 'BANK07', 'BANK08'];
const ACCOUNTS = 20_000;
const START = Date.UTC(2026, 0, 1);
let counter = 0;
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

/** A plausible payment between random accounts, in event-time order (one every 50 ms of event time). */
function tx() {
  const n = counter++;
  const from = Math.floor(rand() * ACCOUNTS);
  let to = Math.floor(rand() * ACCOUNTS);
  if (to === from) to = (to + 1) % ACCOUNTS;
  return {
    id: `${settings.prefix}-${n}`,
    ts: START + n * 50,
    from: { bank: BANKS[from % BANKS.length], account: `AC${from}` },
    to: { bank: BANKS[to % BANKS.length], account: `AC${to}` },
    amountPaid: (Math.floor(rand() * 2_000_000) / 100).toFixed(2),
    currencyPaid: 'USD',
    paymentFormat: rand() < 0.8 ? 'Wire' : 'ACH',
  };
}

function body(): string {
  if (settings.batch === 1) return JSON.stringify(tx());
  return JSON.stringify({ transactions: Array.from({ length: settings.batch }, tx) });
}

const result = await autocannon({
  url: `${settings.url}/v1/transactions`,
  connections: settings.connections,
  duration: settings.seconds,
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.key}` },
  requests: [
    {
      setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }),
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodeStats: result.statusCodeStats,
  }),
);
