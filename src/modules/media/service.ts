import { MedusaService } from "@medusajs/framework/utils"
import MediaFile from "./models/media-file"

/**
 * The vendors' media libraries (docs/admin.md, "Media"): records of the files
 * uploaded through Medusa's file module. The files themselves stay the file
 * module's; the workflows in src/workflows/media keep both in step.
 */
class MediaModuleService extends MedusaService({ MediaFile }) {}

export default MediaModuleService
