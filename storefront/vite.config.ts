import { reactRouter } from "@react-router/dev/vite"
import { defineConfig } from "vite"

export default defineConfig({
  plugins: [reactRouter()],
  // Any shop host (`<handle>.localhost`, custom domains) reaches the dev server.
  server: { port: Number(process.env.PORT || 8000), allowedHosts: true },
})
