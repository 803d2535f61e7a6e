/** Every `shipsheet` command; each issue adds its own register function here. */
import type { Command } from 'commander';
import { registerDemo } from './demoCommand';
import { registerGoogle } from './googleCommand';
import { registerImport } from './importCommand';
import { registerInit } from './initCommand';
import { registerSync } from './syncCommand';
import { registerTrack } from './trackCommand';

export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerDemo,
  registerInit,
  registerImport,
  registerSync,
  registerGoogle,
  registerTrack,
];
