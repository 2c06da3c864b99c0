// Every suite boots its own MikroORM: forget the entities of the previous one.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
MetadataStorage.clear()
