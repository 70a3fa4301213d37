/**
 * Captures what this process writes to stdout and stderr while `work` runs, as lines: Powertools
 * writes through its own `Console` on the process's streams, past vitest's console capture.
 */
import { vi } from 'vitest';

/**
 * Runs `work` and returns its result with every line written meanwhile.
 * @example const { lines } = await capturedLines(() => handler(event));
 */
export async function capturedLines<R>(work: () => R | Promise<R>): Promise<{ result: R; lines: string[] }> {
  let written = '';
  const capture = (chunk: unknown) => {
    written += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    const result = await work();
    return { result, lines: written.split('\n').filter(Boolean) };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
