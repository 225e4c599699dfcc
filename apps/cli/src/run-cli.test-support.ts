import { vi } from 'vitest';
import { main } from './main.ts';

/** Runs `raqib ARGS…` in-process for a test, capturing what it prints and its exit code. */
export async function runCli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    return { code: await main(['node', 'raqib', ...args]), out, err };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}
