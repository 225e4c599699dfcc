import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_JURISDICTIONS, geoRisk } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { loadJurisdictions, parseJurisdictions } from './jurisdictions.ts';

const FIXTURE = resolve(import.meta.dirname, '../../../../fixtures/geography/jurisdictions-2026-06.json');

describe('loadJurisdictions', () => {
  it('reads the June 2026 file into the same lists as the built-in default', async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    const j = await loadJurisdictions(FIXTURE);
    expect(j.fatfCallForAction).toEqual(['KP', 'IR', 'MM']);
    expect(j.fatfIncreasedMonitoring).toHaveLength(22);
    expect(j.fatfIncreasedMonitoring).toContain('IQ');
    expect(j.fatfIncreasedMonitoring).not.toContain('DZ');
    expect(j.conflictAreas.map((a) => a.iso2)).toEqual(
      DEFAULT_JURISDICTIONS.conflictAreas.map((a) => a.iso2),
    );
    expect(j.conflictAreas.find((a) => a.iso2 === 'SY')?.subdivisions).toContain('SY-DY');
    expect(j.version).toContain('2026-06-19');
    expect(geoRisk(j, 'SY')).toBe(1);
    expect(geoRisk(j, 'TR')).toBe(0.6);
    expect(geoRisk(j, 'BG')).toBe(0.4);
    expect(geoRisk(j, 'FR')).toBe(0);
  });

  it('reports every bad element at once, naming the file', () => {
    const bad = {
      fatf_high_risk_call_for_action: { jurisdictions: [{ iso2: 'kp' }] },
      fatf_increased_monitoring: { jurisdictions: 'IQ' },
      tf_conflict_and_isil_affected_areas: { areas: [{ iso2: 'SY', tier: 'D' }] },
    };
    expect(() => parseJurisdictions(bad, 'x.json')).toThrow(
      /x\.json: 3 problem\(s\).*\[0\]\.iso2.*fatf_increased_monitoring\.jurisdictions.*tier: expected A, B or C/,
    );
  });

  it('names a missing or malformed file', async () => {
    await expect(loadJurisdictions('/nonexistent/j.json')).rejects.toThrow(/\/nonexistent\/j\.json/);
    const dir = await mkdtemp(join(tmpdir(), 'raqib-j-'));
    const p = join(dir, 'j.json');
    await writeFile(p, '{ not json');
    await expect(loadJurisdictions(p)).rejects.toThrow(/j\.json: not valid JSON/);
  });
});
