import { createHash } from 'node:crypto';

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/**
 * A batch is one uploaded list, identified by its district and its bytes: uploading the same file again yields
 * the same batch, hence the same cases, hence no new calls.
 */
export function batchIdFor(districtCode: string, listBytes: Uint8Array): string {
  return `${districtCode}-${sha256(listBytes).slice(0, 16)}`;
}

/** One household in one batch. Also the household execution's name in the cloud (≤ 80 chars). */
export function caseIdFor(batchId: string, householdId: string): string {
  return sha256(`${batchId}|${householdId}`).slice(0, 32);
}
