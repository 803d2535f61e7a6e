/** The run context the core needs from Node: the clock, who runs it, and progress on a terminal. */
import os from 'node:os';
import type { RunContext } from '../../core';
import type { Progress } from '../progress';

export function nodeRunContext(progress?: Progress): RunContext {
  let user: string | undefined;
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USER;
  }
  const fixed = process.env.SHIPSHEET_NOW;
  return {
    now: fixed ? new Date(fixed) : new Date(),
    user,
    onProgress: progress ? (phase, done, total) => progress.update(phase, done, total) : undefined,
  };
}
