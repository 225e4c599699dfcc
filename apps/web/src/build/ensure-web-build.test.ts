import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webDistDir, webRoot, webSourceDigest } from './ensure-web-build.ts';

describe('web build inputs', () => {
  it('locates the Vite project and digests its sources the same way twice', () => {
    expect(existsSync(join(webRoot, 'index.html'))).toBe(true);
    expect(webDistDir).toBe(join(webRoot, 'dist'));
    const digest = webSourceDigest();
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(webSourceDigest()).toBe(digest);
  });
});
