//! The program's editor: a plain `<textarea>` (the browser's own undo, selection, spell-check
//! off, screen readers know it) over a highlighted copy of the same text, with line numbers.
//! The textarea grows with its text inside one scrolling box, so the copy below it never needs
//! to be scrolled along.
//!
//! Tab and Shift+Tab indent and dedent (Escape then Tab leaves the editor), Enter keeps the
//! indentation and adds a level after `:`, Ctrl/Cmd+Enter runs. Edits go through the
//! browser's `insertText` command so that Ctrl+Z undoes them too.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::app::components::python_code::{highlighted, CodeMark};
use crate::app::i18n::{Lang, Text};

/// One level of indentation, as PEP 8 writes it.
const INDENT: &str = "    ";
/// Past this many lines the text is not highlighted (typing stays instant).
const MAX_HIGHLIGHTED_LINES: usize = 3_000;

/// Where the program was refused, to mark it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

#[derive(Properties, PartialEq)]
pub struct CodeEditorProps {
    pub source: Rc<str>,
    pub mark: Option<Mark>,
    /// Where the tasks stand at the instant time travel shows.
    #[prop_or_default]
    pub tasks: Rc<Vec<CodeMark>>,
    pub lang: Lang,
    pub on_edit: Callback<String>,
    pub on_run: Callback<()>,
}

/// Sets CSS custom properties on an element through the CSSOM (the page's Content Security
/// Policy refuses `style` attributes).
fn set_properties(node: &NodeRef, properties: &[(&str, String)]) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        for (name, value) in properties {
            let _ = element.style().set_property(name, value);
        }
    }
}

#[function_component]
pub fn CodeEditor(props: &CodeEditorProps) -> Html {
    let area = use_node_ref();
    let editor = use_node_ref();
    let squiggle = use_node_ref();
    // After Escape, the next Tab moves the focus out, as keyboard users expect.
    let tab_leaves = use_mut_ref(|| false);
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            on_edit.emit(event.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let onkeydown = {
        let on_run = props.on_run.clone();
        let tab_leaves = tab_leaves.clone();
        Callback::from(move |event: KeyboardEvent| {
            let area = event.target_unchecked_into::<HtmlTextAreaElement>();
            let key = event.key();
            if key == "Escape" {
                *tab_leaves.borrow_mut() = true;
                return;
            }
            let leave = std::mem::replace(&mut *tab_leaves.borrow_mut(), false);
            let handled = match key.as_str() {
                "Enter" if event.ctrl_key() || event.meta_key() => {
                    on_run.emit(());
                    true
                }
                "Enter" if !event.shift_key() && !event.alt_key() => new_line(&area),
                "Tab" if leave || event.ctrl_key() || event.alt_key() || event.meta_key() => false,
                "Tab" if event.shift_key() => reindent(&area, false),
                "Tab" => reindent(&area, true),
                _ => false,
            };
            if handled {
                event.prevent_default();
                // Ctrl+Enter must not reach the page's own shortcut too.
                event.stop_propagation();
            }
        })
    };
    let source = &props.source;
    let lines = source.split('\n').count().max(1);
    let columns = source
        .split('\n')
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    let mark_line = props.mark.as_ref().map(|m| m.line as usize);
    let highlight = lines <= MAX_HIGHLIGHTED_LINES;
    {
        let (editor, squiggle) = (editor.clone(), squiggle.clone());
        let at = props
            .mark
            .as_ref()
            .map(|m| (m.line.max(1) - 1, m.col.max(1) - 1));
        use_effect_with((lines, columns, at), move |(lines, columns, at)| {
            set_properties(
                &editor,
                &[
                    ("--lines", lines.to_string()),
                    ("--columns", (columns + 2).to_string()),
                ],
            );
            if let Some((line, col)) = at {
                set_properties(
                    &squiggle,
                    &[
                        ("--at-line", line.to_string()),
                        ("--at-col", col.to_string()),
                    ],
                );
            }
        });
    }
    html! {
        <div class="code-editor-wrap">
            <div ref={editor} class={classes!("code-editor", (!highlight).then_some("plain"))}>
                <pre class="gutter" aria-hidden="true">
                    { for (1..=lines).map(|n| html! {
                        <span class={classes!((mark_line == Some(n)).then_some("error-line"))}>{ format!("{n}\n") }</span>
                    }) }
                </pre>
                <div class="code-layers">
                    if highlight {
                        <div class="code-highlight" aria-hidden="true">{ highlighted(&format!("{source}\n")) }</div>
                    }
                    if props.mark.is_some() {
                        <span ref={squiggle} class="code-squiggle" aria-hidden="true"></span>
                    }
                    if !props.tasks.is_empty() {
                        { task_bands(lines, &props.tasks) }
                    }
                    <textarea ref={area} class="code-input" data-testid="code-input"
                              spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                              aria-label={props.lang.t(Text::CodeLabel)}
                              aria-describedby="code-help"
                              aria-invalid={props.mark.is_some().then_some("true")}
                              value={source.to_string()} {oninput} {onkeydown} />
                </div>
            </div>
            if let Some(mark) = &props.mark {
                <p class="code-error" data-testid="code-error" data-line={mark.line.to_string()} data-col={mark.col.to_string()} role="alert">
                    { format!("{} {}, {} {} — ", props.lang.t(Text::LineWord), mark.line, props.lang.t(Text::ColumnWord), mark.col) }
                    <code>{ mark.message.clone() }</code>
                </p>
            }
            <p id="code-help" class="code-help">{ props.lang.t(Text::EditorHelp) }</p>
        </div>
    }
}

/// A band behind each line where tasks stand, their names drawn by CSS from `data-tasks` (the
/// text area above keeps the program's text alone).
fn task_bands(lines: usize, marks: &[CodeMark]) -> Html {
    html! {
        <div class="task-bands" aria-hidden="true">
            { for (1..=lines as u32).map(|n| {
                let mark = marks.iter().find(|m| m.line == n);
                html! {
                    <div class={classes!("band", mark.map(|_| "marked"), mark.is_some_and(CodeMark::running).then_some("running"))}
                         data-testid={mark.map(|_| "code-mark")} data-line={mark.map(|_| n.to_string())}
                         data-tasks={mark.map(CodeMark::names)}></div>
                }
            }) }
        </div>
    }
}

/// Runs the browser's `insertText`, which keeps the edit in the undo history.
fn insert_text(text: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<HtmlDocument>().ok())
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false)
}

