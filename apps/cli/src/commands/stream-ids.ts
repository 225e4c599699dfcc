/**
 * The id an AMLworld payment travels under on the transaction stream: its file's name and its row. AMLworld rows
 * carry no id of their own (the reader names a payment by its row, unique only within its file), and ids must be
 * unique on the stream across files and ingest runs: daily files under distinct names never collide, and the same
 * file ingested again names its payments alike, so the stream and the workers pass the repeats over. Formats that
 * carry ids (JSON Lines, pacs.008, AMLSim) keep them: the same payment in two files is one payment.
 */
export function amlworldStreamId(fileName: string, rowId: string): string {
  return `${fileName}#${rowId}`;
}
