//! TLS metrics as tilse and news-tls compute them: alignment-based ROUGE-1/2
//! ("align+ m:1"), concatenated ROUGE-1, and date precision/recall/F1; and
//! news-tls's averaging over tasks (precision and recall averaged, F1 taken
//! from the averages).

mod align;
pub mod porter;
pub mod rouge;

use std::collections::BTreeSet;

pub use align::align_m1;

use crate::Timeline;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }

    /// From numerators and denominators; a zero denominator gives 0.
    pub fn from_ratios(p_num: f64, p_den: f64, r_num: f64, r_den: f64) -> Prf {
        let ratio = |n: f64, d: f64| if d == 0.0 { 0.0 } else { n / d };
        Prf::new(ratio(p_num, p_den), ratio(r_num, r_den))
    }

    /// news-tls's average: mean precision, mean recall, F1 of the means.
    pub fn average(items: &[Prf]) -> Prf {
        if items.is_empty() {
            return Prf::default();
        }
        let n = items.len() as f64;
        Prf::new(
            items.iter().map(|x| x.precision).sum::<f64>() / n,
            items.iter().map(|x| x.recall).sum::<f64>() / n,
        )
    }
}

/// The scores of one task.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TaskScores {
    pub ar1: Prf,
    pub ar2: Prf,
    pub concat_r1: Prf,
    pub date: Prf,
}

impl TaskScores {
    pub fn average(items: &[TaskScores]) -> TaskScores {
        let pick =
            |f: fn(&TaskScores) -> Prf| Prf::average(&items.iter().map(f).collect::<Vec<_>>());
        TaskScores {
            ar1: pick(|t| t.ar1),
            ar2: pick(|t| t.ar2),
            concat_r1: pick(|t| t.concat_r1),
            date: pick(|t| t.date),
        }
    }
}

/// Concatenated ROUGE-1 (all daily summaries in date order, one text each).
pub fn concat_rouge1(pred: &Timeline, gold: &Timeline) -> Prf {
    let join = |t: &Timeline| -> Vec<String> { t.days.values().flatten().cloned().collect() };
    let p = rouge::Ngrams::new(&rouge::tokens(&join(pred)), 1);
    let g = rouge::Ngrams::new(&rouge::tokens(&join(gold)), 1);
    let c = rouge::counts(&p, &g);
    Prf::from_ratios(c.hits.into(), c.peer.into(), c.hits.into(), c.model.into())
}

/// Date precision, recall and F1.
pub fn date_prf(pred: &Timeline, gold: &Timeline) -> Prf {
    let p: BTreeSet<_> = pred.dates().collect();
    let g: BTreeSet<_> = gold.dates().collect();
    let hit = p.intersection(&g).count() as f64;
    Prf::from_ratios(hit, p.len() as f64, hit, g.len() as f64)
}

/// All metrics of one task.
pub fn evaluate(pred: &Timeline, gold: &Timeline) -> TaskScores {
    let [ar1, ar2] = align_m1(pred, gold);
    TaskScores {
        ar1,
        ar2,
        concat_r1: concat_rouge1(pred, gold),
        date: date_prf(pred, gold),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_is_f_of_means() {
        let a = Prf::new(1.0, 0.0);
        let b = Prf::new(0.0, 1.0);
        let avg = Prf::average(&[a, b]);
        assert_eq!(avg.precision, 0.5);
        assert_eq!(avg.recall, 0.5);
        assert_eq!(avg.f1, 0.5);
    }

    #[test]
    fn identical_timelines_score_one() {
        let (tl, _) = Timeline::parse("2010-01-02\nBP caps the leaking well .\n--------------------------------\n2010-01-05\nThe relief well is finished .\n");
        let s = evaluate(&tl, &tl);
        for prf in [s.ar1, s.ar2, s.concat_r1, s.date] {
            assert!((prf.f1 - 1.0).abs() < 1e-12, "{s:?}");
        }
    }
}
