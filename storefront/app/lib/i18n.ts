/**
 * The storefront's own words in the four shop languages. Product content comes
 * translated from the Store API (`x-medusa-locale`); these are the labels
 * around it. Luxembourgish falls back to French key by key.
 */

export const LANGUAGES = ["fr", "de", "en", "lb"] as const
export type Lang = (typeof LANGUAGES)[number]

export const LANGUAGE_NAMES: Record<Lang, string> = {
  fr: "Français",
  de: "Deutsch",
  en: "English",
  lb: "Lëtzebuergesch",
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value)
}

type Dictionary = Record<string, string>

const en: Dictionary = {
  "catalog.count_one": "1 product",
  "search.results_one": "1 result for “{q}”",
  "product.quantity_invalid": "Choose a quantity from 1 to {max}.",
  "nav.skip": "Skip to content",
  "nav.main": "Main",
  "nav.home": "Home",
  "nav.products": "Products",
  "nav.search": "Search",
  "nav.account": "Account",
  "nav.cart": "Cart",
  "nav.cart_count": "Cart ({count})",
  "lang.label": "Language",
  "lang.submit": "Change",
  "footer.powered": "A shop on Maart",
  "footer.rights": "© {year} {shop}",
  "home.title": "Welcome to {shop}",
  "home.featured": "New in",
  "home.all_products": "See all products",
  "home.empty": "No products yet.",
  "catalog.title": "Products",
  "catalog.filters": "Filter and sort",
  "catalog.category": "Category",
  "catalog.all_categories": "All categories",
  "catalog.sort": "Sort by",
  "catalog.sort.newest": "Newest",
  "catalog.sort.price_asc": "Price: low to high",
  "catalog.sort.price_desc": "Price: high to low",
  "catalog.sort.title": "Name",
  "catalog.apply": "Apply",
  "catalog.count": "{count} products",
  "catalog.empty": "No products match.",
  "pagination.label": "Pages",
  "pagination.previous": "Previous page",
  "pagination.next": "Next page",
  "pagination.page": "Page {page}",
  "pagination.status": "Page {page} of {pages}",
  "product.from": "from {price}",
  "product.price": "Price",
  "product.options": "Options",
  "product.choose": "Show this variant",
  "product.variant_missing": "This combination is not available.",
  "product.in_stock": "In stock",
  "product.out_of_stock": "Out of stock",
  "product.quantity": "Quantity",
  "product.add_to_cart": "Add to cart",
  "product.added": "Added to your cart.",
  "product.choose_first": "Choose an option first.",
  "product.images": "Images",
  "product.no_image": "No image",
  "product.not_found": "This product does not exist (any more).",
  "product.unavailable": "Not available",
  "search.title": "Search",
  "search.label": "Search the shop",
  "search.submit": "Search",
  "search.results": "{count} results for “{q}”",
  "search.none": "Nothing found for “{q}”.",
  "search.prompt": "What are you looking for?",
  "cart.title": "Cart",
  "checkout.title": "Checkout",
  "order.confirmed": "Thank you for your order",
  "account.title": "Your account",
  "account.login": "Sign in",
  "account.register": "Create an account",
  "account.logout": "Sign out",
  "account.orders": "Orders",
  "error.not_found.title": "Page not found",
  "error.not_found.text": "There is nothing at this address.",
  "error.shop_not_found.title": "Shop not found",
  "error.shop_not_found.text": "No shop answers at this address.",
  "error.closed.title": "Shop closed",
  "error.closed.text": "This shop is closed at the moment. Please come back later.",
  "error.generic.title": "Something went wrong",
  "error.generic.text": "Please try again in a moment.",
  "error.back_home": "Back to the shop",
}

