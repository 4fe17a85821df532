// node --experimental-websocket chrome-check.mjs URL  → prints requests seen by Chrome and the DOM count
const target = process.argv[2];
const port = 9333;
import { spawn } from "node:child_process";
const chrome = spawn("chromium", ["--headless=new", `--remote-debugging-port=${port}`, "--window-size=1920,1080",
  "--force-device-scale-factor=1", "--no-sandbox", "--disable-gpu", "--user-data-dir=/tmp/chr-profile-" + process.pid,
  "--no-first-run", "about:blank"], { stdio: "ignore" });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let list;
for (let i = 0; i < 50; i++) { try { list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json(); if (list.length) break; } catch {} await sleep(200); }
const page = list.find((t) => t.type === "page");
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener("open", r));
let id = 0; const pending = new Map(); const requests = [];
ws.addEventListener("message", (ev) => {
  const msg = JSON.parse(ev.data);
  if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg.result); pending.delete(msg.id); }
  if (msg.method === "Network.requestWillBeSent") requests.push(`${msg.params.type} ${msg.params.request.url.slice(0, 120)}`);
  if (msg.method === "Network.requestServedFromCache") requests.push(`(memory cache) ${msg.params.requestId}`);
});
const send = (method, params = {}) => new Promise((r) => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({ id: i, method, params })); });
await send("Network.enable"); await send("Page.enable");
await send("Network.setCacheDisabled", { cacheDisabled: true });
await send("Page.navigate", { url: target });
await sleep(6000);
const dom = await send("Runtime.evaluate", { expression: `(() => { const all = document.getElementsByTagName('*').length; let inSvg = 0; for (const s of document.querySelectorAll('svg')) { if (!s.parentElement.closest('svg')) inSvg += s.getElementsByTagName('*').length; } return JSON.stringify({all, inSvg, count: all - inSvg, tags: [...document.getElementsByTagName('*')].map(e => e.localName).join(' ')}); })()`, returnByValue: true });
console.log(requests.join("\n"));
console.log(dom.result.value);
ws.close(); chrome.kill();
process.exit(0);
