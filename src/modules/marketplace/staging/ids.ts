import { randomBytes } from "node:crypto"

// Crockford's base32, as ULIDs (and Medusa's generateEntityId) spell them.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * `n` ids shaped like Medusa's (`<prefix>_<ULID>`: 48-bit time, 80 random bits), made in one go:
 * one clock read and one randomBytes call per batch instead of per id (generateEntityId costs
 * ~45 µs an id — a fifth of a feed row's whole budget).
 */
export function entityIds(prefix: string, n: number): string[] {
  let time = ""
  for (let t = Date.now(), i = 0; i < 10; i++, t = Math.floor(t / 32)) {
    time = ALPHABET[t % 32] + time
  }
  const bytes = randomBytes(16 * n)
  const ids = new Array<string>(n)
  for (let k = 0; k < n; k++) {
    let id = `${prefix}_${time}`
    // 256 is a multiple of 32: the low five bits of a random byte are a uniform digit.
    for (let j = 16 * k; j < 16 * k + 16; j++) {
      id += ALPHABET[bytes[j] & 31]
    }
    ids[k] = id
  }
  return ids
}
