/**
 * A list file that cannot be read completely fails as a whole: the error names the file, the line or
 * element, and the reason. A partially parsed list is never handed on as if it were complete.
 */
export class ListParseError extends Error {
  readonly code = 'LIST_PARSE_ERROR';
  readonly file: string;
  /** "line 12", "INDIVIDUAL #3 (line 240)", … */
  readonly location: string;
  readonly reason: string;
  constructor(file: string, location: string, reason: string) {
    super(`${file}: ${location}: ${reason}`);
    this.name = 'ListParseError';
    this.file = file;
    this.location = location;
    this.reason = reason;
  }
}
