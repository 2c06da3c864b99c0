import { model } from "@medusajs/framework/utils"
import ImportJob from "./import-job"

/** A rejected row (severity error) or a doubt about an imported one (warning): where, which column, why. */
const ImportRowError = model
  .define("import_row_error", {
    id: model.id({ prefix: "impe" }).primaryKey(),
    job: model.belongsTo(() => ImportJob, { mappedBy: "row_errors" }),
    line: model.number(),
    column: model.text().nullable(),
    code: model.text(),
    message: model.text(),
    value: model.text().nullable(),
    external_id: model.text().nullable(),
    severity: model.enum(["error", "warning"]).default("error"),
  })
  .indexes([{ on: ["job_id", "line"], where: "deleted_at IS NULL" }])

export default ImportRowError
