//! The browser APIs the page uses, behind small functions: the clock, the address, storage,
//! files and the clipboard, the crash banner, and waiting for the page to settle.

pub mod crash;
pub mod engine_worker;
pub mod files;
pub mod settle;
pub mod storage;

/// `performance.now()`: real milliseconds since the page loaded.
pub fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The URL fragment (`#z=…&run=1`), or an empty string.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without its fragment: the base of a share link.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// The browser's preferred language tag (`fr-FR`), or an empty string.
pub fn browser_language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Sets `lang` on the document, for screen readers and hyphenation.
pub fn set_document_language(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// Leaves a mark on the performance timeline (a benchmark reads when the page first rendered).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
