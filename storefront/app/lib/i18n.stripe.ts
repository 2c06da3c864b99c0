import { extendDictionaries } from "./i18n"

// The card step's labels (Luxembourgish falls back to French key by key).
extendDictionaries({
  en: {
    "checkout.card_title": "Pay by card",
    "checkout.card_pay": "Pay and place order",
    "checkout.card_loading": "Loading the secure card form…",
    "checkout.card_unavailable": "The card form could not be loaded. Please try again or choose another payment method.",
    "checkout.card_nojs": "Paying by card needs JavaScript in your browser. You can choose another payment method.",
    "checkout.card_other": "Choose another payment method",
    "checkout.card_failed": "The card payment did not go through: {message}",
  },
  fr: {
    "checkout.card_title": "Payer par carte",
    "checkout.card_pay": "Payer et commander",
    "checkout.card_loading": "Chargement du formulaire de carte sécurisé…",
    "checkout.card_unavailable": "Le formulaire de carte n’a pas pu être chargé. Réessayez ou choisissez un autre moyen de paiement.",
    "checkout.card_nojs": "Le paiement par carte demande JavaScript dans votre navigateur. Vous pouvez choisir un autre moyen de paiement.",
    "checkout.card_other": "Choisir un autre moyen de paiement",
    "checkout.card_failed": "Le paiement par carte n’a pas abouti : {message}",
  },
  de: {
    "checkout.card_title": "Mit Karte bezahlen",
    "checkout.card_pay": "Bezahlen und bestellen",
    "checkout.card_loading": "Das sichere Kartenformular wird geladen…",
    "checkout.card_unavailable": "Das Kartenformular konnte nicht geladen werden. Bitte erneut versuchen oder eine andere Zahlungsart wählen.",
    "checkout.card_nojs": "Die Kartenzahlung braucht JavaScript im Browser. Sie können eine andere Zahlungsart wählen.",
    "checkout.card_other": "Andere Zahlungsart wählen",
    "checkout.card_failed": "Die Kartenzahlung ist nicht durchgegangen: {message}",
  },
})
