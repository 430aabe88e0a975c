// The marketplace's pages: signing with a WebCrypto P-256 key that never
// leaves this browser (generated non-extractable, kept in IndexedDB per
// account), the seller's form checked as it is typed, and the buttons
// that prepare, sign and submit through the deal API.
"use strict";

const ACCOUNT = document.body.dataset.account || "";

function b64(bytes) {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

function unb64(s) {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function openKeys() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open("tradepact-keys", 1);
    req.onupgradeneeded = () => req.result.createObjectStore("keys");
    req.onsuccess = () => {
      // Another page of this site that opens the store must never wait
      // for this one: give way when asked.
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
  });
}

function idbGet(db, k) {
  return new Promise((resolve, reject) => {
    const r = db.transaction("keys").objectStore("keys").get(k);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function idbAdd(db, k, v) {
  return new Promise((resolve) => {
    const tx = db.transaction("keys", "readwrite");
    tx.objectStore("keys").add(v, k);
    tx.oncomplete = () => resolve(true);
    tx.onerror = (e) => { e.preventDefault(); resolve(false); }; // another tab stored one first
  });
}

// keyPair returns this account's key pair, making it on first use. The
// private key is not extractable: script can sign with it but not read it.
// The store is opened for each use and closed after it, so no page holds
// it open while another page (or the page after a navigation) opens it;
// callers on one page share one lookup.
let keyPairPromise = null;
function keyPair() {
  if (!keyPairPromise) {
    keyPairPromise = loadKeyPair().catch((e) => { keyPairPromise = null; throw e; });
  }
  return keyPairPromise;
}

async function loadKeyPair() {
  const db = await openKeys();
  try {
    let kp = await idbGet(db, ACCOUNT);
    if (!kp) {
      const made = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
      await idbAdd(db, ACCOUNT, made);
      kp = await idbGet(db, ACCOUNT);
    }
    return kp;
  } finally {
    db.close();
  }
}

// publicKeyText is the key as contract files write it: "p256:" and the
// base64 of the 65-byte uncompressed point.
async function publicKeyText(kp) {
  return "p256:" + b64(await crypto.subtle.exportKey("raw", kp.publicKey));
}

// fingerprint is what confirm.PublicKey.Fingerprint gives: the first 20
// hex digits of the SHA-256 of the key's text, in groups of four.
async function fingerprint(text) {
  const h = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  const hex = Array.from(h, (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 20);
  return hex.match(/.{4}/g).join(" ");
}

function showError(err) {
  const p = document.getElementById("error");
  const ul = document.getElementById("findings");
  p.textContent = err ? (err.field ? err.field + ": " : "") + err.message : "";
  p.hidden = !err;
  showFindings(err && err.findings ? err.findings : []);
}

function showFindings(findings) {
  const ul = document.getElementById("findings");
  ul.replaceChildren();
  for (const f of findings) {
    const li = document.createElement("li");
    li.className = f.severity === "error" ? "error-item" : "warning";
    li.dataset.path = f.path;
    li.textContent = (f.line ? "line " + f.line + ": " : "") + (f.label || f.path) + ": " + f.message;
    ul.append(li);
  }
  ul.hidden = findings.length === 0;
}

async function api(path, body) {
  const r = await fetch("/api" + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": navigator.languages.join(",") },
    body: JSON.stringify(body),
  });
  const j = await r.json();
  if (!r.ok) throw j.error;
  return j;
}

// act prepares, signs every payload on this device and submits.
async function act(preparePath, body) {
  try {
    const kp = await keyPair();
    body.key = await publicKeyText(kp);
    const prep = await api(preparePath, body);
    const sigs = [];
    for (const p of prep.request.payloads) {
      const sig = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, kp.privateKey, unb64(p));
      sigs.push(b64(sig));
    }
    const st = await api("/deals/" + encodeURIComponent(prep.request.contract) + "/submit", { request: prep.request, signatures: sigs });
    location.href = "/deals/" + encodeURIComponent(st.id);
  } catch (e) {
    showError(e && e.message ? e : { message: String(e) });
  }
}

async function showFingerprint() {
  const el = document.getElementById("fingerprint");
  try {
    el.textContent = await fingerprint(await publicKeyText(await keyPair()));
  } catch (e) {
    el.textContent = "WebCrypto is not available here (it needs https or localhost)";
  }
}

async function init() {
  // The form and the buttons work while the key is looked up or made.
  if (ACCOUNT) showFingerprint();
  const sel = document.getElementById("account-select");
  if (sel) sel.addEventListener("change", () => sel.form.submit());

  const terms = document.getElementById("terms");
  if (terms) {
    let timer = 0, seq = 0;
    const check = async () => {
      const mine = ++seq;
      try {
        const j = await api("/deals/validate", { terms: terms.value, format: "yaml" });
        if (mine === seq) showFindings(j.findings);
      } catch (e) {
        if (mine === seq) showError(e);
      }
    };
    terms.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(check, 400); });
    check();
    document.getElementById("new-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      act("/deals/prepare", { terms: terms.value, format: "yaml" });
    });
  }

  const status = document.getElementById("status");
  if (status) {
    const id = status.dataset.id, head = status.dataset.head;
    const confirmBtn = document.getElementById("confirm");
    if (confirmBtn) confirmBtn.addEventListener("click", () => act("/deals/" + encodeURIComponent(id) + "/confirm/prepare", { base: head }));
    const amend = document.getElementById("amend-form");
    if (amend) amend.addEventListener("submit", (ev) => {
      ev.preventDefault();
      act("/deals/" + encodeURIComponent(id) + "/amend/prepare", { base: head, terms: document.getElementById("amend-terms").value, format: "json" });
    });
  }
}

init();
