import { describe, expect, it } from 'vitest';
import type { Actor, Case } from './case.ts';
import { applyCaseAction, type CaseAction, type CaseResult, openCase } from './case-workflow.ts';

const ana: Actor = { id: 'ana', role: 'analyst' };
const sam: Actor = { id: 'sam', role: 'supervisor' };
const sue: Actor = { id: 'sue', role: 'supervisor' };

function ok(result: CaseResult): Case {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
  return result.after;
}

function run(start: Case, steps: [CaseAction, Actor][]): Case {
  let c = start;
  let t = 1000;
  for (const [action, actor] of steps) {
    t += 1000;
    c = ok(applyCaseAction(c, action, actor, t));
  }
  return c;
}

const opened = () =>
  ok(openCase({ id: 'case-1', title: 'fan-out', alertIds: ['a1', 'a2', 'a1'] }, ana, 1000));

describe('case workflow', () => {
  it('opens a case from distinct alerts and records who opened it', () => {
    const c = opened();
    expect(c.status).toBe('open');
    expect(c.alertIds).toEqual(['a1', 'a2']);
    expect(c.timeline).toEqual([{ at: 1000, actor: 'ana', kind: 'created', alertIds: ['a1', 'a2'] }]);
  });

  it('refuses a case without alerts', () => {
    const r = openCase({ id: 'c', title: 't', alertIds: [] }, ana, 1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('CASE_EMPTY');
  });

  it('walks open → investigating → escalated → reported with four-eyes approval', () => {
    const c = run(opened(), [
      [{ type: 'assign', assignee: 'ana' }, ana],
      [{ type: 'status', to: 'investigating', reason: 'looking' }, ana],
      [{ type: 'note', text: 'funds leave within the hour' }, ana],
      [{ type: 'status', to: 'escalated', reason: 'pattern confirmed' }, ana],
      [{ type: 'str-drafted', documentHash: 'h1' }, ana],
      [{ type: 'approve', comment: 'file it' }, sam],
      [{ type: 'status', to: 'reported', reason: 'filed with the FIU' }, ana],
    ]);
    expect(c.status).toBe('reported');
    expect(c.approval).toMatchObject({ by: 'sam', documentHash: 'h1' });
    expect(c.timeline.map((e) => e.kind)).toEqual([
      'created',
      'assigned',
      'status',
      'note',
      'status',
      'str-drafted',
      'approved',
      'status',
    ]);
  });

  it('enforces four-eyes: the drafter cannot approve, an analyst cannot approve', () => {
    const esc = run(opened(), [
      [{ type: 'status', to: 'investigating', reason: 'r' }, sam],
      [{ type: 'status', to: 'escalated', reason: 'r' }, sam],
      [{ type: 'str-drafted', documentHash: 'h1' }, sam],
    ]);
    const self = applyCaseAction(esc, { type: 'approve' }, sam, 9);
    expect(!self.ok && self.code).toBe('CASE_FOUR_EYES');
    const analyst = applyCaseAction(esc, { type: 'approve' }, ana, 9);
    expect(!analyst.ok && analyst.code).toBe('CASE_FORBIDDEN_ROLE');
    expect(applyCaseAction(esc, { type: 'approve' }, sue, 9).ok).toBe(true);
  });

  it('refuses filing without an approval of the current draft', () => {
    const esc = run(opened(), [
      [{ type: 'status', to: 'investigating', reason: 'r' }, ana],
      [{ type: 'status', to: 'escalated', reason: 'r' }, ana],
    ]);
    const noDraft = applyCaseAction(esc, { type: 'status', to: 'reported', reason: 'r' }, sam, 9);
    expect(!noDraft.ok && noDraft.code).toBe('CASE_NO_DRAFT');
    // an approval of draft h1 is voided by a newer draft h2
    const redrafted = run(esc, [
      [{ type: 'str-drafted', documentHash: 'h1' }, ana],
      [{ type: 'approve' }, sam],
      [{ type: 'str-drafted', documentHash: 'h2' }, ana],
    ]);
    expect(redrafted.approval).toBeUndefined();
    const r = applyCaseAction(redrafted, { type: 'status', to: 'reported', reason: 'r' }, sam, 9);
    expect(!r.ok && r.code).toBe('CASE_NOT_APPROVED');
  });

  it('closes as false positive only with a resolution and a reason, then takes notes only', () => {
    const c = opened();
    const noRes = applyCaseAction(c, { type: 'status', to: 'closed', reason: 'benign payroll' }, ana, 5);
    expect(!noRes.ok && noRes.code).toBe('CASE_RESOLUTION_REQUIRED');
    const noReason = applyCaseAction(
      c,
      { type: 'status', to: 'closed', reason: ' ', resolution: 'false-positive' },
      ana,
      5,
    );
    expect(!noReason.ok && noReason.code).toBe('CASE_REASON_REQUIRED');
    const closed = ok(
      applyCaseAction(
        c,
        { type: 'status', to: 'closed', reason: 'payroll', resolution: 'false-positive' },
        ana,
        5,
      ),
    );
    expect(closed).toMatchObject({ status: 'closed', resolution: 'false-positive' });
    const reopen = applyCaseAction(closed, { type: 'status', to: 'investigating', reason: 'x' }, ana, 6);
    expect(!reopen.ok && reopen.code).toBe('CASE_FINAL');
    expect(applyCaseAction(closed, { type: 'note', text: 'checked again' }, ana, 7).ok).toBe(true);
  });

  it('refuses skipping a step', () => {
    const r = applyCaseAction(opened(), { type: 'status', to: 'reported', reason: 'x' }, sam, 5);
    expect(!r.ok && r.code).toBe('CASE_INVALID_TRANSITION');
  });
});
