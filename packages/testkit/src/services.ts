/**
 * Integration suites that need PostgreSQL or NATS run when RAQIB_TEST_SERVICES=1 (set by .ci/run) or when the
 * variable naming the service is set; otherwise they skip and say so, so that a newcomer's `npm test` needs
 * no service.
 */
export function postgresTestUrl(): string | undefined {
  if (process.env.RAQIB_TEST_PG) return process.env.RAQIB_TEST_PG;
  return process.env.RAQIB_TEST_SERVICES === '1' ? 'postgres://postgres@127.0.0.1:5432/postgres' : undefined;
}

export function natsTestUrl(): string | undefined {
  if (process.env.RAQIB_TEST_NATS) return process.env.RAQIB_TEST_NATS;
  return process.env.RAQIB_TEST_SERVICES === '1' ? 'nats://127.0.0.1:4222' : undefined;
}

export function skipNotice(suite: string, variable: string): string {
  return `${suite}: SKIPPED (no service configured; set ${variable} or RAQIB_TEST_SERVICES=1 to run it)`;
}
