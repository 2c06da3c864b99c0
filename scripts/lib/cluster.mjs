// Several Maart instances on one PostgreSQL and one Redis behind nginx: two `server` instances (the HTTP
// API) and one `worker` (subscribers, scheduled jobs, workflow steps queued on Redis), as Medusa's
// workerMode splits them. Used by `npm run cluster` and by the cluster test, which start it the same way.
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { spawnMedusa, stopMedusa, waitForReady } from "./medusa.mjs"

export const NGINX_BIN = process.env.NGINX_BIN || "/usr/sbin/nginx"

/** nginx in front of the server instances: round robin, the next one tried when one is down. */
export function nginxConfig({ dir, listenPort, serverPorts, maxBodyMb = 100 }) {
  return `# Written by scripts/lib/cluster.mjs: nginx in front of Maart's server instances.
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream maart {
${serverPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${listenPort};
    # Maart's own limit (MAX_UPLOAD_MB) answers 413 with its error code: let bodies through up to it.
    client_max_body_size ${maxBodyMb}m;
    proxy_read_timeout 300s;
    location / {
      proxy_pass http://maart;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # An instance that is down or restarting: the request goes to the other (idempotent methods only).
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
`
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts the instances and nginx; resolves once every instance answers. `env` is the instances' shared
 * environment (DATABASE_URL, REDIS_URL, secrets…); each gets its PORT and MEDUSA_WORKER_MODE.
 * `cwd` is where `medusa start` runs (.medusa/server for a build, the project for its sources).
 */
export async function startCluster({ env, cwd, dir, proxyPort, serverPorts, workerPort, stdio = "inherit", log = () => {} }) {
  if (!env.REDIS_URL) {
    throw new Error("A cluster needs REDIS_URL: its instances share the event bus, workflow engine, locks and cache there.")
  }
  if (!fs.existsSync(NGINX_BIN)) {
    throw new Error(`nginx is not installed (${NGINX_BIN}): apt-get install -y nginx`)
  }
  fs.mkdirSync(dir, { recursive: true })
  const instances = []
  const start = async (name, mode, port) => {
    const child = spawnMedusa(["start"], {
      cwd,
      // nginx appends the client's address to X-Forwarded-For: one trusted hop for rate limits and logs.
      env: { ...env, PORT: String(port), MEDUSA_WORKER_MODE: mode, TRUST_PROXY: env.TRUST_PROXY || "1" },
      stdio,
    })
    const instance = { name, mode, port, url: `http://127.0.0.1:${port}`, child, output: "" }
    if (stdio === "pipe") {
      child.stdout.on("data", (d) => (instance.output = (instance.output + d).slice(-200_000)))
      child.stderr.on("data", (d) => (instance.output = (instance.output + d).slice(-200_000)))
    }
    const ready = await waitForReady(`${instance.url}/health`, { timeoutMs: 240_000, gaveUp: () => child.exitCode !== null })
    if (!ready) {
      throw new Error(`${name} did not start on port ${port} (exit ${child.exitCode}):\n${instance.output.slice(-3000)}`)
    }
    log(`${name} (${mode}) ready on ${instance.url}`)
    return instance
  }

  // The worker first: it runs the jobs and subscribers the servers queue; then the servers side by side.
  const worker = await start("worker", "worker", workerPort)
  instances.push(worker)
  const servers = await Promise.all(serverPorts.map((port, i) => start(`server ${i + 1}`, "server", port)))
  instances.push(...servers)

  fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig({ dir, listenPort: proxyPort, serverPorts, maxBodyMb: Number(env.MAX_UPLOAD_MB || 100) }))
  const nginx = spawn(NGINX_BIN, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: "inherit", detached: true })
  const proxyUrl = `http://127.0.0.1:${proxyPort}`
  if (!(await waitForReady(`${proxyUrl}/health`, { timeoutMs: 30_000, gaveUp: () => nginx.exitCode !== null }))) {
    throw new Error(`nginx did not start on port ${proxyPort}: see ${dir}/error.log`)
  }
  log(`nginx on ${proxyUrl} → ${serverPorts.map((p) => `127.0.0.1:${p}`).join(", ")}`)

  return {
    proxyUrl,
    worker,
    servers,
    /** Stops a server instance (SIGKILL: a crash) or restarts it (a deploy). */
    async stopServer(i, signal = "SIGTERM") {
      await stopMedusa(servers[i].child, { signal })
    },
    async restartServer(i) {
      await stopMedusa(servers[i].child)
      servers[i] = await start(servers[i].name, "server", servers[i].port)
      return servers[i]
    },
    async stop() {
      try {
        process.kill(-nginx.pid, "SIGQUIT")
      } catch {
        // gone already
      }
      await Promise.all([...servers, worker].map((s) => stopMedusa(s.child)))
    },
  }
}