/// Byte offset in `text` of the UTF-16 offset `units` (what the selection APIs count).
fn byte_offset(text: &str, units: u32) -> usize {
    let mut count = 0u32;
    for (index, ch) in text.char_indices() {
        if count >= units {
            return index;
        }
        count += ch.len_utf16() as u32;
    }
    text.len()
}

fn utf16_len(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

fn selection(area: &HtmlTextAreaElement) -> (String, usize, usize) {
    let text = area.value();
    let start = byte_offset(&text, area.selection_start().ok().flatten().unwrap_or(0));
    let end = byte_offset(&text, area.selection_end().ok().flatten().unwrap_or(0));
    (text, start.min(end), start.max(end))
}

/// Enter: the new line starts at the indentation of the one the caret is on, one level deeper
/// after a line ending with `:`.
fn new_line(area: &HtmlTextAreaElement) -> bool {
    let (text, start, _) = selection(area);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..start];
    let indent: String = before.chars().take_while(|c| *c == ' ').collect();
    let deeper = if before.trim_end().ends_with(':') {
        INDENT
    } else {
        ""
    };
    insert_text(&format!("\n{indent}{deeper}"))
}

/// Tab and Shift+Tab: on a caret, Tab inserts one level; on lines, each gains or loses one.
fn reindent(area: &HtmlTextAreaElement, indent: bool) -> bool {
    let (text, start, end) = selection(area);
    let several_lines = text[start..end].contains('\n');
    if indent && !several_lines {
        return insert_text(INDENT);
    }
    let block_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    // A selection that ends at the start of a line does not take that line.
    let last = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    let block_end = text[last..].find('\n').map_or(text.len(), |i| last + i);
    let block = &text[block_start..block_end];
    let changed: Vec<String> = block
        .split('\n')
        .map(|line| {
            if indent {
                if line.trim().is_empty() {
                    line.to_owned()
                } else {
                    format!("{INDENT}{line}")
                }
            } else {
                let spaces = line
                    .chars()
                    .take_while(|c| *c == ' ')
                    .count()
                    .min(INDENT.len());
                line[spaces..].to_owned()
            }
        })
        .collect();
    let changed = changed.join("\n");
    if changed == block {
        return true;
    }
    let from = utf16_len(&text[..block_start]);
    let _ = area.set_selection_range(from, utf16_len(&text[..block_end]));
    if !insert_text(&changed) {
        return false;
    }
    let selected_end = if several_lines {
        from + utf16_len(&changed)
    } else {
        from
    };
    let _ = area.set_selection_range(
        if several_lines { from } else { selected_end },
        selected_end,
    );
    if !several_lines {
        // A caret on one line stays where it was in its text.
        let moved = utf16_len(block) as i64 - utf16_len(&changed) as i64;
        let caret = (utf16_len(&text[..start]) as i64 - moved).max(from as i64) as u32;
        let _ = area.set_selection_range(caret, caret);
    }
    true
}
