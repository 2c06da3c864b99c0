import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listVendorQueryConfig, retrieveVendorQueryConfig } from "./query-config"
import {
  AdminAddVendorDomain,
  AdminCreateVendor,
  AdminDeleteVendorParams,
  AdminGetVendorParams,
  AdminGetVendorsParams,
  AdminImportVendors,
  AdminUpdateVendor,
  AdminVerifyVendorDomain,
} from "./validators"

export const adminVendorRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/vendors",
    middlewares: [validateAndTransformQuery(AdminGetVendorsParams, listVendorQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/vendors",
    middlewares: [
      validateAndTransformBody(AdminCreateVendor),
      validateAndTransformQuery(AdminGetVendorParams, retrieveVendorQueryConfig),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/vendors/import",
    // A few thousand vendors per file.
    bodyParser: { sizeLimit: "5mb" },
    middlewares: [validateAndTransformBody(AdminImportVendors)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/vendors/:id",
    middlewares: [validateAndTransformQuery(AdminGetVendorParams, retrieveVendorQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/vendors/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateVendor),
      validateAndTransformQuery(AdminGetVendorParams, retrieveVendorQueryConfig),
    ],
  },
  {
    methods: ["DELETE"],
    matcher: "/admin/vendors/:id",
    middlewares: [validateAndTransformQuery(AdminDeleteVendorParams, { defaults: [], isList: false })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/vendors/:id/domains",
    middlewares: [validateAndTransformBody(AdminAddVendorDomain)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/vendors/:id/domains/:domain_id/verify",
    middlewares: [validateAndTransformBody(AdminVerifyVendorDomain)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/vendors/:id/:action",
    middlewares: [validateAndTransformQuery(AdminGetVendorParams, retrieveVendorQueryConfig)],
  },
]
