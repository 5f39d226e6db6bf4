//! Files in and out of the page: JSON export and import, the timeline as SVG and PNG, the trace
//! for Perfetto, and the clipboard.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Element, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url,
};

/// The largest scenario file the page reads.
pub const MAX_IMPORT_BYTES: f64 = 8.0 * 1024.0 * 1024.0;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn blob(text: &str, mime: &str) -> Option<Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

fn download_blob(blob: &Blob, file_name: &str) -> Result<(), String> {
    let url = Url::create_object_url_with_blob(blob)
        .map_err(|_| "the browser refused to make the file")?;
    let anchor: HtmlAnchorElement = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into().ok())
        .ok_or("no document")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

pub fn download_text(text: &str, file_name: &str, mime: &str) -> Result<(), String> {
    let blob = blob(text, mime).ok_or("the browser refused to make the file")?;
    download_blob(&blob, file_name)
}

/// A file name from a title: letters, digits and dashes.
pub fn file_stem(title: Option<&str>) -> String {
    let stem: String = title
        .unwrap_or("scenario")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem: String = stem.chars().take(60).collect();
    if stem.is_empty() {
        "scenario".to_owned()
    } else {
        stem
    }
}

/// The timeline's own rules of the page's stylesheet (`.timeline …`), with the colours they use
/// resolved as the page shows them now (light or dark): an exported SVG looks like the page.
fn standalone_css() -> String {
    let Some(document) = document() else {
        return String::new();
    };
    let mut rules = String::from("svg.timeline { font: 12px system-ui, sans-serif; }\n");
    let sheets = document.style_sheets();
    for i in 0..sheets.length() {
        let Some(sheet) = sheets
            .item(i)
            .and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
        else {
            continue;
        };
        let Ok(list) = sheet.css_rules() else {
            continue;
        };
        for j in 0..list.length() {
            let Some(rule) = list
                .item(j)
                .and_then(|r| r.dyn_into::<web_sys::CssStyleRule>().ok())
            else {
                continue;
            };
            if rule.selector_text().starts_with(".timeline") {
                rules.push_str(&rule.css_text());
                rules.push('\n');
            }
        }
    }
    let mut palette = String::from("svg.timeline {");
    let computed = document
        .document_element()
        .zip(web_sys::window())
        .and_then(|(root, window)| window.get_computed_style(&root).ok().flatten());
    let mut rest = rules.as_str();
    let mut seen = Vec::new();
    while let Some(at) = rest.find("var(--") {
        rest = &rest[at + 4..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        if seen.contains(&name) {
            continue;
        }
        if let Some(value) = computed
            .as_ref()
            .and_then(|c| c.get_property_value(&name).ok())
        {
            palette.push_str(&format!(" {name}: {};", value.trim()));
        }
        seen.push(name);
    }
    palette.push_str(" }\n");
    palette + &rules
}

/// The element as a standalone SVG document, with its size and styles.
pub fn standalone_svg(element: &Element) -> Option<(String, f64, f64)> {
    let width = f64::from(element.client_width().max(600));
    let height = f64::from(element.client_height().max(40));
    let copy: Element = element.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    copy.set_attribute("xmlns", "http://www.w3.org/2000/svg")
        .ok()?;
    copy.set_attribute("width", &width.to_string()).ok()?;
    copy.set_attribute("height", &height.to_string()).ok()?;
    let style = document()?
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "style")
        .ok()?;
    style.set_text_content(Some(&standalone_css()));
    let background = document()?
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")
        .ok()?;
    for (name, value) in [
        ("width", "100%"),
        ("height", "100%"),
        ("fill", "var(--panel)"),
    ] {
        background.set_attribute(name, value).ok()?;
    }
    copy.prepend_with_node_2(&style, &background).ok()?;
    Some((copy.outer_html(), width, height))
}

/// Draws the SVG at twice its size on a canvas and downloads it as PNG.
pub fn download_png(svg: &str, width: f64, height: f64, file_name: &str) -> Result<(), String> {
    let blob = blob(svg, "image/svg+xml").ok_or("the browser refused to make the image")?;
    let url = Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser refused to make the image")?;
    let image = HtmlImageElement::new().map_err(|_| "no image support")?;
    let name = file_name.to_owned();
    let loaded = image.clone();
    let source = url.clone();
    let onload = Closure::once(move || {
        let _ = Url::revoke_object_url(&source);
        let canvas: Option<HtmlCanvasElement> = document()
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into().ok());
        let Some(canvas) = canvas else { return };
        canvas.set_width((width * 2.0) as u32);
        canvas.set_height((height * 2.0) as u32);
        let context: Option<CanvasRenderingContext2d> = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into().ok());
        let Some(context) = context else { return };
        let _ = context.scale(2.0, 2.0);
        let _ = context.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let done = Closure::once(move |png: Option<Blob>| {
            if let Some(png) = png {
                let _ = download_blob(&png, &name);
            }
        });
        let _ = canvas.to_blob(done.as_ref().unchecked_ref());
        done.forget();
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    image.set_src(&url);
    Ok(())
}

pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow copying".to_owned())
}

/// The text of a file the user picked, refused past 8 MB.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    if file.size() > MAX_IMPORT_BYTES {
        return Err(format!("file: {} is larger than 8 MB", file.name()));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("file: {} could not be read", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("file: {} is not text", file.name()))
}
