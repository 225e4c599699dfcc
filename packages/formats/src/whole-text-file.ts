import { constants } from 'node:buffer';

/**
 * Largest file (bytes) read whole into one string: banks.csv, accounts.csv, screen's customers and pairs files.
 * It is V8's longest string (`buffer.constants.MAX_STRING_LENGTH`, 2^29 − 24 UTF-16 units on 64-bit Node), not a
 * round 512 MiB: UTF-8 text has no more characters than bytes, so a file within it always fits in one string, while
 * a file up to 24 bytes over it was read and then failed as "Invalid string length". Checked before reading.
 */
export const MAX_WHOLE_TEXT_FILE: number = constants.MAX_STRING_LENGTH;
