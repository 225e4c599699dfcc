// @vitest-environment happy-dom
import type { Subgraph } from '@raqib/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../i18n/locale.tsx';
import { NetworkGraph } from './network-graph.tsx';

const subgraph: Subgraph = {
  nodes: ['B1|hub', 'B2|m1', 'B2|m2', 'B3|far'],
  edges: [
    { txId: 't1', from: 'B1|hub', to: 'B2|m1', amount: 950_000, currency: 'USD', ts: Date.UTC(2026, 0, 1) },
    { txId: 't2', from: 'B1|hub', to: 'B2|m1', amount: 940_000, currency: 'USD', ts: Date.UTC(2026, 0, 2) },
    { txId: 't3', from: 'B1|hub', to: 'B2|m2', amount: 930_000, currency: 'USD', ts: Date.UTC(2026, 0, 3) },
    { txId: 't4', from: 'B2|m2', to: 'B3|far', amount: 900_000, currency: 'USD', ts: Date.UTC(2026, 0, 4) },
  ],
};

const draw = () =>
  render(
    <LocaleProvider locale="en">
      <NetworkGraph subgraph={subgraph} />
    </LocaleProvider>,
  );

afterEach(cleanup);

describe('NetworkGraph', () => {
  it('draws one circle per account and one link per account pair', () => {
    draw();
    expect(screen.getAllByTestId('graph-node')).toHaveLength(4);
    expect(screen.getAllByTestId('graph-link')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'B1|hub' }).getAttribute('class')).toContain('role-source');
    expect(screen.getByRole('button', { name: 'B3|far' }).getAttribute('class')).toContain('role-sink');
  });

  it('focuses an account from the keyboard and dims what it does not touch', () => {
    draw();
    fireEvent.keyDown(screen.getByRole('button', { name: 'B1|hub' }), { key: 'Enter' });
    // three payments out, 28,200 USD in compact notation
    expect(screen.getByText(/Focused account: B1\|hub/).textContent).toMatch(/In: 0 · Out: USD\s28\.2k$/i);
    expect(screen.getByRole('button', { name: 'B1|hub' }).getAttribute('aria-pressed')).toBe('true');
    // the far account has no flow with the hub
    expect(screen.getByRole('button', { name: 'B3|far' }).getAttribute('class')).toContain('dim');
    expect(screen.getByRole('button', { name: 'B2|m1' }).getAttribute('class')).not.toContain('dim');
  });

  it('lists a link’s payments on hover', () => {
    draw();
    fireEvent.pointerEnter(screen.getAllByTestId('graph-link')[0]!);
    expect(screen.getByText(/2 tx/)).toBeTruthy();
    expect(screen.getAllByText(/USD 9,500.00|USD 9,400.00/)).toHaveLength(2);
  });

  it('zooms with the buttons and returns with reset', () => {
    const { container } = draw();
    const view = () => container.querySelector('svg > g')!.getAttribute('transform');
    const before = view();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(view()).not.toBe(before);
    expect(view()).toContain('scale(1.25)');
    fireEvent.click(screen.getByRole('button', { name: 'Reset view' }));
    expect(view()).toBe(before);
  });
});
