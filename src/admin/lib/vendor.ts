import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { Permission } from "../../modules/team/permissions"
import { sdk } from "./sdk"

/**
 * The signed-in user's vendors and the active one, shared by every Maart page
 * and widget of the dashboard. One query (/admin/me/vendors) feeds the
 * switcher, the permission checks and the vendor name shown on each page.
 */

export type VendorSummary = { id: string; handle: string; name: string; status: string }

export type Membership = {
  id: string
  vendor: VendorSummary
  role: { id: string; key: string | null; name: string }
  permissions: Permission[]
}

export type MyVendors = { memberships: Membership[]; active_vendor_id: string | null }

export const myVendorsQueryKey = ["maart", "me", "vendors"] as const
export const meQueryKey = ["maart", "users", "me"] as const

export function useMyVendors() {
  return useQuery({
    queryKey: myVendorsQueryKey,
    queryFn: () => sdk.client.fetch<MyVendors>("/admin/me/vendors"),
    staleTime: 30_000,
  })
}

/** The active vendor, the user's membership in it and its permissions (empty while loading). */
export function useActiveVendor() {
  const query = useMyVendors()
  const memberships = query.data?.memberships ?? []
  const membership = memberships.find((m) => m.vendor.id === query.data?.active_vendor_id)
  return {
    isLoading: query.isLoading,
    error: query.error,
    memberships,
    membership,
    vendor: membership?.vendor,
    role: membership?.role,
    permissions: membership?.permissions ?? [],
    activeVendorId: query.data?.active_vendor_id ?? null,
  }
}

type Me = { user: { id: string; email: string; metadata?: Record<string, unknown> | null } }

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => sdk.client.fetch<Me>("/admin/users/me"),
    staleTime: 60_000,
  })
}

/** A platform admin (user metadata `platform_admin`) holds every permission, in every vendor. */
export function useIsPlatformAdmin(): boolean {
  const { data } = useMe()
  return data?.user.metadata?.platform_admin === true
}

/**
 * Whether the signed-in user may do `permission` in the active vendor — the
 * same answer the tenancy guard gives (docs/teams.md). Use it to hide what
 * would only end in a 403, never as the protection itself.
 */
export function useCan(permission: Permission): boolean {
  const isPlatformAdmin = useIsPlatformAdmin()
  const { permissions } = useActiveVendor()
  return isPlatformAdmin || permissions.includes(permission)
}

/**
 * Makes another of the user's vendors the session's active one. Every cached
 * query belonged to the previous vendor, so all of them are reset: the mounted
 * ones refetch at once, the rest on their next use.
 */
export function useSwitchVendor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vendorId: string) =>
      sdk.client.fetch<{ active_vendor_id: string }>("/admin/me/vendor", {
        method: "POST",
        body: { vendor_id: vendorId },
      }),
    onSuccess: async () => {
      await queryClient.resetQueries()
    },
  })
}
