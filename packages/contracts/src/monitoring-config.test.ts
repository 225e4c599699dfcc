import { defaultMonitoringConfig } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { parseMonitoringConfig } from './monitoring-config.ts';

describe('parseMonitoringConfig', () => {
  it('overrides only what the file names and keeps the rest of the defaults', () => {
    const c = parseMonitoringConfig({
      version: 'bank-a-2026-12',
      flagThreshold: 0.6,
      detectors: {
        'fan-out': { params: { windowMs: 86_400_000 }, bands: [4, 6, 8] },
        dormant: { enabled: false },
      },
      typologies: { 'FAN-OUT': { alertThreshold: 0.8, weights: { 'fan-out': [0.5, 0.6, 0.7] } } },
    });
    const d = defaultMonitoringConfig();
    expect(c.version).toBe('bank-a-2026-12');
    expect(c.flagThreshold).toBe(0.6);
    expect(c.detectors['fan-out']?.params.windowMs).toBe(86_400_000);
    expect(c.detectors['fan-out']?.params.maxScan).toBe(d.detectors['fan-out']?.params.maxScan);
    expect(c.detectors['fan-out']?.bands).toEqual([4, 6, 8]);
    expect(c.detectors.dormant?.enabled).toBe(false);
    expect(c.typologies['FAN-OUT']?.alertThreshold).toBe(0.8);
    expect(c.typologies['FAN-OUT']?.weights['amount-spike']).toEqual(
      d.typologies['FAN-OUT']?.weights['amount-spike'],
    );
    expect(Object.isFrozen(c.detectors['fan-out'])).toBe(true);
  });

  it('reports every problem at once, with its path and the source', () => {
    expect(() =>
      parseMonitoringConfig(
        {
          flagThreshold: 2,
          detectors: { 'fan-out': { params: { windowMs: 1, nope: 3 } }, bogus: {} },
          typologies: { 'FAN-OUT': { weights: { 'not-a-detector': [0.1, 0.2, 0.3] } } },
        },
        'cfg.json',
      ),
    ).toThrow(/cfg\.json: \d+ problem\(s\): .*version.*flagThreshold.*detectors\.fan-out\.params.*/);
  });

  it('rejects descending bands', () => {
    expect(() => parseMonitoringConfig({ version: 'x', detectors: { cycle: { bands: [5, 3, 1] } } })).toThrow(
      /ascending/,
    );
  });

  it('refuses a funds-tracing lower share above the upper one, and takes one at or below it', () => {
    expect(() =>
      parseMonitoringConfig({ version: 'x', fundsTracing: { minShare: 5, maxShare: 0.5 } }, 'cfg.json'),
    ).toThrow(/cfg\.json: .*fundsTracing\.minShare \(5\) is above fundsTracing\.maxShare \(0\.5\)/);
    expect(() => parseMonitoringConfig({ version: 'x', fundsTracing: { minShare: 1 } })).toThrow(/minShare/);
    const ok = parseMonitoringConfig({ version: 'x', fundsTracing: { minShare: 0.25 } });
    expect(ok.fundsTracing.minShare).toBe(0.25);
    expect(ok.fundsTracing.maxShare).toBe(0.96);
  });
});
