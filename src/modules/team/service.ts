import { MedusaService } from "@medusajs/framework/utils"
import Membership from "./models/membership"

/** Vendor teams: who belongs to which vendor, in which role. */
class TeamModuleService extends MedusaService({ Membership }) {}

export default TeamModuleService
