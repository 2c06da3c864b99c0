import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import multer from "multer"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { listMediaFileQueryConfig, retrieveMediaFileQueryConfig } from "./query-config"
import { AdminGetMediaFileParams, AdminGetMediaFilesParams, AdminUpdateMediaFile } from "./validators"

// As Medusa's /admin/uploads: in memory, handed to the upload workflow as base64. The body's size is capped
// before this reads it (MAX_UPLOAD_MB, src/lib/body-limit.ts); file names are UTF-8 as browsers send them.
const upload = multer({ storage: multer.memoryStorage(), defParamCharset: "utf8" }).array("files")

/** Whatever stops multer (a file under another field name, a malformed or cut-off body) is the client's: 400, not 500. */
function receiveFiles(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload(req, res, (err?: { message?: string }) =>
    next(err ? maartError("INVALID_DATA", ErrorCodes.MEDIA_FILE_REQUIRED, `Send the files in the multipart field \`files\` (${err.message}).`) : undefined)
  )
}

export const adminMediaRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/media", middlewares: [validateAndTransformQuery(AdminGetMediaFilesParams, listMediaFileQueryConfig)] },
  { methods: ["POST"], matcher: "/admin/media", middlewares: [receiveFiles] },
  { methods: ["GET"], matcher: "/admin/media/:id", middlewares: [validateAndTransformQuery(AdminGetMediaFileParams, retrieveMediaFileQueryConfig)] },
  { methods: ["POST"], matcher: "/admin/media/:id", middlewares: [validateAndTransformBody(AdminUpdateMediaFile)] },
]
