//! When Rust panics, the page cannot go on (a panic aborts the wasm instance): the message goes
//! to the browser console, and a banner built with plain DOM calls (no Yew, no wasm callbacks)
//! offers to reload. The work is in localStorage already.

/// The query that asks the page to open the last scenario whose run went to its end.
pub const RESTORE_QUERY: &str = "restore=last-good";

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| report_crash(&info.to_string())));
}

/// Logs the message and shows the banner (at most one).
pub fn report_crash(message: &str) {
    web_sys::console::error_1(&format!("Async Playground panicked: {message}").into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document
        .query_selector("[data-testid=\"crash\"]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Some(body) = document.body() else { return };
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned());
    let banner = (|| -> Result<web_sys::Element, wasm_bindgen::JsValue> {
        let banner = document.create_element("div")?;
        banner.set_attribute("class", "crash")?;
        banner.set_attribute("role", "alert")?;
        banner.set_attribute("data-testid", "crash")?;
        let title = document.create_element("strong")?;
        title.set_text_content(Some("Something went wrong inside the playground. "));
        banner.append_child(&title)?;
        let text = document.create_element("span")?;
        text.set_text_content(Some(&format!(
            "Your work is saved in this browser. ({message})"
        )));
        banner.append_child(&text)?;
        for (label, href, testid) in [
            (
                "Reload the last scenario that ran",
                format!("{path}?{RESTORE_QUERY}"),
                "crash-restore",
            ),
            ("Reload the page", path.clone(), "crash-reload"),
        ] {
            let link = document.create_element("a")?;
            link.set_text_content(Some(label));
            link.set_attribute("href", &href)?;
            link.set_attribute("data-testid", testid)?;
            banner.append_child(&link)?;
        }
        Ok(banner)
    })();
    if let Ok(banner) = banner {
        let _ = body.prepend_with_node_1(&banner);
    }
}

/// Whether the page was opened from the crash banner's "last scenario that ran" link; the
/// query is then removed from the address bar.
pub fn take_restore_request() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let search = window.location().search().unwrap_or_default();
    if !search.contains(RESTORE_QUERY) {
        return false;
    }
    if let (Ok(history), Ok(path), Ok(hash)) = (
        window.history(),
        window.location().pathname(),
        window.location().hash(),
    ) {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{hash}")),
        );
    }
    true
}
