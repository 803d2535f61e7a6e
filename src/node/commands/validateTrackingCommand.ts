/** `shipsheet validate-tracking NUMBER...`: which carrier each number belongs to and whether its check digit is right. */
import type { Command } from 'commander';
import { validateTrackingNumber } from '../../core';
import type { TrackingCheck } from '../../core';

export function describeCheck(check: TrackingCheck): string {
  if (check.matches.length === 0)
    return `${check.input.trim()}: invalid — matches no known tracking number format`;
  const parts = check.matches.map((m) =>
    m.valid
      ? `${m.carrier} (${m.formatName}${m.checkDigit === 'none' ? ', no check digit' : ', check digit ok'})`
      : `${m.formatName} shape, but ${m.reason}`,
  );
  return `${check.normalized}: ${check.valid ? 'valid' : 'invalid'} — ${parts.join('; ')}`;
}

export function registerValidateTracking(program: Command): void {
  program
    .command('validate-tracking')
    .description(
      'say which carrier each tracking number fits and whether its check digit is right (exit 1 if any is invalid)',
    )
    .argument('<numbers...>', 'tracking numbers (quote a number that holds spaces)')
    .option('--json', 'print a machine-readable result')
    .action((numbers: string[], opts: { json?: boolean }) => {
      const checks = numbers.map(validateTrackingNumber);
      if (opts.json) process.stdout.write(JSON.stringify(checks, null, 2) + '\n');
      else for (const c of checks) process.stdout.write(describeCheck(c) + '\n');
      process.exitCode = checks.every((c) => c.valid) ? 0 : 1;
    });
}
