import type { Command } from 'commander';

/**
 * Every command registers itself here, one line each, so that adding a command touches one list.
 */
export function registerCommands(_program: Command): void {}
