export { CliError } from './cli-error.ts';
export { main } from './main.ts';
export { buildProgram } from './program.ts';
