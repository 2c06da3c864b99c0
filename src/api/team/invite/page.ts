/**
 * The page an invitation email links to. Self-contained (no external assets):
 * it asks the API what the invitation is for, then signs the person in — or
 * registers them — and accepts, the same calls an integrator would make.
 */
export const ACCEPT_INVITE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Join a team on Maart</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f6f6f7; color: #111; margin: 0; }
  main { max-width: 420px; margin: 10vh auto; background: #fff; padding: 32px; border-radius: 12px; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 20px; margin: 0 0 8px; }
  label { display: block; margin: 14px 0 4px; font-size: 14px; }
  input { width: 100%; box-sizing: border-box; padding: 9px; border: 1px solid #ccc; border-radius: 6px; font-size: 15px; }
  button { margin-top: 18px; width: 100%; padding: 10px; border: 0; border-radius: 6px; background: #111; color: #fff; font-size: 15px; cursor: pointer; }
  button[disabled] { opacity: .6; }
  .tabs { display: flex; gap: 8px; margin-top: 18px; }
  .tabs button { margin: 0; background: #eee; color: #111; }
  .tabs button[aria-pressed="true"] { background: #111; color: #fff; }
  [role="alert"] { color: #b00020; margin-top: 14px; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<main>
  <h1 id="title">Join a team on Maart</h1>
  <p id="summary">Checking your invitation…</p>
  <form id="form" hidden>
    <div class="tabs">
      <button type="button" id="tab-new" aria-pressed="true">I am new here</button>
      <button type="button" id="tab-existing" aria-pressed="false">I have an account</button>
    </div>
    <label for="email">Email</label>
    <input id="email" name="email" type="email" readonly>
    <div id="names">
      <label for="first_name">First name</label>
      <input id="first_name" name="first_name" autocomplete="given-name">
      <label for="last_name">Last name</label>
      <input id="last_name" name="last_name" autocomplete="family-name">
    </div>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" required minlength="8" autocomplete="new-password">
    <button id="submit" type="submit">Create my account and join</button>
  </form>
  <p id="error" role="alert" hidden></p>
</main>
<script>
(function () {
  var token = new URLSearchParams(location.search).get("token") || ""
  var mode = "new"
  var $ = function (id) { return document.getElementById(id) }
  function fail(message) { $("error").textContent = message; $("error").hidden = false }
  function post(path, body, bearer) {
    var headers = { "content-type": "application/json" }
    if (bearer) headers.authorization = "Bearer " + bearer
    return fetch(path, { method: "POST", headers: headers, body: JSON.stringify(body), credentials: "omit" }).then(function (res) {
      return res.json().catch(function () { return {} }).then(function (data) {
        if (!res.ok) throw new Error(data.message || ("Request failed (" + res.status + ")"))
        return data
      })
    })
  }
  function setMode(next) {
    mode = next
    $("tab-new").setAttribute("aria-pressed", String(next === "new"))
    $("tab-existing").setAttribute("aria-pressed", String(next === "existing"))
    $("names").hidden = next !== "new"
    $("password").autocomplete = next === "new" ? "new-password" : "current-password"
    $("submit").textContent = next === "new" ? "Create my account and join" : "Sign in and join"
  }
  $("tab-new").onclick = function () { setMode("new") }
  $("tab-existing").onclick = function () { setMode("existing") }

  post("/admin/team/invites/preview", { token: token }).then(function (data) {
    var invite = data.invite
    $("title").textContent = "Join " + invite.vendor.name
    $("summary").textContent = "You are invited as " + invite.role.name + ". The invitation is valid until " + new Date(invite.expires_at).toLocaleString() + "."
    $("email").value = invite.email
    $("form").hidden = false
  }, function (e) { $("summary").textContent = ""; fail(e.message) })

  $("form").onsubmit = function (event) {
    event.preventDefault()
    $("error").hidden = true
    $("submit").disabled = true
    var email = $("email").value, password = $("password").value
    var auth = mode === "new"
      ? post("/auth/user/emailpass/register", { email: email, password: password })
      : post("/auth/user/emailpass", { email: email, password: password })
    auth.then(function (data) {
      return post("/admin/team/invites/accept", { token: token, first_name: $("first_name").value || null, last_name: $("last_name").value || null }, data.token)
    }).then(function () {
      $("form").hidden = true
      $("summary").textContent = "Welcome to the team. Taking you to the dashboard…"
      setTimeout(function () { location.href = "/app/login" }, 1200)
    }, function (e) { fail(e.message); $("submit").disabled = false })
  }
})()
</script>
</body>
</html>
`
