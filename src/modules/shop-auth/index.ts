import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import ShopEmailPassProvider from "./service"

export { SHOP_AUTH_PROVIDER, SHOP_HEADER, shopEntityId } from "./service"

export default ModuleProvider(Modules.AUTH, { services: [ShopEmailPassProvider] })
