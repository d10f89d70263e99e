import { ApiErrorCode } from '@healthcode/contracts';
import { buildJwks, type JSONWebKeySet, type JWK, readIssuerDocument } from '@healthcode/qr-token';
import { Inject, Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

const TIMEOUT_MS = 5000;
const MAX_BYTES = 64 * 1024;

export interface FetchedIssuer {
  region: string;
  contact: string;
  jwks: JSONWebKeySet;
}

/**
 * Fetches a peer's signed issuer document and its JWKS, and returns the keys to pin. The document must be signed
 * by a key of the JWKS it names (same origin as the document), and must name the issuer id the administrator
 * expects. No redirects, a short timeout and a size cap; production accepts only https URLs.
 */
@Injectable()
export class IssuerDocumentFetcher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async fetch(documentUrl: string, expectedIssuer: string): Promise<FetchedIssuer> {
    const docUrl = this.checkedUrl(documentUrl);
    const jws = (await this.get(docUrl)).trim();
    const claimedJwksUri = unverifiedJwksUri(jws);
    if (!claimedJwksUri) throw refused('The issuer document is not a signed healthcode issuer document');
    const jwksUrl = this.checkedUrl(claimedJwksUri);
    if (jwksUrl.origin !== docUrl.origin) {
      throw refused("The issuer document's JWKS URL is not on the same site as the document");
    }
    let jwks: JSONWebKeySet;
    try {
      const parsed = JSON.parse(await this.get(jwksUrl)) as { keys?: unknown };
      jwks = buildJwks((Array.isArray(parsed.keys) ? parsed.keys : []).filter(isPublicEcKey) as JWK[]);
    } catch {
      throw refused("The peer's JWKS is not a key set of public EC P-256 keys");
    }
    if (jwks.keys.length === 0) throw refused("The peer's JWKS is not a key set of public EC P-256 keys");
    const read = await readIssuerDocument(jws, jwks);
    if (!read.ok) throw refused('The issuer document is not signed by a key of its own JWKS');
    if (read.value.iss !== expectedIssuer) throw refused('The issuer document names a different issuer id');
    return { region: read.value.region, contact: read.value.contact, jwks };
  }

  private checkedUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw refused('The issuer document URL is not a valid URL');
    }
    const httpsOnly = this.config.mode === 'production';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !httpsOnly)) {
      throw refused('Peer documents are fetched over https only');
    }
    if (url.username || url.password) throw refused('The issuer document URL is not a valid URL');
    return url;
  }

  private async get(url: URL): Promise<string> {
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      throw refused("The peer's server could not be reached");
    }
    if (!res.ok) throw refused("The peer's server did not answer with its document");
    const body = await res.arrayBuffer();
    if (body.byteLength > MAX_BYTES) throw refused("The peer's document is too large");
    return new TextDecoder().decode(body);
  }
}

function unverifiedJwksUri(jws: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      jwks_uri?: unknown;
    };
    return typeof payload.jwks_uri === 'string' ? payload.jwks_uri : null;
  } catch {
    return null;
  }
}

function isPublicEcKey(k: unknown): boolean {
  const jwk = k as JWK | null;
  return (
    typeof jwk === 'object' &&
    jwk !== null &&
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    typeof jwk.kid === 'string' &&
    jwk.d === undefined
  );
}

/** The administrator's URL led nowhere usable: a 400 on that field (shown beside it in the console), never a 5xx. */
function refused(message: string): DomainException {
  return new DomainException(ApiErrorCode.ValidationFailed, message, [{ path: 'documentUrl', message }]);
}
