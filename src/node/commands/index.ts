/** Every `shipsheet` command; each issue adds its own register function here. */
import type { Command } from 'commander';
import { registerDemo } from './demoCommand';
import { registerImport } from './importCommand';
import { registerInit } from './initCommand';
import { registerTrack } from './trackCommand';

export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerDemo,
  registerInit,
  registerImport,
  registerTrack,
];
