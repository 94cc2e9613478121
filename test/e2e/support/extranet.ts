// Asking the reference extranet itself what became of an upload, as its README documents, so a
// test knows the server has verified a file before it asks the app to find out.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { RunningExtranet } from '../../extranet/spawn';

interface Reply {
  status: number;
  body: unknown;
}

function call(
  server: RunningExtranet,
  method: string,
  path: string,
  o: { token?: string; json?: unknown } = {},
): Promise<Reply> {
  const body = o.json === undefined ? undefined : JSON.stringify(o.json);
  const headers: Record<string, string> = {};
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, server.url),
      { method, headers, ca: readFileSync(server.ca), timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as unknown) : null,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The upload's `status` as the server has it: receiving, pending-verification, accepted, failed. */
export async function serverUploadStatus(
  server: RunningExtranet,
  user: { username: string; password: string },
  uploadId: string,
): Promise<string> {
  const login = await call(server, 'POST', '/api/v1/session', { json: user });
  if (login.status !== 201) throw new Error(`login to the extranet answered ${login.status}`);
  const { token } = login.body as { token: string };
  const upload = await call(server, 'GET', `/api/v1/uploads/${encodeURIComponent(uploadId)}`, {
    token,
  });
  if (upload.status !== 200) throw new Error(`the upload's receipt answered ${upload.status}`);
  return (upload.body as { status: string }).status;
}

/** The names of the files the server holds in each area the user has joined. */
export async function serverAreaFiles(
  server: RunningExtranet,
  user: { username: string; password: string },
): Promise<Record<string, string[]>> {
  const login = await call(server, 'POST', '/api/v1/session', { json: user });
  if (login.status !== 201) throw new Error(`login to the extranet answered ${login.status}`);
  const { token } = login.body as { token: string };
  const { areas } = (await call(server, 'GET', '/api/v1/areas', { token })).body as {
    areas: { id: string; name: string }[];
  };
  const out: Record<string, string[]> = {};
  for (const a of areas) {
    const reply = await call(server, 'GET', `/api/v1/areas/${a.id}/files`, { token });
    out[a.name] = (reply.body as { files: { fileName: string }[] }).files.map((f) => f.fileName);
  }
  return out;
}
