import type { Reporter, TestModule, Vitest } from 'vitest/node';

/**
 * Lists every skipped test by file and name after the run, so that `npm test` says plainly which suites did not
 * run: the default reporter shows only a count of skipped tests per file, and the reason is in the name
 * (`skipNotice`, "skips when ../shared is absent"). Vitest marks tests left out by a name filter (`-t`) or by a
 * `.only` elsewhere as skipped too: with a name filter nothing is listed, and `.only` never reaches main (Biome's
 * noFocusedTests).
 */
export default class SkippedTestsReporter implements Reporter {
  #vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    // the pattern of `-t` or of a filter typed in watch mode, asked at the end of each run
    if (this.#vitest?.getGlobalTestNamePattern() !== undefined) return;
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
      `\nSkipped ${lines.length} ${noun} (what each needs is in its name):\n${lines.join('\n')}\n`,
    );
  }
}
