import fs from "node:fs"
import os from "node:os"
import path from "node:path"
// s3rver: an S3-compatible server (the S3 REST protocol, signatures and presigned URLs) on a local folder.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver")

export const S3_TEST_BUCKET = "maart-files"

/**
 * Starts an S3-compatible server on loopback before the suite's Maart boots and points Maart's S3_* settings
 * at it (medusa-config reads them when the test runner loads it, after this hook). Call before
 * medusaIntegrationTestRunner.
 */
export function useS3Server() {
  const state: { endpoint: string; fileUrl: string; directory: string } = { endpoint: "", fileUrl: "", directory: "" }
  let server: { run(): Promise<{ port: number }>; close(): Promise<void> } | undefined
  const saved = { ...process.env }

  beforeAll(async () => {
    state.directory = fs.mkdtempSync(path.join(os.tmpdir(), "maart-s3-"))
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: state.directory, configureBuckets: [{ name: S3_TEST_BUCKET }] })
    const { port } = await server!.run()
    state.endpoint = `http://127.0.0.1:${port}`
    state.fileUrl = `${state.endpoint}/${S3_TEST_BUCKET}`
    Object.assign(process.env, {
      S3_BUCKET: S3_TEST_BUCKET,
      S3_ENDPOINT: state.endpoint,
      S3_FILE_URL: state.fileUrl,
      S3_REGION: "us-east-1",
      // s3rver's fixed development credentials.
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    })
  })

  afterAll(async () => {
    for (const key of ["S3_BUCKET", "S3_ENDPOINT", "S3_FILE_URL", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
    await server?.close()
    fs.rmSync(state.directory, { recursive: true, force: true })
  })

  return state
}
