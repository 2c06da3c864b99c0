import { chunkByGroup, publishChunkSize } from "../publish-job/chunk-items"

const item = (id: string, group: string | null) => ({ id, group_id: group, external_id: id })

describe("chunkByGroup", () => {
  it("keeps a group's items in one chunk, fills chunks up to the size, keeps the order", () => {
    const items = [item("a1", "A"), item("b1", "B"), item("a2", "A"), item("c", null), item("b2", "B"), item("d", null), item("e", null)]
    expect(chunkByGroup(items, 3)).toEqual([["a1", "a2"], ["b1", "b2", "c"], ["d", "e"]])
  })

  it("gives a group larger than the size a chunk of its own", () => {
    const items = [item("x", null), ...["1", "2", "3", "4"].map((n) => item(`g${n}`, "G")), item("y", null)]
    expect(chunkByGroup(items, 2)).toEqual([["x"], ["g1", "g2", "g3", "g4"], ["y"]])
  })

  it("makes no chunk of nothing", () => {
    expect(chunkByGroup([], 100)).toEqual([])
  })

  it("reads the size from MARKETPLACE_PUBLISH_CHUNK, 100 when unset or not a positive whole number", () => {
    expect([publishChunkSize({}), publishChunkSize({ MARKETPLACE_PUBLISH_CHUNK: "250" }), publishChunkSize({ MARKETPLACE_PUBLISH_CHUNK: "0" }), publishChunkSize({ MARKETPLACE_PUBLISH_CHUNK: "x" })]).toEqual([100, 250, 100, 100])
  })
})