const fr: Dictionary = {
  "catalog.count_one": "1 produit",
  "search.results_one": "1 résultat pour « {q} »",
  "product.quantity_invalid": "Choisissez une quantité de 1 à {max}.",
  "nav.skip": "Aller au contenu",
  "nav.main": "Principal",
  "nav.home": "Accueil",
  "nav.products": "Produits",
  "nav.search": "Recherche",
  "nav.account": "Compte",
  "nav.cart": "Panier",
  "nav.cart_count": "Panier ({count})",
  "lang.label": "Langue",
  "lang.submit": "Changer",
  "footer.powered": "Une boutique sur Maart",
  "footer.rights": "© {year} {shop}",
  "home.title": "Bienvenue chez {shop}",
  "home.featured": "Nouveautés",
  "home.all_products": "Voir tous les produits",
  "home.empty": "Pas encore de produits.",
  "catalog.title": "Produits",
  "catalog.filters": "Filtrer et trier",
  "catalog.category": "Catégorie",
  "catalog.all_categories": "Toutes les catégories",
  "catalog.sort": "Trier par",
  "catalog.sort.newest": "Nouveautés",
  "catalog.sort.price_asc": "Prix croissant",
  "catalog.sort.price_desc": "Prix décroissant",
  "catalog.sort.title": "Nom",
  "catalog.apply": "Appliquer",
  "catalog.count": "{count} produits",
  "catalog.empty": "Aucun produit ne correspond.",
  "pagination.label": "Pages",
  "pagination.previous": "Page précédente",
  "pagination.next": "Page suivante",
  "pagination.page": "Page {page}",
  "pagination.status": "Page {page} sur {pages}",
  "product.from": "à partir de {price}",
  "product.price": "Prix",
  "product.options": "Options",
  "product.choose": "Voir cette variante",
  "product.variant_missing": "Cette combinaison n’est pas disponible.",
  "product.in_stock": "En stock",
  "product.out_of_stock": "Épuisé",
  "product.quantity": "Quantité",
  "product.add_to_cart": "Ajouter au panier",
  "product.added": "Ajouté à votre panier.",
  "product.choose_first": "Choisissez d’abord une option.",
  "product.images": "Images",
  "product.no_image": "Pas d’image",
  "product.not_found": "Ce produit n’existe pas (ou plus).",
  "product.unavailable": "Indisponible",
  "search.title": "Recherche",
  "search.label": "Rechercher dans la boutique",
  "search.submit": "Rechercher",
  "search.results": "{count} résultats pour « {q} »",
  "search.none": "Aucun résultat pour « {q} ».",
  "search.prompt": "Que cherchez-vous ?",
  "cart.title": "Panier",
  "checkout.title": "Commande",
  "order.confirmed": "Merci pour votre commande",
  "account.title": "Votre compte",
  "account.login": "Se connecter",
  "account.register": "Créer un compte",
  "account.logout": "Se déconnecter",
  "account.orders": "Commandes",
  "error.not_found.title": "Page introuvable",
  "error.not_found.text": "Il n’y a rien à cette adresse.",
  "error.shop_not_found.title": "Boutique introuvable",
  "error.shop_not_found.text": "Aucune boutique ne répond à cette adresse.",
  "error.closed.title": "Boutique fermée",
  "error.closed.text": "Cette boutique est fermée pour le moment. Revenez plus tard.",
  "error.generic.title": "Une erreur est survenue",
  "error.generic.text": "Veuillez réessayer dans un instant.",
  "error.back_home": "Retour à la boutique",
}

