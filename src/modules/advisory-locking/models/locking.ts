// The stock provider's `locking` table (acquire/release with owners and expiry), unchanged.
export { default } from "@medusajs/locking-postgres/dist/models/locking"
