/** Send a file's bytes to a network label printer's raw port (JetDirect, usually 9100), as ZPL printers take it. */
import net from 'node:net';

export interface PrinterAddress {
  readonly host: string;
  readonly port: number;
}

/** `host:port` or `host` (port 9100). IPv6 in brackets: `[::1]:9100`. */
export function parsePrinterAddress(text: string): PrinterAddress | null {
  const m = /^(?:\[([^\]]+)\]|([^:\s]+))(?::(\d{1,5}))?$/.exec(text.trim());
  if (!m) return null;
  const port = m[3] === undefined ? 9100 : Number(m[3]);
  if (!(port > 0 && port < 65536)) return null;
  return { host: m[1] ?? m[2], port };
}

export async function sendToPrinter(
  printer: PrinterAddress,
  data: Uint8Array | string,
  timeoutMs = 15000,
): Promise<number> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return new Promise<number>((resolve, reject) => {
    const socket = net.connect({ host: printer.host, port: printer.port });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(
        new Error(`printer ${printer.host}:${printer.port} did not answer in ${timeoutMs / 1000} s`),
      ),
    );
    socket.on('error', (e) =>
      reject(new Error(`cannot print to ${printer.host}:${printer.port}: ${e.message}`)),
    );
    socket.on('connect', () => {
      socket.end(bytes);
    });
    socket.on('close', (hadError) => {
      if (!hadError) resolve(bytes.length);
    });
  });
}
