/**
 * E-mail of a finished report through SMTP (nodemailer). The server and credentials come from environment
 * variables only, never from the workbook, so no secret sits in a sheet, a log or the repo:
 * SHIPSHEET_SMTP_HOST, SHIPSHEET_SMTP_PORT (587), SHIPSHEET_SMTP_SECURE (true: TLS from the start, port 465),
 * SHIPSHEET_SMTP_USER, SHIPSHEET_SMTP_PASSWORD, SHIPSHEET_SMTP_FROM.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

export class SmtpConfigError extends Error {}

export function smtpFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpSettings {
  const host = env.SHIPSHEET_SMTP_HOST?.trim();
  if (!host)
    throw new SmtpConfigError(
      'SHIPSHEET_SMTP_HOST is not set: set the SMTP server in the environment to e-mail reports (see docs/reports.md).',
    );
  const port = Number(
    env.SHIPSHEET_SMTP_PORT ?? (/^true$/i.test(env.SHIPSHEET_SMTP_SECURE ?? '') ? 465 : 587),
  );
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new SmtpConfigError(`SHIPSHEET_SMTP_PORT ${env.SHIPSHEET_SMTP_PORT} is not a port number.`);
  const from = env.SHIPSHEET_SMTP_FROM?.trim() || env.SHIPSHEET_SMTP_USER?.trim();
  if (!from) throw new SmtpConfigError('SHIPSHEET_SMTP_FROM is not set: the address reports are sent from.');
  return {
    host,
    port,
    secure: /^true$/i.test(env.SHIPSHEET_SMTP_SECURE ?? ''),
    user: env.SHIPSHEET_SMTP_USER || undefined,
    password: env.SHIPSHEET_SMTP_PASSWORD || undefined,
    from,
  };
}

export interface ReportEmail {
  to: readonly string[];
  subject: string;
  /** The report page, as the message body. */
  html: string;
  /** Files attached (the report's .html/.xlsx) and the chart PNG, shown where a mail client drops inline SVG. */
  files: readonly string[];
  chartPng?: Buffer;
}

export async function sendReportEmail(smtp: SmtpSettings, mail: ReportEmail): Promise<string> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
  });
  try {
    const info = await transport.sendMail({
      from: smtp.from,
      to: [...mail.to],
      subject: mail.subject,
      html: mail.html,
      attachments: [
        ...mail.files.map((f) => ({ filename: path.basename(f), content: fs.createReadStream(f) })),
        ...(mail.chartPng
          ? [{ filename: 'sales-chart.png', content: mail.chartPng, contentType: 'image/png' }]
          : []),
      ],
    });
    return info.messageId;
  } finally {
    transport.close();
  }
}
