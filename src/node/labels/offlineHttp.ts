/** The HttpPort for offline providers (the sample labels): any request is an error, so nothing leaves the machine. */
import type { HttpPort } from '../../core';

export const OFFLINE_HTTP: HttpPort = {
  async send(request) {
    throw new Error(`no network adapter is configured (asked for ${request.method} ${request.url})`);
  },
};
