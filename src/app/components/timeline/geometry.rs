//! Where things sit on a timeline: the label column, the plot, the lanes, and time as a
//! position. Every measure of the timeline's layout is written here once.

use crate::trace::Ms;

/// The label column, in percent of the timeline's width.
pub const LABELS_WIDTH: f64 = 22.0;
/// The plot, in percent of the timeline's width (it starts where the labels end).
pub const PLOT_WIDTH: f64 = 77.0;
/// A margin on both sides of the time axis, in percent of the plot's width, so that labels and
/// markers at 0 and at the end are not clipped.
pub const PLOT_MARGIN: f64 = 2.0;
/// The axis row at the top, in pixels.
pub const AXIS_HEIGHT: f64 = 22.0;
pub const LANE_HEIGHT: f64 = 26.0;
pub const COMPARE_LANE_HEIGHT: f64 = 18.0;

/// A percentage as an SVG or CSS length.
pub fn pct(value: f64) -> String {
    format!("{value:.4}%")
}

/// Where time `t` sits on an axis ending at `span`, in percent of the plot's width.
pub fn x(t: Ms, span: Ms) -> f64 {
    PLOT_MARGIN + (t / span).clamp(0.0, 1.0) * (100.0 - 2.0 * PLOT_MARGIN)
}

/// How wide `duration` is on that axis, in percent of the plot's width (never invisible).
pub fn width(duration: Ms, span: Ms) -> f64 {
    ((duration / span) * (100.0 - 2.0 * PLOT_MARGIN)).max(0.15)
}

/// The top of row `row` (0 is `main()`).
pub fn row_y(row: usize, lane_height: f64) -> f64 {
    AXIS_HEIGHT + lane_height * row as f64
}

/// A tick step (in ms) giving about six ticks over `span`.
pub fn tick_step(span: Ms) -> Ms {
    let raw = span / 6.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    step.max(1.0)
}

/// `1.234 s`.
pub fn seconds(ms: Ms) -> String {
    format!("{:.3} s", ms / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_maps_onto_the_plot_between_its_margins() {
        assert_eq!(x(0.0, 1000.0), PLOT_MARGIN);
        assert_eq!(x(1000.0, 1000.0), 100.0 - PLOT_MARGIN);
        assert_eq!(x(500.0, 1000.0), 50.0);
        assert_eq!(
            x(2000.0, 1000.0),
            100.0 - PLOT_MARGIN,
            "past the end: clamped"
        );
        assert_eq!(width(0.0, 1000.0), 0.15, "an instant stays visible");
        assert_eq!(pct(12.5), "12.5000%");
    }

    #[test]
    fn ticks_are_round_steps_about_six_to_an_axis() {
        assert_eq!(tick_step(1000.0), 200.0);
        assert_eq!(tick_step(3000.0), 500.0);
        assert_eq!(tick_step(10_000.0), 2000.0);
        assert_eq!(tick_step(2.0), 1.0);
        assert_eq!(seconds(1500.0), "1.500 s");
    }
}
