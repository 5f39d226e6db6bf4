//! Share links (`scenario.md` §3): `#s=` base64url of the JSON, `#z=` base64url of its raw
//! DEFLATE, `#py=` base64url of the raw DEFLATE of a Python program (with `&scale=`), and
//! `&run=1` to start at once.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use std::fmt;

use crate::scenario::{Scenario, ScenarioError};

/// How much a `#z=` link may inflate to: a DEFLATE bomb stops here.
pub const MAX_INFLATED_BYTES: usize = 8 * 1024 * 1024;

/// What a URL fragment asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkRequest {
    pub scenario: Scenario,
    pub run: bool,
}

/// The largest Python program a `#py=` link may carry (§3).
pub const MAX_PROGRAM_BYTES: usize = 200 * 1024;

/// A Python program a `#py=` link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramRequest {
    pub source: String,
    /// Real seconds per program second (`&scale=`).
    pub time_scale: f64,
    pub run: bool,
}

/// What a link holds: a scenario or a program.
#[derive(Clone, Debug, PartialEq)]
pub enum Link {
    Scenario(LinkRequest),
    Program(ProgramRequest),
}

/// Why a link was refused: it could not be decoded, or its scenario is not valid.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    Undecodable(String),
    Refused(ScenarioError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Undecodable(reason) => write!(f, "link: {reason}"),
            LinkError::Refused(error) => error.fmt(f),
        }
    }
}

impl From<ScenarioError> for LinkError {
    fn from(error: ScenarioError) -> LinkError {
        LinkError::Refused(error)
    }
}

fn refuse<T>(reason: impl Into<String>) -> Result<T, LinkError> {
    Err(LinkError::Undecodable(reason.into()))
}

/// Reads a fragment such as `#z=...&run=1`. `Ok(None)` when it holds no scenario.
pub fn parse_fragment(fragment: &str) -> Result<Option<LinkRequest>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut json = None;
    let mut run = false;
    for part in fragment.split('&') {
        if let Some(data) = part.strip_prefix("s=") {
            json = Some(
                String::from_utf8(decode_base64(data)?)
                    .or_else(|_| refuse("the scenario is not UTF-8 text"))?,
            );
        } else if let Some(data) = part.strip_prefix("z=") {
            let bytes = inflate(
                data,
                MAX_INFLATED_BYTES,
                "the scenario inflates to more than 8 MB",
            )?;
            json = Some(
                String::from_utf8(bytes).or_else(|_| refuse("the scenario is not UTF-8 text"))?,
            );
        } else if part == "run=1" {
            run = true;
        }
    }
    match json {
        None => Ok(None),
        Some(json) => Ok(Some(LinkRequest {
            scenario: Scenario::from_json(&json)?,
            run,
        })),
    }
}

/// Reads any link of §3: a program (`#py=`) or a scenario (`#s=`, `#z=`).
pub fn parse_link(fragment: &str) -> Result<Option<Link>, LinkError> {
    let trimmed = fragment.strip_prefix('#').unwrap_or(fragment);
    let parts: Vec<&str> = trimmed.split('&').collect();
    let Some(data) = parts.iter().find_map(|part| part.strip_prefix("py=")) else {
        return Ok(parse_fragment(fragment)?.map(Link::Scenario));
    };
    let bytes = inflate(data, MAX_PROGRAM_BYTES, "the program is longer than 200 KB")?;
    let source = String::from_utf8(bytes).or_else(|_| refuse("the program is not UTF-8 text"))?;
    let mut time_scale = 1.0;
    for part in &parts {
        if let Some(value) = part.strip_prefix("scale=") {
            time_scale = match value.parse::<f64>() {
                Ok(scale) if (0.01..=10.0).contains(&scale) => scale,
                _ => return refuse(format!("scale={value}: must be a number from 0.01 to 10")),
            };
        }
    }
    Ok(Some(Link::Program(ProgramRequest {
        source,
        time_scale,
        run: parts.contains(&"run=1"),
    })))
}

/// `py=...` for a program, with `&scale=` when it is not 1.
pub fn program_fragment(source: &str, time_scale: f64, run: bool) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(source.as_bytes(), 9);
    let mut fragment = format!("py={}", URL_SAFE_NO_PAD.encode(packed));
    if time_scale != 1.0 {
        fragment += &format!("&scale={time_scale}");
    }
    with_run(fragment, run)
}

/// The raw DEFLATE in base64url `data`, refused past `limit` bytes (`too_long` says so): a
/// DEFLATE bomb stops there.
fn inflate(data: &str, limit: usize, too_long: &str) -> Result<Vec<u8>, LinkError> {
    let packed = decode_base64(data)?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, limit).or_else(|error| match error
        .status
    {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => refuse(too_long),
        _ => refuse("bad DEFLATE data (the link is damaged or cut short)"),
    })
}

fn decode_base64(data: &str) -> Result<Vec<u8>, LinkError> {
    URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .or_else(|_| refuse("not base64url (only A–Z, a–z, 0–9, - and _ may appear)"))
}

/// `z=...` (compressed), the form "Copy link" gives.
pub fn compressed_fragment(scenario: &Scenario, run: bool) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(scenario.to_json().as_bytes(), 9);
    with_run(format!("z={}", URL_SAFE_NO_PAD.encode(packed)), run)
}

/// `s=...` (plain), readable by anyone with a base64 decoder.
pub fn plain_fragment(scenario: &Scenario, run: bool) -> String {
    with_run(
        format!("s={}", URL_SAFE_NO_PAD.encode(scenario.to_json())),
        run,
    )
}

