import { describe, expect, it, vi } from 'vitest';
import type { TestModule, Vitest } from 'vitest/node';
import SkippedTestsReporter from './skipped-tests-reporter.ts';

type Case = { fullName: string; mode: 'run' | 'skip' | 'todo' | 'only'; state: 'passed' | 'skipped' };

function moduleOf(relativeModuleId: string, cases: Case[]): TestModule {
  const tests = cases.map((c) => ({ fullName: c.fullName, options: { mode: c.mode }, state: c.state }));
  return {
    relativeModuleId,
    children: {
      *allTests(state?: string) {
        for (const t of tests) if (!state || t.state === state) yield t;
      },
    },
  } as unknown as TestModule;
}

describe('SkippedTestsReporter', () => {
  it('names every test skipped on purpose, with its file, and nothing else', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      new SkippedTestsReporter().onTestRunEnd([
        moduleOf('packages/a.test.ts', [
          {
            fullName: 'pg: SKIPPED (no service configured; set RAQIB_TEST_PG)',
            mode: 'skip',
            state: 'skipped',
          },
          { fullName: 'runs', mode: 'run', state: 'passed' },
        ]),
        moduleOf('packages/b.test.ts', [
          { fullName: 'reads ../shared (skips when absent)', mode: 'skip', state: 'skipped' },
        ]),
      ]);
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toContain('Skipped 2 tests');
      expect(printed).toContain(
        'packages/a.test.ts › pg: SKIPPED (no service configured; set RAQIB_TEST_PG)',
      );
      expect(printed).toContain('packages/b.test.ts › reads ../shared (skips when absent)');
      expect(printed).not.toContain('runs');
    } finally {
      write.mockRestore();
    }
  });

  it('lists nothing when a name filter left the other tests out', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const reporter = new SkippedTestsReporter();
      reporter.onInit({ getGlobalTestNamePattern: () => /ends on positions/ } as unknown as Vitest);
      reporter.onTestRunEnd([moduleOf('a.test.ts', [{ fullName: 'other', mode: 'skip', state: 'skipped' }])]);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });

  it('prints nothing when nothing was skipped', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      new SkippedTestsReporter().onTestRunEnd([
        moduleOf('x.test.ts', [{ fullName: 'ok', mode: 'run', state: 'passed' }]),
      ]);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });
});
