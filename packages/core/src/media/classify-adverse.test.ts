import { describe, expect, it } from 'vitest';
import { analyzeArticle } from './analyze.ts';
import { ADVERSE_THRESHOLD } from './classify-adverse.ts';

const adverse = (text: string) => analyzeArticle(text, { lang: 'en' }).adverse;

describe('English adverse-media verdict', () => {
  it('calls a report of charges against a named person adverse, with its cues', () => {
    const v = adverse(
      'Former bank director charged with money laundering\n' +
        'Prosecutors said on Tuesday that John Carter, 52, was charged with laundering $3 million through ' +
        'shell companies. He was arrested at his home in Leeds and pleaded not guilty. Carter was released on ' +
        'bail. His lawyer said he had done nothing wrong.',
    );
    expect(v.adverse).toBe(true);
    expect(v.score).toBeGreaterThanOrEqual(ADVERSE_THRESHOLD);
    expect(v.cues).toEqual(expect.arrayContaining(['money laundering', 'charged']));
  });

  it('does not call a compliance product or policy piece adverse', () => {
    const v = adverse(
      'Bank launches money laundering detection software\n' +
        'Banks must meet stricter anti-money laundering rules. Our new compliance software helps firms ' +
        'screen customers, and it can flag fraud risk in real time. Regulators say institutions should ' +
        'invest in money laundering controls, and we expect more countries to follow.',
    );
    expect(v.adverse).toBe(false);
  });

  it('does not count a cue that names a topic ("money laundering rules", "fraud risk")', () => {
    const topic = adverse('Note\nThe money laundering rules and the fraud risk were discussed.');
    const act = adverse('Note\nThe money laundering and the fraud were discussed.');
    expect(topic.cues).not.toContain('money laundering');
    expect(topic.cues).not.toContain('fraud');
    expect(act.cues).toEqual(expect.arrayContaining(['money laundering', 'fraud']));
  });

  it('does not count a denied cue ("was not charged", "cleared of wrongdoing")', () => {
    const denied = adverse('Update\nThe manager was not charged and was cleared of wrongdoing.');
    const stated = adverse('Update\nThe manager was charged and admitted wrongdoing.');
    expect(denied.cues).not.toContain('charged');
    expect(denied.cues).not.toContain('wrongdoing');
    expect(denied.score).toBeLessThan(stated.score);
  });

  it('weighs the same cues higher in a narrative of events than in a general explainer', () => {
    const cues = 'bribery and embezzlement';
    const narrative = adverse(
      `Minister in court\nHe was asked about ${cues}. She said he had hidden the money. His aide was there.`,
    );
    const general = adverse(
      `Minister in court\nCountries must prevent it; we should ask how companies can report ${cues}. You may help.`,
    );
    expect(narrative.score).toBeGreaterThan(general.score);
  });
});
