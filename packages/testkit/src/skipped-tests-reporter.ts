import type { Reporter, TestModule } from 'vitest/node';

/**
 * Lists every skipped test by file and name after the run, so that `npm test` says plainly which suites did not
 * run and why: the default reporter shows only a count of skipped tests per file, and the reason is in the name
 * (`skipNotice`, "skips when ../shared is absent"). Tests skipped by `.only` elsewhere are not listed.
 */
export default class SkippedTestsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        if (test.options.mode === 'skip' || test.options.mode === 'todo') {
          lines.push(`  ${module.relativeModuleId} › ${test.fullName}`);
        }
      }
    }
    if (lines.length === 0) return;
    const noun = lines.length === 1 ? 'test' : 'tests';
    process.stdout.write(
      `\nSkipped ${lines.length} ${noun} (each name says why and how to run it):\n${lines.join('\n')}\n`,
    );
  }
}
