export const defaultAdminVendorFields = [
  "id",
  "handle",
  "name",
  "status",
  "verified_at",
  "email",
  "phone",
  "address",
  "default_language",
  "languages",
  "theme",
  "stripe_account_id",
  "metadata",
  "created_at",
  "updated_at",
  "domains.*",
  "sales_channel.id",
  "sales_channel.name",
  "api_key.id",
  "api_key.token",
  "stock_locations.id",
  "stock_locations.name",
]

export const retrieveVendorQueryConfig = { defaults: defaultAdminVendorFields, isList: false }
export const listVendorQueryConfig = { ...retrieveVendorQueryConfig, isList: true, defaultLimit: 20 }