const de: Dictionary = {
  "catalog.count_one": "1 Produkt",
  "search.results_one": "1 Treffer für „{q}“",
  "product.quantity_invalid": "Bitte eine Menge von 1 bis {max} wählen.",
  "nav.skip": "Zum Inhalt springen",
  "nav.main": "Hauptmenü",
  "nav.home": "Start",
  "nav.products": "Produkte",
  "nav.search": "Suche",
  "nav.account": "Konto",
  "nav.cart": "Warenkorb",
  "nav.cart_count": "Warenkorb ({count})",
  "lang.label": "Sprache",
  "lang.submit": "Wechseln",
  "footer.powered": "Ein Shop auf Maart",
  "footer.rights": "© {year} {shop}",
  "home.title": "Willkommen bei {shop}",
  "home.featured": "Neu eingetroffen",
  "home.all_products": "Alle Produkte ansehen",
  "home.empty": "Noch keine Produkte.",
  "catalog.title": "Produkte",
  "catalog.filters": "Filtern und sortieren",
  "catalog.category": "Kategorie",
  "catalog.all_categories": "Alle Kategorien",
  "catalog.sort": "Sortieren nach",
  "catalog.sort.newest": "Neueste",
  "catalog.sort.price_asc": "Preis aufsteigend",
  "catalog.sort.price_desc": "Preis absteigend",
  "catalog.sort.title": "Name",
  "catalog.apply": "Anwenden",
  "catalog.count": "{count} Produkte",
  "catalog.empty": "Keine passenden Produkte.",
  "pagination.label": "Seiten",
  "pagination.previous": "Vorherige Seite",
  "pagination.next": "Nächste Seite",
  "pagination.page": "Seite {page}",
  "pagination.status": "Seite {page} von {pages}",
  "product.from": "ab {price}",
  "product.price": "Preis",
  "product.options": "Optionen",
  "product.choose": "Diese Variante anzeigen",
  "product.variant_missing": "Diese Kombination gibt es nicht.",
  "product.in_stock": "Auf Lager",
  "product.out_of_stock": "Ausverkauft",
  "product.quantity": "Menge",
  "product.add_to_cart": "In den Warenkorb",
  "product.added": "Zum Warenkorb hinzugefügt.",
  "product.choose_first": "Bitte zuerst eine Option wählen.",
  "product.images": "Bilder",
  "product.no_image": "Kein Bild",
  "product.not_found": "Dieses Produkt gibt es nicht (mehr).",
  "product.unavailable": "Nicht verfügbar",
  "search.title": "Suche",
  "search.label": "Im Shop suchen",
  "search.submit": "Suchen",
  "search.results": "{count} Treffer für „{q}“",
  "search.none": "Nichts gefunden für „{q}“.",
  "search.prompt": "Wonach suchen Sie?",
  "cart.title": "Warenkorb",
  "checkout.title": "Kasse",
  "order.confirmed": "Vielen Dank für Ihre Bestellung",
  "account.title": "Ihr Konto",
  "account.login": "Anmelden",
  "account.register": "Konto erstellen",
  "account.logout": "Abmelden",
  "account.orders": "Bestellungen",
  "error.not_found.title": "Seite nicht gefunden",
  "error.not_found.text": "Unter dieser Adresse gibt es nichts.",
  "error.shop_not_found.title": "Shop nicht gefunden",
  "error.shop_not_found.text": "Unter dieser Adresse antwortet kein Shop.",
  "error.closed.title": "Shop geschlossen",
  "error.closed.text": "Dieser Shop ist im Moment geschlossen. Bitte kommen Sie später wieder.",
  "error.generic.title": "Etwas ist schiefgelaufen",
  "error.generic.text": "Bitte versuchen Sie es gleich noch einmal.",
  "error.back_home": "Zurück zum Shop",
}

