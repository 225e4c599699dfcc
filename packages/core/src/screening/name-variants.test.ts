import { describe, expect, it } from 'vitest';
import { nameVariants } from './name-variants.ts';
import { compareNames } from './screening-index.ts';

describe('names that hold other names in brackets', () => {
  it('are read whole, as the name outside the bracket, and as each name inside one in another script', () => {
    expect(nameVariants('حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek Noorzai)')).toEqual([
      'حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek Noorzai)',
      'حاجى مالك نورزى',
      'Hajji Malik Noorzai',
      'Haji Malek Noorzai',
    ]);
    // a bracket in the same script is part of the name (a branch, a country)
    expect(nameVariants('Bank of China (Hong Kong) Limited')).toEqual(['Bank of China (Hong Kong) Limited']);
    expect(nameVariants('Usama bin Ladin')).toEqual(['Usama bin Ladin']);
  });

  it('let a pair meet through the name it holds', () => {
    const whole = 'Ibrahim Hassan Tali Asiri (إبراهيم حسن طالع عسيري)';
    expect(compareNames('إبراهيم حسن طالع العسيري', whole, 'person').score).toBeGreaterThanOrEqual(0.9);
  });

  it('set the Persian and Pashto spellings of Haji and Qari aside as honorifics', () => {
    expect(compareNames('فیض الله خان نورزی', 'حاجى فیض الله خان نورزى', 'person').score).toBe(1);
  });
});
