import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { useEffect } from "react"
import { useLocation, useNavigate } from "react-router-dom"

/**
 * Signing in lands on the Overview (/dashboard) instead of Medusa's /orders.
 * The login page goes to `location.state.from` after signing in, else
 * /orders: this sets `from` when no page asked for it, so a deep link still
 * wins. The Overview itself sends a role without analytics.view to Products.
 */
const VendorLoginLanding = () => {
  const location = useLocation()
  const navigate = useNavigate()
  const from = (location.state as { from?: { pathname?: string } } | null)?.from?.pathname
  useEffect(() => {
    if (!from) {
      navigate(location.pathname + location.search, { replace: true, state: { ...(location.state as object | null), from: { pathname: "/dashboard" } } })
    }
  }, [from])
  return null
}

export const config = defineWidgetConfig({ id: "maart:vendor-login-landing", zone: "login.before" })

export default VendorLoginLanding
