import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/**
 * A software WebAuthn authenticator for tests, in Node crypto: ES256 (P-256) passkeys, `none` attestation,
 * discoverable credentials that remember their RP id and user handle, and a signature counter. It answers what a
 * browser's `navigator.credentials` would through @simplewebauthn/browser (RegistrationResponseJSON,
 * AuthenticationResponseJSON), and lets a test bend any part of an answer: another RP id or origin, no user
 * verification, a chosen counter, another challenge.
 */

/** A credential this authenticator holds. */
export interface SoftCredential {
  /** base64url credential id. */
  id: string;
  privateKey: KeyObject;
  rpId: string;
  /** base64url user handle (the server's user.id). */
  userHandle: string;
  /** The last counter this authenticator signed with. */
  counter: number;
}

/** What a test may change in a ceremony; by default everything is what an honest browser and authenticator send. */
export interface CeremonyOverrides {
  /** The page's origin as the browser reports it in clientDataJSON (required: the page the test pretends to be on). */
  origin: string;
  /** The RP id hashed into authenticatorData (default: the options' RP id). */
  rpId?: string;
  /** The challenge named in clientDataJSON (default: the options' challenge). */
  challenge?: string;
  /** User verification (biometric or PIN) done; default true. User presence is always set. */
  userVerified?: boolean;
}

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

/** A tiny CBOR encoder (RFC 8949) for what WebAuthn needs: integers, byte strings, text strings and maps. */
export type CborValue =
  | number
  | string
  | Uint8Array
  | Map<CborValue, CborValue>
  | { [key: string]: CborValue };

function cborHead(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) {
    const head = Buffer.alloc(3);
    head[0] = (major << 5) | 25;
    head.writeUInt16BE(length, 1);
    return head;
  }
  const head = Buffer.alloc(5);
  head[0] = (major << 5) | 26;
  head.writeUInt32BE(length, 1);
  return head;
}

export function cborEncode(value: CborValue): Buffer {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error('cborEncode: integers only');
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([cborHead(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), Buffer.from(value)]);
  const entries: [CborValue, CborValue][] = value instanceof Map ? [...value] : Object.entries(value);
  return Buffer.concat([
    cborHead(5, entries.length),
    ...entries.flatMap(([key, item]) => [cborEncode(key), cborEncode(item)]),
  ]);
}

/** The COSE_Key (RFC 9053) of a P-256 public key: kty EC2, alg ES256, crv P-256, x, y. */
function coseKey(privateKey: KeyObject): Buffer {
  const jwk = privateKey.export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) throw new Error('soft authenticator: not an EC key');
  return cborEncode(
    new Map<CborValue, CborValue>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x, 'base64url')],
      [-3, Buffer.from(jwk.y, 'base64url')],
    ]),
  );
}

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const counterBytes = Buffer.alloc(4);
  counterBytes.writeUInt32BE(counter >>> 0, 0);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), counterBytes, ...(attested ? [attested] : [])]);
}

function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
}

export class SoftAuthenticator {
  /** Every credential made here, by id. */
  readonly credentials = new Map<string, SoftCredential>();
  /** This model's AAGUID (all zeros, as `none` attestation commonly reports). */
  readonly aaguid = Buffer.alloc(16);

  /**
   * navigator.credentials.create(): a new ES256 discoverable credential for the options' RP and user, or with
   * `reuse`, the same credential (id and key) attested again, as a second registration of one passkey would be.
   */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    overrides: CeremonyOverrides & { reuse?: string },
  ): RegistrationResponseJSON {
    if (!options.pubKeyCredParams.some((param) => param.alg === -7))
      throw new Error('soft authenticator: the RP does not accept ES256');
    const rpId = overrides.rpId ?? options.rp.id;
    if (!rpId) throw new Error('soft authenticator: no RP id');
    const reused = overrides.reuse ? this.credentials.get(overrides.reuse) : undefined;
    if (overrides.reuse && !reused) throw new Error('soft authenticator: no such credential to reuse');
    const privateKey = reused?.privateKey ?? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const rawId = reused ? Buffer.from(reused.id, 'base64url') : randomBytes(32);
    const id = b64url(rawId);
    const credential: SoftCredential = reused ?? {
      id,
      privateKey,
      rpId,
      userHandle: options.user.id,
      counter: 0,
    };
    this.credentials.set(id, credential);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(rawId.length, 0);
    const attested = Buffer.concat([this.aaguid, idLength, rawId, coseKey(privateKey)]);
    const flags = FLAG_UP | FLAG_AT | (overrides.userVerified === false ? 0 : FLAG_UV);
    const authData = authenticatorData(rpId, flags, credential.counter, attested);
    const attestationObject = cborEncode({ fmt: 'none', attStmt: {}, authData });
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(
          clientData('webauthn.create', overrides.challenge ?? options.challenge, overrides.origin),
        ),
        attestationObject: b64url(attestationObject),
        authenticatorData: b64url(authData),
        transports: ['internal'],
        publicKeyAlgorithm: -7,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /**
   * navigator.credentials.get(): an assertion by `credentialId` (default: the only or last credential for the RP
   * id, as a discoverable login would offer), with the counter moved forward by one unless `counter` is given.
   */
  authenticate(
    options: PublicKeyCredentialRequestOptionsJSON,
    overrides: CeremonyOverrides & { credentialId?: string; counter?: number },
  ): AuthenticationResponseJSON {
    const rpId = overrides.rpId ?? options.rpId;
    if (!rpId) throw new Error('soft authenticator: no RP id');
    const credential = overrides.credentialId
      ? this.credentials.get(overrides.credentialId)
      : [...this.credentials.values()]
          .filter((candidate) => candidate.rpId === (options.rpId ?? rpId))
          .at(-1);
    if (!credential) throw new Error('soft authenticator: no credential for this RP');
    credential.counter = overrides.counter ?? credential.counter + 1;
    const flags = FLAG_UP | (overrides.userVerified === false ? 0 : FLAG_UV);
    const authData = authenticatorData(rpId, flags, credential.counter);
    const clientDataJSON = clientData(
      'webauthn.get',
      overrides.challenge ?? options.challenge,
      overrides.origin,
    );
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      credential.privateKey,
    );
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** A copy of a credential held by another authenticator (a passkey synced to a second device). */
  adopt(credential: SoftCredential): void {
    this.credentials.set(credential.id, {
      ...credential,
      privateKey: createPrivateKey(credential.privateKey.export({ format: 'pem', type: 'pkcs8' })),
    });
  }
}