// Luxembourgish: what is translated here; every other key falls back to French.
const lb: Dictionary = {
  "catalog.count_one": "1 Produit",
  "search.results_one": "1 Resultat fir „{q}“",
  "nav.skip": "Op den Inhalt",
  "nav.home": "Start",
  "nav.products": "Produiten",
  "nav.search": "Sichen",
  "nav.account": "Kont",
  "nav.cart": "Kuerf",
  "nav.cart_count": "Kuerf ({count})",
  "lang.label": "Sprooch",
  "lang.submit": "Wiesselen",
  "footer.powered": "E Buttek op Maart",
  "home.title": "Wëllkomm bei {shop}",
  "home.featured": "Nei",
  "home.all_products": "All Produiten weisen",
  "catalog.title": "Produiten",
  "catalog.category": "Kategorie",
  "catalog.all_categories": "All Kategorien",
  "catalog.sort": "Sortéieren no",
  "catalog.sort.newest": "Neist",
  "catalog.sort.title": "Numm",
  "catalog.count": "{count} Produiten",
  "pagination.previous": "Vireg Säit",
  "pagination.next": "Nächst Säit",
  "pagination.page": "Säit {page}",
  "product.in_stock": "Op Lager",
  "product.out_of_stock": "Ausverkaaft",
  "product.quantity": "Zuel",
  "product.add_to_cart": "An de Kuerf",
  "search.title": "Sichen",
  "search.submit": "Sichen",
  "cart.title": "Kuerf",
  "account.title": "Äre Kont",
  "account.login": "Aloggen",
  "account.logout": "Ausloggen",
  "error.closed.title": "Buttek zou",
  "error.back_home": "Zréck an de Buttek",
}

const DICTIONARIES: Record<Lang, Dictionary> = { fr, de, en, lb }

/**
 * A label in `lang`, with `{name}` placeholders filled from `vars`.
 * Missing keys fall back to French (then English), then to the key itself.
 */
export function t(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const text = DICTIONARIES[lang]?.[key] ?? fr[key] ?? en[key] ?? key
  if (!vars) {
    return text
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

/** `t` for a count: the `<key>_one` label when there is exactly one, else `<key>`. */
export function tn(lang: Lang, key: string, count: number, vars?: Record<string, string | number>): string {
  const one = `${key}_one`
  const hasOne = count === 1 && (DICTIONARIES[lang]?.[one] ?? fr[one] ?? en[one]) !== undefined
  return t(lang, hasOne ? one : key, { count, ...vars })
}

/** Adds labels (another page's) to the dictionaries: `extendDictionaries({ en: {...}, fr: {...} })`. */
export function extendDictionaries(entries: Partial<Record<Lang, Dictionary>>): void {
  for (const lang of LANGUAGES) {
    Object.assign(DICTIONARIES[lang], entries[lang] ?? {})
  }
}

/** The languages a shop offers: its own list (in our order), else all four. */
export function shopLanguages(languages: unknown): Lang[] {
  const listed = Array.isArray(languages) ? LANGUAGES.filter((l) => languages.includes(l)) : []
  return listed.length ? listed : [...LANGUAGES]
}

/**
 * The page language: the cookie's choice, else the best Accept-Language match,
 * else the shop's default — always one the shop offers.
 */
export function pickLanguage(opts: {
  cookie?: string | null
  acceptLanguage?: string | null
  offered: Lang[]
  fallback?: string | null
}): Lang {
  const { cookie, acceptLanguage, offered } = opts
  if (isLang(cookie) && offered.includes(cookie)) {
    return cookie
  }
  for (const tag of parseAcceptLanguage(acceptLanguage ?? "")) {
    const primary = tag.split("-")[0]
    if (isLang(primary) && offered.includes(primary)) {
      return primary
    }
  }
  if (isLang(opts.fallback) && offered.includes(opts.fallback)) {
    return opts.fallback
  }
  return offered[0] ?? "fr"
}

/** Language tags of an Accept-Language header, best first (q=0 dropped). */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";")
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index }
    })
    .filter((e) => e.tag && e.tag !== "*" && e.q > 0 && !Number.isNaN(e.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag)
}

/** BCP 47 tag for number and price formatting. */
export function intlLocale(lang: Lang): string {
  return { fr: "fr-LU", de: "de-LU", en: "en-GB", lb: "lb-LU" }[lang]
}

export function formatPrice(amount: number | null | undefined, currency: string | null | undefined, lang: Lang): string {
  if (amount === null || amount === undefined || !currency) {
    return ""
  }
  return new Intl.NumberFormat(intlLocale(lang), { style: "currency", currency: currency.toUpperCase() }).format(amount)
}
