import { extendDictionaries } from "./i18n"

// The search page's filters (Luxembourgish falls back to French key by key).
extendDictionaries({
  en: {
    "search.filters": "Filter the results",
    "search.category": "Category",
    "search.brand": "Brand",
    "search.price": "Price",
    "search.any": "Any",
    "search.in_stock": "In stock only",
    "search.apply": "Apply filters",
    "search.clear": "Clear filters",
    "search.option": "{label} ({count})",
  },
  fr: {
    "search.filters": "Filtrer les résultats",
    "search.category": "Catégorie",
    "search.brand": "Marque",
    "search.price": "Prix",
    "search.any": "Toutes",
    "search.in_stock": "En stock uniquement",
    "search.apply": "Filtrer",
    "search.clear": "Effacer les filtres",
    "search.option": "{label} ({count})",
  },
  de: {
    "search.filters": "Ergebnisse filtern",
    "search.category": "Kategorie",
    "search.brand": "Marke",
    "search.price": "Preis",
    "search.any": "Alle",
    "search.in_stock": "Nur vorrätige",
    "search.apply": "Filtern",
    "search.clear": "Filter entfernen",
    "search.option": "{label} ({count})",
  },
})
