#!/usr/bin/env python3
"""Trunk post-build hook: move trunk's inline loader <script> into its own file (and tidy the
Python worker's loader); in a release build, minify the page's JavaScript glue and its CSS.

The page ships a Content-Security-Policy without 'unsafe-inline', which would block the inline
module script trunk writes into index.html; as a file from 'self' it is allowed.
"""
import base64
import hashlib
import os
import pathlib
import re
import subprocess
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("externalize_loader.py runs as a trunk hook (TRUNK_STAGING_DIR is not set)")
index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()
pattern = re.compile(r'<script type="module">(.*?)</script>', re.S)
match = pattern.search(html)
if not match:
    sys.exit("externalize_loader.py: trunk's inline loader script was not found in index.html")
loader = match.group(1).strip() + "\n"
name = "boot-%s.js" % hashlib.sha256(loader.encode()).hexdigest()[:16]
with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
    f.write(loader)
html = pattern.sub('<script type="module" src="/%s"></script>' % name, html, count=1)
with open(index_path, "w", encoding="utf-8") as f:
    f.write(html)

# The Python engine's worker: trunk's loader shim calls wasm-bindgen's initializer with a bare
# path, which wasm-bindgen now reports as deprecated in the console; pass the object it asks for.
shim_path = os.path.join(staging, "python-worker_loader.js")
if os.path.exists(shim_path):
    with open(shim_path, encoding="utf-8") as f:
        shim = f.read()
    shim = re.sub(r'wasm_bindgen\("([^"]+)"\)', r'wasm_bindgen({ module_or_path: "\1" })', shim)
    with open(shim_path, "w", encoding="utf-8") as f:
        f.write(shim)


# Release builds: wasm-bindgen's JavaScript glue and the style sheet, minified by esbuild (installed
# by scripts/setup.sh), their integrity hashes in index.html updated. The page's size budget
# counts every byte it downloads.
ESBUILD = pathlib.Path(__file__).resolve().parents[1] / ".tools" / "node_modules" / ".bin" / "esbuild"
if os.environ.get("TRUNK_PROFILE") == "release" and ESBUILD.exists():
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    for name in sorted(os.listdir(staging)):
        path = os.path.join(staging, name)
        page_js = name.startswith("async-playground-") and name.endswith(".js")
        if not (page_js or (name.startswith("style-") and name.endswith(".css"))):
            continue
        options = ["--minify", "--log-level=warning"] + (["--format=esm"] if page_js else [])
        minified = subprocess.run([str(ESBUILD), path, *options], check=True, capture_output=True).stdout
        with open(path, "wb") as f:
            f.write(minified)
        digest = base64.b64encode(hashlib.sha384(minified).digest()).decode()
        html, count = re.subn(r'(href="/%s"[^>]*integrity=")sha384-[^"]+"' % re.escape(name),
                              r'\g<1>sha384-%s"' % digest, html)
        if count != 1:
            sys.exit("externalize_loader.py: no integrity hash for %s in index.html" % name)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)
