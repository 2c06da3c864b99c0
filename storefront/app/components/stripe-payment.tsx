import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js"
import type { Stripe } from "@stripe/stripe-js"
import { loadStripe } from "@stripe/stripe-js/pure"
import { useEffect, useRef, useState } from "react"
import { Form, useSubmit } from "react-router"

export type StripePaymentProps = {
  publishableKey: string
  /** STRIPE_JS_URL: where Stripe.js is loaded from, in the browser, at runtime. */
  stripeJsUrl: string
  clientSecret: string
  /** Where Stripe sends the shopper back after a redirect (3-D Secure): the checkout's card-return step. */
  returnUrl: string
  labels: { pay: string; loading: string; unavailable: string; failed: (message: string) => string }
  busy: boolean
}

let loading: Promise<void> | null = null

/**
 * Stripe.js from the configured URL, once per page. @stripe/stripe-js would inject js.stripe.com itself;
 * its `loadStripe` takes the `window.Stripe` that is already there, so the URL stays a setting.
 */
function loadStripeJs(url: string): Promise<void> {
  if ((window as { Stripe?: unknown }).Stripe) return Promise.resolve()
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script")
    script.src = url
    script.async = true
    script.onload = () => resolve()
    script.onerror = () => {
      loading = null
      script.remove()
      reject(new Error(`Stripe.js did not load from ${url}`))
    }
    document.head.appendChild(script)
  })
  return loading
}

/**
 * The card step: Stripe's Payment Element for the cart's PaymentIntent (its client secret), confirmed in the
 * browser; when Stripe accepts, the form posts `intent=card-complete` and the server completes the cart (Medusa
 * checks the intent with Stripe). Card data goes from the browser to Stripe only.
 */
export function StripePayment(props: StripePaymentProps) {
  const [stripe, setStripe] = useState<Promise<Stripe | null> | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    const promise = loadStripeJs(props.stripeJsUrl).then(() => loadStripe(props.publishableKey))
    promise.catch(() => setFailed(true))
    setStripe(promise)
  }, [props.stripeJsUrl, props.publishableKey])
  if (failed) {
    return (
      <p role="alert" className="notice notice-error">
        {props.labels.unavailable}
      </p>
    )
  }
  if (!stripe) {
    return <p aria-live="polite">{props.labels.loading}</p>
  }
  return (
    <Elements stripe={stripe} options={{ clientSecret: props.clientSecret }}>
      <PayForm {...props} />
    </Elements>
  )
}

function PayForm({ returnUrl, labels, busy }: StripePaymentProps) {
  const stripe = useStripe()
  const elements = useElements()
  const submit = useSubmit()
  const form = useRef<HTMLFormElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [paying, setPaying] = useState(false)

  async function pay(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!stripe || !elements || paying) return
    setPaying(true)
    setError(null)
    // Cards that need no redirect come back here; 3-D Secure goes to returnUrl and completes there.
    const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl }, redirect: "if_required" })
    if (result.error) {
      setError(labels.failed(result.error.message ?? ""))
      setPaying(false)
      return
    }
    submit(form.current!, { method: "post" })
  }

  return (
    <Form method="post" ref={form} onSubmit={pay} className="stack" data-testid="stripe-form">
      <input type="hidden" name="intent" value="card-complete" />
      <PaymentElement />
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" className="button button-primary" disabled={!stripe || !elements || paying || busy}>
          {labels.pay}
        </button>
      </p>
    </Form>
  )
}
