import type { Config } from "@react-router/dev/config"

// Server rendering: the shop comes from the request's host, so every page is rendered per request.
export default {
  ssr: true,
} satisfies Config
