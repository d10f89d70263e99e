/**
 * Where evidence bytes live (already encrypted by EvidenceStore): object storage in production, the local disk
 * for development. Names are `<2 hex>/<sha256 hex>`; every operation is idempotent.
 */
export abstract class EvidenceStorage {
  /** Fails at boot with an actionable message when the store cannot be used (missing bucket, bad credentials). */
  abstract check(): Promise<void>;
  abstract put(name: string, bytes: Buffer): Promise<void>;
  /** The stored bytes, or null when there is no such object. */
  abstract get(name: string): Promise<Buffer | null>;
  abstract exists(name: string): Promise<boolean>;
  /** Removes the object; a missing one is fine. */
  abstract remove(name: string): Promise<void>;
}
