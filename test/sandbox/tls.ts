/** A throwaway certificate for gitlab.com, made at start so no key ever lands in the repo. */
import { generate } from 'selfsigned';

export interface Pems {
  key: string;
  cert: string;
}

let cached: Promise<Pems> | undefined;

/** One certificate per process: generating is the slowest part of starting a sandbox. */
export function sandboxCertificate(): Promise<Pems> {
  cached ??= generate([{ name: 'commonName', value: 'gitlab.com' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 86_400_000),
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'gitlab.com' },
          { type: 2, value: '*.gitlab.com' },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return cached;
}
