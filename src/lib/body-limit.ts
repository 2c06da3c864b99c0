import http from "node:http"
import { normalizeRequestId } from "./request-id"
import { hookServerRequests } from "./server-hooks"

const MB = 1024 * 1024

/** The largest request body Maart takes, in bytes: MAX_UPLOAD_MB (default 100). */
export function maxBodyBytes(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.MAX_UPLOAD_MB?.trim()
  if (!value) {
    return 100 * MB
  }
  const mb = Number(value)
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || !(mb > 0)) {
    throw new Error(`MAX_UPLOAD_MB must be a positive number of megabytes; got "${env.MAX_UPLOAD_MB}".`)
  }
  return Math.floor(mb * MB)
}

function refuse(req: http.IncomingMessage, res: http.ServerResponse, max: number) {
  if (res.headersSent) {
    req.socket.destroy()
    return
  }
  const requestId = normalizeRequestId(req.headers["x-request-id"])
  const body = JSON.stringify({
    type: "payload_too_large",
    code: "PAYLOAD_TOO_LARGE",
    message: `The request body is larger than ${Math.round((max / MB) * 100) / 100} MB.`,
    request_id: requestId,
  })
  // Connection: close — the rest of the body is never read; the socket goes once the answer is out.
  res.writeHead(413, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-request-id": requestId,
    connection: "close",
  })
  res.end(body, () => req.socket.destroy())
}

/**
 * Refuses request bodies over MAX_UPLOAD_MB with 413 PAYLOAD_TOO_LARGE before anything buffers them:
 * Medusa's body parsers and the upload routes' multer (memory storage, no limit of its own) run on
 * every request ahead of project middlewares, so the check sits on the server itself, like the
 * request ids. A declared Content-Length over the limit is answered at once, unread; a body without
 * one (chunked) is counted as it arrives and cut off at the limit. Per-route JSON limits (Medusa's
 * `bodyParser.sizeLimit`, 100 kB by default) stay below this one.
 */
export function installBodyLimit(): void {
  maxBodyBytes() // a malformed MAX_UPLOAD_MB stops the server at start
  hookServerRequests("bodyLimit", (req, res) => {
    // Read per request (a string to parse): tests and operators change it without a restart of the module.
    const max = maxBodyBytes()
    const declared = req.headers["content-length"]
    if (declared !== undefined && Number(declared) > max) {
      refuse(req, res, max)
      return true
    }
    if (declared === undefined && req.headers["transfer-encoding"]) {
      capStream(req, res, max)
    }
  })
}

/** Counts a streamed body's bytes as Node's HTTP parser hands them over; past `max` the rest is refused. */
function capStream(req: http.IncomingMessage, res: http.ServerResponse, max: number) {
  const push = req.push
  let seen = 0
  req.push = function (chunk: unknown, encoding?: BufferEncoding) {
    if (chunk !== null && chunk !== undefined) {
      seen += (chunk as Buffer).length
      if (seen > max) {
        req.push = push
        refuse(req, res, max)
        return false
      }
    }
    return push.call(this, chunk, encoding)
  }
}
