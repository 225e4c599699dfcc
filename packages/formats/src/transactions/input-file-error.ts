/**
 * A problem with an input file as a whole: missing or unreadable, wrong header, not the format it claims,
 * refused for safety (DOCTYPE, oversized record), or reference rows that are wrong. The message starts with the
 * file's path and says what to fix, so a CLI can print it as is (no stack) and exit non-zero. Problems with single
 * records are never thrown: they come back as rejections.
 */
export class InputFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InputFileError';
  }
}
