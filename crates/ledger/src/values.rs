//! Quantities as intervals of the values they allow, so that figures with
//! different bounds can be compared: "over 100" and "120" are compatible,
//! exact 10,000 and 12,000 are not (two values of one fact).

use tally_core::{Bound, Quantity};

/// Relative tolerance of an exact figure (rounding in reprints).
const EXACT_SLACK: f64 = 0.005;
/// Relative tolerance of an approximate figure ("about 11,000").
const APPROX_SLACK: f64 = 0.05;

/// A closed interval of values; `hi` may be infinite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    /// The values a quantity allows, by its bound.
    pub fn of(q: &Quantity) -> Interval {
        let v = q.value;
        match q.bound {
            Bound::Exact | Bound::Relative => around(v, EXACT_SLACK),
            Bound::Approx => around(v, APPROX_SLACK),
            Bound::AtLeast => Interval {
                lo: v * (1.0 - EXACT_SLACK),
                hi: f64::INFINITY,
            },
            Bound::AtMost => Interval {
                lo: 0.0,
                hi: v * (1.0 + EXACT_SLACK),
            },
            Bound::Range => Interval {
                lo: v * (1.0 - EXACT_SLACK),
                hi: q.max.unwrap_or(v).max(v) * (1.0 + EXACT_SLACK),
            },
        }
    }

    /// Whether some value lies in both.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// The common part, if any.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        self.overlaps(other).then(|| Interval {
            lo: self.lo.max(other.lo),
            hi: self.hi.min(other.hi),
        })
    }
}

fn around(v: f64, slack: f64) -> Interval {
    let d = (v * slack).abs();
    Interval {
        lo: v - d,
        hi: v + d,
    }
}

/// How far apart two figures are: the ratio of the larger to the smaller
/// of their central values (1.0 when equal), for scoring near misses.
pub fn ratio(a: &Quantity, b: &Quantity) -> f64 {
    let (x, y) = (centre(a).abs(), centre(b).abs());
    if x == 0.0 || y == 0.0 {
        return if x == y { 1.0 } else { f64::INFINITY };
    }
    x.max(y) / x.min(y)
}

fn centre(q: &Quantity) -> f64 {
    match (q.bound, q.max) {
        (Bound::Range, Some(m)) => (q.value + m) / 2.0,
        _ => q.value,
    }
}

/// A short human label: "10,000", "~11,000", "over 100", "up to 12,000",
/// "11,000–12,000", "×2".
pub fn label(q: &Quantity) -> String {
    let v = thousands(q.value);
    match q.bound {
        Bound::Exact => v,
        Bound::Approx => format!("~{v}"),
        Bound::AtLeast => format!("over {v}"),
        Bound::AtMost => format!("up to {v}"),
        Bound::Range => format!("{v}–{}", thousands(q.max.unwrap_or(q.value))),
        Bound::Relative => format!("×{v}"),
    }
}

fn thousands(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(value: f64, bound: Bound, max: Option<f64>) -> Quantity {
        let mut q = Quantity::exact(value, "x");
        q.bound = bound;
        q.max = max;
        q
    }

    #[test]
    fn open_bounds_meet_exact_figures() {
        let over = Interval::of(&q(100.0, Bound::AtLeast, None));
        assert!(over.overlaps(&Interval::of(&q(120.0, Bound::Exact, None))));
        assert!(!over.overlaps(&Interval::of(&q(90.0, Bound::Exact, None))));
        let up_to = Interval::of(&q(12000.0, Bound::AtMost, None));
        assert!(up_to.overlaps(&Interval::of(&q(11000.0, Bound::Approx, None))));
    }

    #[test]
    fn distinct_exact_figures_do_not_meet() {
        let a = Interval::of(&q(10000.0, Bound::Exact, None));
        let b = Interval::of(&q(12000.0, Bound::Exact, None));
        assert!(!a.overlaps(&b));
        assert!(a.intersect(&b).is_none());
        let r = Interval::of(&q(11000.0, Bound::Range, Some(12000.0)));
        assert!(r.overlaps(&b));
    }

    #[test]
    fn ratio_and_labels() {
        assert_eq!(
            ratio(
                &q(300.0, Bound::Exact, None),
                &q(100.0, Bound::AtLeast, None)
            ),
            3.0
        );
        assert_eq!(label(&q(11000.0, Bound::Approx, None)), "~11,000");
        assert_eq!(label(&q(100.0, Bound::AtLeast, None)), "over 100");
        assert_eq!(
            label(&q(11000.0, Bound::Range, Some(12000.0))),
            "11,000–12,000"
        );
        assert_eq!(label(&q(1000340.0, Bound::Exact, None)), "1,000,340");
        assert_eq!(label(&q(2.5, Bound::Relative, None)), "×2.5");
    }
}
