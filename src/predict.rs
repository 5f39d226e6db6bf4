//! "Predict, then run": the lines a run will print, handed to the learner out of order, and
//! their order checked against the run's, line by line.

/// "Predict first" is offered for runs that print at most this many lines.
pub const MAX_PREDICTED_LINES: usize = 30;

/// A first order to start from that is not the right one (unless every order is right): the
/// lines sorted, or turned by one if sorting gives the run's own order.
pub fn scrambled(lines: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| lines[a].cmp(&lines[b]).then(b.cmp(&a)));
    let same = |order: &[usize]| order.iter().map(|&i| &lines[i]).eq(lines.iter());
    if same(&order) && lines.len() > 1 {
        order.rotate_left(1);
    }
    order
}

/// Moves the line at `from` to `to` (both positions in `order`).
pub fn shift(order: &mut Vec<usize>, from: usize, to: usize) {
    if from < order.len() && to < order.len() {
        let line = order.remove(from);
        order.insert(to, line);
    }
}

/// How a predicted line compares with the one the run printed at its place.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Right,
    /// The run printed this line here instead.
    Wrong {
        printed: String,
    },
    /// The run printed fewer lines.
    Missing,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub verdicts: Vec<Verdict>,
    /// The first place where the prediction and the run part ways.
    pub first_wrong: Option<usize>,
    /// Lines the run printed beyond the predicted ones.
    pub extra: usize,
}

impl Check {
    pub fn right(&self) -> usize {
        self.verdicts
            .iter()
            .filter(|v| **v == Verdict::Right)
            .count()
    }

    pub fn all_right(&self) -> bool {
        self.first_wrong.is_none() && self.extra == 0
    }
}

/// The predicted lines against the printed ones, place by place.
pub fn check(predicted: &[&str], printed: &[&str]) -> Check {
    let verdicts: Vec<Verdict> = predicted
        .iter()
        .enumerate()
        .map(|(i, line)| match printed.get(i) {
            Some(p) if p == line => Verdict::Right,
            Some(p) => Verdict::Wrong {
                printed: (*p).to_owned(),
            },
            None => Verdict::Missing,
        })
        .collect();
    let first_wrong = verdicts.iter().position(|v| *v != Verdict::Right);
    Check {
        verdicts,
        first_wrong,
        extra: printed.len().saturating_sub(predicted.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn the_first_order_offered_is_never_the_answer() {
        for texts in [
            &["a", "b", "c"][..],
            &["c", "b", "a"],
            &["Square 1", "Square 2", "End square 1"],
            &["x", "x", "y"],
        ] {
            let lines = lines(texts);
            let order = scrambled(&lines);
            let mut sorted = order.clone();
            sorted.sort();
            assert_eq!(
                sorted,
                (0..lines.len()).collect::<Vec<_>>(),
                "a permutation"
            );
            assert!(
                !order.iter().map(|&i| &lines[i]).eq(lines.iter()),
                "{texts:?} offered in the right order"
            );
        }
        assert_eq!(scrambled(&lines(&["only"])), [0]);
        assert_eq!(
            scrambled(&lines(&["same", "same"])).len(),
            2,
            "every order is right"
        );
    }

    #[test]
    fn moving_a_line_keeps_the_others_in_order() {
        let mut order = vec![0, 1, 2, 3];
        shift(&mut order, 3, 0);
        assert_eq!(order, [3, 0, 1, 2]);
        shift(&mut order, 0, 2);
        assert_eq!(order, [0, 1, 3, 2]);
        shift(&mut order, 5, 0);
        assert_eq!(order, [0, 1, 3, 2], "out of range: nothing moves");
    }

    #[test]
    fn a_check_says_where_the_prediction_went_wrong() {
        let right = check(&["a", "b", "c"], &["a", "b", "c"]);
        assert!(right.all_right());
        assert_eq!(right.right(), 3);
        let wrong = check(&["a", "c", "b"], &["a", "b", "c"]);
        assert_eq!(wrong.first_wrong, Some(1));
        assert_eq!(
            wrong.verdicts,
            [
                Verdict::Right,
                Verdict::Wrong {
                    printed: "b".into()
                },
                Verdict::Wrong {
                    printed: "c".into()
                }
            ]
        );
        let short = check(&["a", "b"], &["a"]);
        assert_eq!(short.verdicts[1], Verdict::Missing);
        let long = check(&["a"], &["a", "b"]);
        assert_eq!((long.first_wrong, long.extra), (None, 1));
        assert!(!long.all_right());
    }
}
