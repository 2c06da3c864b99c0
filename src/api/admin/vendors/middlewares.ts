import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listVendorQueryConfig, retrieveVendorQueryConfig } from "./query-config"
import { AdminCreateVendor, AdminDeleteVendorParams, AdminGetVendorParams, AdminGetVendorsParams, AdminUpdateVendor } from "./validators"

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
    matcher: "/admin/vendors/:id/:action",
    middlewares: [validateAndTransformQuery(AdminGetVendorParams, retrieveVendorQueryConfig)],
  },
]
