import { data } from "react-router"

/** Any other path inside a shop: its 404 page (rendered by the root ErrorBoundary, in the shop's layout). */
export function loader() {
  throw data(null, { status: 404 })
}

export default function NotFound() {
  return null
}
