import type { ShopTheme } from "./shop.server"

/** The bundled font choices: system font stacks only, nothing downloaded. */
export const FONTS = ["system", "serif", "rounded", "mono"] as const
export type Font = (typeof FONTS)[number]

// Vendors write their theme; only plain color values reach the page's CSS.
const COLOR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\)|[a-z]{3,20})$/i

export function safeColor(value: unknown, fallback: string): string {
  return typeof value === "string" && COLOR.test(value.trim()) ? value.trim() : fallback
}

export function fontOf(theme: ShopTheme | undefined): Font {
  const f = (theme?.font ?? "").toLowerCase()
  return (FONTS as readonly string[]).includes(f) ? (f as Font) : "system"
}

/** Black or white, whichever reads better on a #rrggbb background. */
export function readableOn(color: string): string {
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color)?.[1]
  if (!hex) {
    return "#ffffff"
  }
  const full = hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return luminance > 0.4 ? "#111111" : "#ffffff"
}

/** The CSS variables of a shop's theme (set on <html>; app.css reads them). */
export function themeVariables(theme: ShopTheme | undefined): Record<string, string> {
  const primary = safeColor(theme?.primary_color, "#1f2937")
  const accent = safeColor(theme?.accent_color, "#2563eb")
  return {
    "--color-primary": primary,
    "--color-on-primary": readableOn(primary),
    "--color-accent": accent,
    "--color-on-accent": readableOn(accent),
  }
}

/** A logo URL safe to put in <img src>: http(s) only. */
export function logoUrl(theme: ShopTheme | undefined): string | null {
  const url = theme?.logo_url
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null
}
