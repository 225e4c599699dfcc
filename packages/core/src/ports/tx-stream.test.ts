import { describe, expect, it } from 'vitest';
import { subjectPartition, type TxStreamSpec, txSubject } from './tx-stream.ts';

const spec: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions: 4 };

describe('transaction stream subjects', () => {
  it('reads back the partition of every subject it writes', () => {
    for (let p = 0; p < spec.partitions; p++) expect(subjectPartition(txSubject(spec, p), spec)).toBe(p);
    expect(txSubject(spec, 3)).toBe('raqib.tx.3.o');
  });

  it('names no partition for a subject the ingest does not write', () => {
    for (const subject of [
      'raqib.tx.4.o', // past the stream's partitions
      'raqib.tx.-1.o',
      'raqib.tx.1x.o',
      'raqib.tx..o',
      'raqib.tx.2.i', // a payee copy, no longer written
      'raqib.tx.2.o.extra',
      'raqib.other.2.o',
      'raqib.tx2.o',
      'raqib.tx.01.o', // not how txSubject writes partition 1: a batch end would not count it
      'raqib.tx.00.o',
    ])
      expect(subjectPartition(subject, spec), subject).toBeUndefined();
  });
});
