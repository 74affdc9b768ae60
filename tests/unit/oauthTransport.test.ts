// The token endpoint is reached through Keypost's own transport: a port fetch refuses works for tokens as for sends.
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestClientCredentials } from '../../electron/core/credentials/oauth/tokenEndpoint';
import { Secret } from '../../electron/core/credentials/secret';
import { listenOnBlockedPort } from '../fixtures/faultyServers';

describe('the token endpoint', () => {
  it('is reached on a port on the Fetch standard’s blocked list', async () => {
    const grants: string[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        grants.push(new URLSearchParams(body).get('grant_type') ?? '');
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'at-blocked-port', token_type: 'Bearer', expires_in: 60 }));
      });
    });
    const port = await listenOnBlockedPort(server);
    try {
      const issued = await requestClientCredentials({
        config: { flow: 'clientCredentials', tokenUrl: `http://127.0.0.1:${port}/token`, clientId: 'machine', clientAuth: 'basic' },
        clientSecret: new Secret('s3cret'),
      });
      if (!issued.ok) throw new Error(issued.error.message);
      expect([issued.value.accessToken.reveal(), issued.value.expiresIn]).toEqual(['at-blocked-port', 60]);
      expect(grants).toEqual(['client_credentials']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
