import type {
  CodeTokenVerifyResult,
  IssuedTokenVerifyResult,
  JSONWebKeySet,
  OfflineCardCheck,
} from '@healthcode/qr-token';

import type { EvidenceFile } from '../evidence/evidence-file.util';

/** Where evidence can come from on this host: the photo album/camera, or a file (chat file, disk). */
export type EvidenceSource = 'photo' | 'file';

export interface EvidencePicker {
  readonly sources: readonly EvidenceSource[];
  /** The picked files, read into memory; [] when the resident cancels. */
  pick(source: EvidenceSource, max: number): Promise<EvidenceFile[]>;
}

export interface CodeScanner {
  /** A camera scanner exists here (host scanner, or BarcodeDetector with a camera in the browser). */
  readonly hasCamera: boolean;
  /** The browser may also paste a token (no camera, or testing). */
  readonly canPaste: boolean;
  /** The scanned text, or null when cancelled. */
  scan(): Promise<string | null>;
}

/**
 * Checks a code token on the device. `offline: true` needs Web Crypto (H5); WeChat and Alipay have none,
 * so there the checkpoint verifies through the scan API instead and says so on screen.
 */
export type CodeVerifier =
  | {
      readonly offline: true;
      /** With a trust list, peers' codes verify too and the result names the issuer. */
      verify(
        token: string,
        keys: { jwks: JSONWebKeySet; trustList?: string },
        now: Date,
      ): Promise<CodeTokenVerifyResult | IssuedTokenVerifyResult>;
      /**
       * A printed card, against the cached card status list (signed with a key of `jwks`); `no-card-status` when
       * there is none or it fails its signature.
       */
      verifyCard(
        token: string,
        keys: { jwks: JSONWebKeySet; cardStatus?: string },
        now: Date,
      ): Promise<OfflineCardCheck | { ok: false; error: 'no-card-status' }>;
    }
  | { readonly offline: false };
