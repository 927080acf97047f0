// Serves the calculator page and the repository's WebAssembly build on localhost only:
//   node examples/web/serve.mjs [port]        (from the repository root; default port 8080)
// then open http://127.0.0.1:8080/ . Build the package first (wasm/ci.sh, or the two
// commands in wasm/README-wasm.md). Nothing is fetched from the network: the page, the
// example agreement and wasm/pkg-web/ are all served from this checkout.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("../../", import.meta.url)));
// Only these folders of the checkout are served.
const ALLOWED = ["examples/", "wasm/pkg-web/"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
};

async function handle(req, res) {
  const url = new URL(req.url ?? "/", "http://localhost");
  let path = decodeURIComponent(url.pathname);
  if (path === "/" || path === "/examples/web") path = "/examples/web/";
  if (path === "/examples/web/" && url.pathname !== "/examples/web/") {
    res.writeHead(302, { location: `/examples/web/${url.search}` }).end(); // the scenario in the query stays
    return;
  }
  if (path.endsWith("/")) path += "index.html";
  const rel = normalize(path).replace(/^[/\\]+/, "");
  const file = join(ROOT, rel);
  if (!file.startsWith(ROOT + sep) || !ALLOWED.some((p) => rel.split(sep).join("/").startsWith(p))) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    const body = await readFile(file);
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
      // cross-origin isolation: everything is served from here, and it gives the page's
      // performance.now() (its #timing, benches/page.mjs) 5 µs steps instead of 100 µs
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    });
    res.end(body);
  } catch {
    const hint = rel.startsWith("wasm/pkg-web/") ? " (build it first: bash wasm/ci.sh, see wasm/README-wasm.md)" : "";
    res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${rel}${hint}\n`);
  }
}

/** Start the server on 127.0.0.1; resolves to {server, url}. Port 0 picks a free port. */
export function start(port = 8080) {
  return new Promise((ok, fail) => {
    const server = createServer((req, res) => {
      handle(req, res).catch(() => res.writeHead(500).end());
    });
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const addr = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const { url } = await start(port);
  console.log(`vardavtal calculator: ${url}  (Ctrl-C to stop)`);
}