fn with_run(fragment: String, run: bool) -> String {
    if run {
        fragment + "&run=1"
    } else {
        fragment
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn refusal(fragment: &str) -> String {
        match parse_fragment(fragment) {
            Err(e) => e.to_string(),
            Ok(r) => panic!("accepted {fragment}: {r:?}"),
        }
    }

    #[test]
    fn both_link_forms_round_trip() {
        for preset in presets::all() {
            let scenario = preset.scenario();
            for run in [false, true] {
                for fragment in [
                    compressed_fragment(&scenario, run),
                    plain_fragment(&scenario, run),
                ] {
                    let request = parse_fragment(&format!("#{fragment}"))
                        .expect("valid")
                        .expect("scenario");
                    assert_eq!(
                        request,
                        LinkRequest {
                            scenario: scenario.clone(),
                            run
                        }
                    );
                }
            }
        }
        assert_eq!(parse_fragment("#").expect("empty"), None);
        assert_eq!(parse_fragment("").expect("empty"), None);
    }

    #[test]
    fn reads_links_made_elsewhere() {
        // `base64.urlsafe_b64encode(json).rstrip(b'=')` in Python.
        let json = r#"{"version":1,"strategy":"gather","tasks":[{"name":"a","steps":[{"sleep":1}],"returns":1}]}"#;
        let fragment = format!("#s={}&run=1", URL_SAFE_NO_PAD.encode(json));
        let request = parse_fragment(&fragment).expect("valid").expect("scenario");
        assert!(request.run);
        assert_eq!(request.scenario.tasks[0].name, "a");
    }

    #[test]
    fn refuses_broken_links_with_a_reason() {
        assert!(refusal("#s=%%%").starts_with("link: not base64url"));
        assert!(refusal("#z=AAAA").starts_with("link: bad DEFLATE"));
        assert!(
            refusal(&format!("#s={}", URL_SAFE_NO_PAD.encode([0xff, 0xfe])))
                .starts_with("link: the scenario is not UTF-8")
        );
        assert!(refusal(&format!("#s={}", URL_SAFE_NO_PAD.encode("[1]")))
            .starts_with("scenario: must be a JSON object"));
        assert!(refusal(&format!("#s={}", URL_SAFE_NO_PAD.encode("{")))
            .starts_with("scenario: not valid JSON"));
    }

    fn program_refusal(fragment: &str) -> String {
        match parse_link(fragment) {
            Err(e) => e.to_string(),
            Ok(r) => panic!("accepted {fragment}: {r:?}"),
        }
    }

    #[test]
    fn program_links_round_trip_with_their_scale() {
        let source = "import asyncio\nprint('é', \"<b>\")\n";
        for (scale, run) in [(1.0, false), (0.25, true), (10.0, false)] {
            let fragment = format!("#{}", program_fragment(source, scale, run));
            assert_eq!(
                parse_link(&fragment).expect("valid"),
                Some(Link::Program(ProgramRequest {
                    source: source.into(),
                    time_scale: scale,
                    run
                }))
            );
        }
        // Parameters may come in any order.
        let packed = miniz_oxide::deflate::compress_to_vec(b"pass\n", 9);
        let fragment = format!("#run=1&scale=0.5&py={}", URL_SAFE_NO_PAD.encode(packed));
        let Some(Link::Program(request)) = parse_link(&fragment).expect("valid") else {
            panic!("not a program");
        };
        assert_eq!((request.time_scale, request.run), (0.5, true));
        let scenario = compressed_fragment(&presets::all()[0].scenario(), false);
        assert!(matches!(
            parse_link(&format!("#{scenario}")),
            Ok(Some(Link::Scenario(_)))
        ));
    }

    #[test]
    fn refuses_broken_program_links_with_a_reason() {
        assert!(program_refusal("#py=%%%").starts_with("link: not base64url"));
        assert!(program_refusal("#py=AAAA").starts_with("link: bad DEFLATE"));
        let latin1 = miniz_oxide::deflate::compress_to_vec(&[0xe9, 0x0a], 9);
        assert_eq!(
            program_refusal(&format!("#py={}", URL_SAFE_NO_PAD.encode(latin1))),
            "link: the program is not UTF-8 text"
        );
        let long = "#".repeat(MAX_PROGRAM_BYTES + 1);
        assert_eq!(
            program_refusal(&format!("#{}", program_fragment(&long, 1.0, false))),
            "link: the program is longer than 200 KB"
        );
        let fitting = "#".repeat(MAX_PROGRAM_BYTES);
        assert!(parse_link(&format!("#{}", program_fragment(&fitting, 1.0, false))).is_ok());
        for scale in ["0", "11", "abc", "NaN"] {
            let fragment = format!("#{}&scale={scale}", program_fragment("pass", 1.0, false));
            assert!(
                program_refusal(&fragment).contains("must be a number from 0.01 to 10"),
                "{scale}"
            );
        }
    }

    #[test]
    fn a_deflate_bomb_stops_at_8_mb() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_INFLATED_BYTES + 1], 9);
        assert!(
            bomb.len() < 64 * 1024,
            "the bomb is small: {} bytes",
            bomb.len()
        );
        let message = refusal(&format!("#z={}", URL_SAFE_NO_PAD.encode(bomb)));
        assert_eq!(message, "link: the scenario inflates to more than 8 MB");
    }
}
