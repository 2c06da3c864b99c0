const DEFAULT_CHUNK = 100

/** Staged items per publishing workflow (MARKETPLACE_PUBLISH_CHUNK, default 100): each chunk is created, or compensated, whole. */
export function publishChunkSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number(env.MARKETPLACE_PUBLISH_CHUNK || DEFAULT_CHUNK)
  return Number.isInteger(size) && size > 0 ? size : DEFAULT_CHUNK
}

/**
 * Cuts items into chunks of about `size`, a group's items always in the same
 * chunk (a product is made with all its variants): a group larger than `size`
 * is a chunk of its own. Keeps the items' order.
 */
export function chunkByGroup(items: { id: string; group_id: string | null; external_id: string }[], size = publishChunkSize()): string[][] {
  const groups = new Map<string, string[]>()
  for (const item of items) {
    const key = item.group_id ?? `id:${item.external_id}`
    groups.set(key, [...(groups.get(key) ?? []), item.id])
  }
  const chunks: string[][] = []
  for (const members of groups.values()) {
    const last = chunks[chunks.length - 1]
    if (last && last.length + members.length <= size) {
      last.push(...members)
    } else {
      chunks.push([...members])
    }
  }
  return chunks
}
