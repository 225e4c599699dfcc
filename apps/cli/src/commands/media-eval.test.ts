import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../run-cli.test-support.ts';

const REPORT =
  'Prosecutors said on Tuesday that the director was charged with fraud and money laundering. He was arrested ' +
  'at his home and pleaded not guilty. He had moved the money through shell companies, the court heard.';
const POLICY =
  'Banks must meet new rules. Regulators say institutions should invest in compliance software, and we expect ' +
  'more countries to follow the guidance on customer checks and reporting standards for all firms.';

function trainingDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'raqib-media-eval-'));
  const rows = (label: string, title: string, text: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${title} ${i},"${text}",${label}`);
  const csv = (lines: string[]) => strToU8(['title,article,label', ...lines].join('\n'));
  writeFileSync(
    join(dir, 'adverse_media_training.csv.zip'),
    zipSync({ 'adverse_media_training.csv': csv(rows('am', 'Director charged', REPORT, 3)) }),
  );
  writeFileSync(
    join(dir, 'non_adverse_media_training.csv.zip'),
    zipSync({ 'non_adverse_media_training.csv': csv(rows('nam', 'New banking rules', POLICY, 3)) }),
  );
  return dir;
}

describe('raqib media eval --threshold-rule', () => {
  it('recomputes the threshold from the training zips and fails when it differs from the shipped one', async () => {
    const r = await run(['media', 'eval', '--threshold-rule', '--adverse', trainingDir(), '--json']);
    const out = JSON.parse(r.out) as {
      rule: { threshold: number; articles: number; accuracy: number };
      shippedThreshold: number;
    };
    // six articles, two distinct scores: the rule cuts between them and classifies all six right
    expect(out.rule).toMatchObject({ articles: 6, accuracy: 1 });
    expect(out.rule.threshold).not.toBe(out.shippedThreshold);
    expect(r.code).toBe(1);
  });

  it('says which training file is missing, and refuses an unknown test set', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'raqib-media-eval-empty-'));
    const missing = await run(['media', 'eval', '--threshold-rule', '--adverse', empty]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`${join(empty, 'adverse_media_training.csv.zip')} not found`);
    const bogus = await run(['media', 'eval', '--adverse-sets', 'public_test,bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.err).toContain('--adverse-sets: unknown set "bogus"');
  });
});
