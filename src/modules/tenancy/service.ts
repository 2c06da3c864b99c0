import { MedusaService } from "@medusajs/framework/utils"
import Vendor from "./models/vendor"
import VendorDomain from "./models/vendor-domain"

/**
 * Vendors (tenants) and the host names their shops answer on. Generated CRUD
 * from MedusaService; the rules (handles, domains, status changes) live in the
 * tenancy workflows' validate steps.
 */
class TenancyModuleService extends MedusaService({ Vendor, VendorDomain }) {}

export default TenancyModuleService
