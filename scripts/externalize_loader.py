#!/usr/bin/env python3
"""Trunk post-build hook: move trunk's inline loader <script> into its own file (and tidy the
Python worker's loader).

The page ships a Content-Security-Policy without 'unsafe-inline', which would block the inline
module script trunk writes into index.html; as a file from 'self' it is allowed.
"""
import hashlib
import os
import re
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
