import { Badge, Select, Text, toast } from "@medusajs/ui"
import { useActiveVendor, useSwitchVendor } from "../lib/vendor"

/**
 * The active vendor's name and, for a member of several, a select to act for
 * another. Switching resets every cached query (useSwitchVendor), so whatever
 * page is open shows the new vendor's data at once.
 */
export const VendorSwitcher = ({ compact = false }: { compact?: boolean }) => {
  const { memberships, vendor, role, isLoading } = useActiveVendor()
  const switchVendor = useSwitchVendor()
  if (isLoading || !memberships.length) {
    return null
  }
  const onChange = (id: string) =>
    switchVendor.mutate(id, {
      onSuccess: () => toast.success(`Now acting for ${memberships.find((m) => m.vendor.id === id)?.vendor.name}`),
      onError: (e) => toast.error(e.message),
    })
  return (
    <div className="flex items-center gap-x-3" data-testid="vendor-switcher">
      <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
        Shop
      </Text>
      {memberships.length > 1 ? (
        <div className="w-56">
        <Select value={vendor?.id ?? ""} onValueChange={onChange} disabled={switchVendor.isPending} size={compact ? "small" : "base"}>
          <Select.Trigger aria-label="Active shop">
            <Select.Value placeholder="Choose a shop" />
          </Select.Trigger>
          <Select.Content>
            {memberships.map((m) => (
              <Select.Item key={m.vendor.id} value={m.vendor.id}>
                {m.vendor.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        </div>
      ) : null}
      <Text size="small" weight="plus" data-testid="active-vendor-name" className={memberships.length > 1 ? "sr-only" : ""}>
        {vendor?.name ?? "No shop chosen"}
      </Text>
      {role ? <Badge size="2xsmall">{role.name}</Badge> : null}
    </div>
  )
}
