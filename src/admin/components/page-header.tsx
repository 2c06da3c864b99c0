import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { VendorSwitcher } from "./vendor-switcher"

/** A Maart page's heading with the active shop (and its switcher) on the right. */
export const PageHeader = ({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: ReactNode }) => (
  <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
    <div>
      <Heading level="h1">{title}</Heading>
      {subtitle ? (
        <Text size="small" className="text-ui-fg-subtle">
          {subtitle}
        </Text>
      ) : null}
    </div>
    <div className="flex items-center gap-x-3">
      {actions}
      <VendorSwitcher compact />
    </div>
  </div>
)
