import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAuditLogRoutesMiddlewares } from "./admin/audit-log/middlewares"
import { adminDashboardRoutesMiddlewares } from "./admin/dashboard/middlewares"
import { adminLayoutRoutesMiddlewares } from "./admin/layouts/middlewares"
import { adminNotificationRoutesMiddlewares } from "./admin/notifications/middlewares"
import { adminMediaRoutesMiddlewares } from "./admin/media/middlewares"
import { adminInventoryMovementRoutesMiddlewares } from "./admin/inventory/middlewares"
import { adminFeedConfigRoutesMiddlewares } from "./admin/marketplace/feed-config/middlewares"
import { adminImportJobRoutesMiddlewares } from "./admin/marketplace/imports/middlewares"
import { adminPublishJobRoutesMiddlewares } from "./admin/marketplace/publish-jobs/middlewares"
import { adminPublishRoutesMiddlewares } from "./admin/marketplace/publish/middlewares"
import { adminStagedProductRoutesMiddlewares } from "./admin/marketplace/staged-products/middlewares"
import { adminPlatformUserRoutesMiddlewares } from "./admin/platform/users/middlewares"
import { adminTeamRoutesMiddlewares } from "./admin/team/middlewares"
import { adminActiveVendorRoutesMiddlewares } from "./admin/vendor/middlewares"
import { adminVendorRoutesMiddlewares } from "./admin/vendors/middlewares"
import { auditRecorder } from "./audit/recorder"
import { deactivatedLoginMiddlewares } from "./auth/deactivated-login"
import { sessionVendorMiddlewares } from "./auth/session-vendor"
import { authRateLimitMiddlewares } from "./auth/rate-limit"
import { shopAuthMiddlewares } from "./auth/shop-auth"
import { paymentHookMiddlewares } from "./hooks/payment/middlewares"
import { storeCartRoutesMiddlewares } from "./store/carts/middlewares"
import { storeProductRoutesMiddlewares } from "./store/products/middlewares"
import { storeSearchRoutesMiddlewares } from "./store/search/middlewares"
import { adminCatalogSearchRoutesMiddlewares } from "./admin/catalog-search/middlewares"
import { storeRateLimitMiddlewares } from "./store/rate-limit"
import { storePaymentCollectionRoutesMiddlewares } from "./store/payment-collections/middlewares"
import { storeVendorRoutesMiddlewares } from "./store/vendors/middlewares"
import { metricsRoutesMiddlewares } from "./metrics/middlewares"
import { maartErrorHandler } from "./utils/error-handler"
import { adminTenancyGuard } from "./tenancy/admin-guard"
import { idempotencyMiddlewares } from "./idempotency"
import { storeTenancyGuard } from "./tenancy/store-guard"

/** Gathers the per-resource middleware arrays. */
export default defineMiddlewares({
  errorHandler: maartErrorHandler,
  routes: [
    // The shop first: a shop customer's login attempts count per shop.
    ...shopAuthMiddlewares,
    ...authRateLimitMiddlewares,
    ...deactivatedLoginMiddlewares,
    ...sessionVendorMiddlewares,
    // Before the guard, so refused writes are recorded too.
    { matcher: "/admin*", middlewares: [auditRecorder] },
    // No `methods`: runs before Medusa's validators, so list filters it writes are validated and applied.
    { matcher: "/admin*", middlewares: [adminTenancyGuard] },
    // Before the guard: a refused request costs no shop lookup.
    ...storeRateLimitMiddlewares,
    { matcher: "/store*", middlewares: [storeTenancyGuard] },
    // After the guards (a key belongs to the actor and vendor they establish), before every handler.
    ...idempotencyMiddlewares,
    // After the guard (it needs the shop), before Medusa's validators: a shop's catalog page in one query.
    ...storeProductRoutesMiddlewares,
    ...adminVendorRoutesMiddlewares,
    ...adminActiveVendorRoutesMiddlewares,
    ...adminTeamRoutesMiddlewares,
    ...adminPlatformUserRoutesMiddlewares,
    ...adminAuditLogRoutesMiddlewares,
    ...adminInventoryMovementRoutesMiddlewares,
    ...adminDashboardRoutesMiddlewares,
    ...adminLayoutRoutesMiddlewares,
    // After the guard, before Medusa's validators: a shop's notification log in place of Medusa's list.
    ...adminNotificationRoutesMiddlewares,
    ...adminMediaRoutesMiddlewares,
    ...adminImportJobRoutesMiddlewares,
    ...adminFeedConfigRoutesMiddlewares,
    ...adminStagedProductRoutesMiddlewares,
    ...adminPublishRoutesMiddlewares,
    ...adminPublishJobRoutesMiddlewares,
    ...storeVendorRoutesMiddlewares,
    ...storeSearchRoutesMiddlewares,
    ...adminCatalogSearchRoutesMiddlewares,
    ...storeCartRoutesMiddlewares,
    ...storePaymentCollectionRoutesMiddlewares,
    ...paymentHookMiddlewares,
    ...metricsRoutesMiddlewares,
  ],
})
