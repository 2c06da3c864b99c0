import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import multer from "multer"
import { listMediaFileQueryConfig, retrieveMediaFileQueryConfig } from "./query-config"
import { AdminGetMediaFileParams, AdminGetMediaFilesParams, AdminUpdateMediaFile } from "./validators"

// As Medusa's /admin/uploads: in memory, handed to the upload workflow as base64. The body's size is capped
// before this reads it (MAX_UPLOAD_MB, src/lib/body-limit.ts); file names are UTF-8 as browsers send them.
const upload = multer({ storage: multer.memoryStorage(), defParamCharset: "utf8" })

export const adminMediaRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/media", middlewares: [validateAndTransformQuery(AdminGetMediaFilesParams, listMediaFileQueryConfig)] },
  { methods: ["POST"], matcher: "/admin/media", middlewares: [upload.array("files")] },
  { methods: ["GET"], matcher: "/admin/media/:id", middlewares: [validateAndTransformQuery(AdminGetMediaFileParams, retrieveMediaFileQueryConfig)] },
  { methods: ["POST"], matcher: "/admin/media/:id", middlewares: [validateAndTransformBody(AdminUpdateMediaFile)] },
]
