//! Every problem of a JSON document that does not deserialize, not only the first one serde
//! stops at.
//!
//! This module owns the search for the other problems. The document, once it is known to be
//! well-formed JSON that its type refuses, is taken apart into its independent parts (each
//! field of an object, each element of a list, recursively), and each part is read on its
//! own by the type's own `Deserialize`: the part is set in a skeleton of its ancestors that
//! holds nothing else (`{"components": [{"tranches": [PART]}]}`). There is no second
//! description of the format, so the two readings cannot disagree.
//!
//! - A part whose skeleton fails *inside* the part has a problem. Its own parts are then
//!   searched in turn, and the finest problems are reported; a part whose sub-parts are
//!   each fine alone (a tagged rule, whose fields only read with its `type`) is reported
//!   as a whole, so a problem is never lost, only coarser.
//! - A failure *outside* the part (an ancestor's missing fields) is an artifact of the
//!   skeleton, and means the part is fine.
//! - An object whose failing fields are set aside is read once more for its own problems
//!   (a missing field), except that a field set aside is not reported missing.
//!
//! Each finding is made from the same templates, classified as the first one is, and
//! located: its path (`components[2].tranches[0].date`) and the line and column where its
//! value starts. The first finding is the one the typed reading gave, unchanged; the
//! others follow in document order, bounded by [`Problems`] (`MAX_FINDINGS`).

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::json::{classify, path_loc};
use crate::finding::{Error, Finding, Loc, LocPart, Problems};

/// The error of `text`, whose typed reading as `T` failed with `first`: `first`, then every
/// other problem of the document. `first` alone when the text is not JSON at all (its
/// syntax error is then the one problem that can be told).
pub(super) fn every<T: DeserializeOwned>(text: &str, first: Error) -> Error {
    let Ok(mut root) = serde_json::from_str::<Value>(text) else {
        return first;
    };
    let mut search = Search::<T> {
        text,
        first: first.findings().first().map(|f| f.loc.clone()),
        found: Problems::default(),
        ty: std::marker::PhantomData,
    };
    search.found.extend(first.into_findings());
    let mut at = Vec::new();
    let failing = search.parts(&mut at, &mut root);
    if !failing.is_empty() {
        search.own(&mut at, &mut root, failing);
    }
    match search.found.into_result() {
        Ok(()) => Error::from_findings(Vec::new()),
        Err(e) => Error::from_findings(placed(text, e.into_findings())),
    }
}

/// The search of one document for the problems of its parts, as read by `T`.
struct Search<'a, T> {
    /// The text, for the classification of errors.
    text: &'a str,
    /// Where the first finding is (not reported twice).
    first: Option<Loc>,
    /// What was found, bounded.
    found: Problems,
    ty: std::marker::PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Search<'_, T> {
    /// Whether the part at `at` has a problem; its finest problems are recorded.
    fn part(&mut self, at: &mut Vec<LocPart>, node: &mut Value) -> bool {
        let Some((loc, e)) = self.probe(at, node) else {
            return false;
        };
        let failing = self.parts(at, node);
        if failing.is_empty() {
            self.record(loc, &e);
        } else {
            self.own(at, node, failing);
        }
        true
    }

    /// Search each field or element of `node` on its own; the keys of the fields (or the
    /// indexes of the elements) that have a problem. The elements of a list that is read by
    /// position (a tuple, a struct given as a list: an empty list is refused where it
    /// stands) are not independent, and are not searched.
    fn parts(&mut self, at: &mut Vec<LocPart>, node: &mut Value) -> Vec<LocPart> {
        let mut failing = Vec::new();
        if node.is_array() {
            let refused = self.probe(at, &mut Value::Array(Vec::new()));
            if refused.is_some_and(|(loc, _)| loc.0 == *at) {
                return failing;
            }
        }
        let children: Vec<(LocPart, &mut Value)> = match node {
            Value::Object(m) => m
                .iter_mut()
                .map(|(k, v)| (LocPart::Key(k.clone()), v))
                .collect(),
            Value::Array(a) => a
                .iter_mut()
                .enumerate()
                .map(|(i, v)| (LocPart::from(i), v))
                .collect(),
            _ => Vec::new(),
        };
        for (step, child) in children {
            at.push(step);
            if self.part(at, child) {
                failing.extend(at.last().cloned());
            }
            at.pop();
        }
        failing
    }

    /// The problem of an object itself (a missing field), its failing fields set aside.
    fn own(&mut self, at: &mut [LocPart], node: &mut Value, failing: Vec<LocPart>) {
        let Value::Object(m) = node else { return };
        let aside: Vec<(String, Value)> = failing
            .iter()
            .filter_map(|p| match p {
                LocPart::Key(k) => m.remove_entry(k),
                LocPart::Index(_) => None,
            })
            .collect();
        if let Some((loc, e)) = self.probe(at, node) {
            let msg = e.to_string();
            let missing_aside = aside
                .iter()
                .any(|(k, _)| msg.contains(&format!("missing field `{k}`")));
            if loc.0 == at && !missing_aside {
                self.record(loc, &e);
            }
        }
        if let Value::Object(m) = node {
            m.extend(aside);
        }
    }

    /// Read the part at `at` alone, in a skeleton of its ancestors: the error, located in
    /// the document, when it fails inside the part; `None` when the part is fine. The part
    /// is moved into the skeleton and back, never copied.
    fn probe(&self, at: &[LocPart], node: &mut Value) -> Option<(Loc, serde_json::Error)> {
        let skeleton = wrap(std::mem::take(node), at);
        let result = serde_path_to_error::deserialize::<_, T>(&skeleton).err();
        *node = unwrap(skeleton, at.len());
        let e = result?;
        let loc = path_loc(e.path());
        let inside = loc.0.len() >= at.len()
            && loc.0.iter().zip(at).all(|(l, a)| match (l, a) {
                (LocPart::Index(0), LocPart::Index(_)) => true,
                _ => l == a,
            });
        if !inside {
            return None;
        }
        let mut real = at.to_vec();
        real.extend(loc.0.get(at.len()..).unwrap_or_default().iter().cloned());
        Some((Loc(real), e.into_inner()))
    }

    /// Record a problem, in the finding shape of the first one.
    fn record(&mut self, loc: Loc, e: &serde_json::Error) {
        if self.first.as_ref() == Some(&loc) {
            return;
        }
        if self.found.is_full() {
            return self.found.count();
        }
        let template = classify(e, &e.to_string(), self.text);
        self.found.push(template.error(loc).with("detail", e));
    }
}

/// `node` set in a skeleton of the ancestors named by `at`: one field per object, one
/// element per list.
fn wrap(mut node: Value, at: &[LocPart]) -> Value {
    for step in at.iter().rev() {
        node = match step {
            LocPart::Key(k) => Value::Object(Map::from_iter([(k.clone(), node)])),
            LocPart::Index(_) => Value::Array(vec![node]),
        };
    }
    node
}

/// The node that [`wrap`] set `depth` levels deep in `skeleton`.
fn unwrap(mut skeleton: Value, depth: usize) -> Value {
    for _ in 0..depth {
        skeleton = match skeleton {
            Value::Object(m) => m.into_iter().next().map(|(_, v)| v),
            Value::Array(a) => a.into_iter().next(),
            _ => None,
        }
        .unwrap_or_default();
    }
    skeleton
}

/// The findings with the line and column where each one's value starts in `text` (those
/// that have none yet; the detail says them as serde's own words do for the first), the
/// first kept first and the others in document order.
fn placed(text: &str, mut findings: Vec<Finding>) -> Vec<Finding> {
    let wanted: Vec<(usize, &[LocPart])> = findings
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, f)| !f.ctx.contains_key("line") && !is_count(f))
        .map(|(i, f)| (i, f.loc.0.as_slice()))
        .collect();
    let mut offsets = vec![None; findings.len()];
    offsets_in(text, text.trim_start(), &wanted, &mut offsets);
    let lines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    for (f, offset) in findings.iter_mut().zip(&offsets) {
        if let Some(o) = *offset {
            let line = lines.partition_point(|&n| n < o);
            let start = line
                .checked_sub(1)
                .and_then(|l| lines.get(l))
                .map_or(0, |n| n + 1);
            let column = text.get(start..o).map_or(0, |s| s.chars().count()) + 1;
            let detail = f.ctx.get("detail").cloned().unwrap_or_default();
            let line = line + 1;
            *f = f
                .clone()
                .with("detail", format!("{detail} at line {line} column {column}"))
                .with("line", line)
                .with("column", column);
        }
    }
    let rest = findings.split_off(1.min(findings.len()));
    let mut rest: Vec<(Option<usize>, Finding)> = offsets.into_iter().skip(1).zip(rest).collect();
    rest.sort_by_key(|(o, f)| (is_count(f), o.unwrap_or(usize::MAX)));
    findings.extend(rest.into_iter().map(|(_, f)| f));
    findings
}

/// Whether a finding is the count of those not kept.
fn is_count(f: &Finding) -> bool {
    f.template.is_some_and(|t| t.id == "more_problems")
}

/// The byte offset in `text` of the value at each wanted path below `node` (a slice of
/// `text`), reading each value of the text at most once.
fn offsets_in(text: &str, node: &str, wanted: &[(usize, &[LocPart])], out: &mut [Option<usize>]) {
    let mut deeper: std::collections::BTreeMap<&LocPart, Vec<(usize, &[LocPart])>> =
        std::collections::BTreeMap::new();
    for &(i, path) in wanted {
        match path.split_first() {
            None => {
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some(node.as_ptr() as usize - text.as_ptr() as usize);
                }
            }
            Some((step, rest)) => deeper.entry(step).or_default().push((i, rest)),
        }
    }
    if deeper.is_empty() {
        return;
    }
    let children: Vec<(LocPart, &RawValue)> = if node.starts_with('{') {
        serde_json::from_str::<std::collections::BTreeMap<String, &RawValue>>(node)
            .map(|m| m.into_iter().map(|(k, v)| (LocPart::Key(k), v)).collect())
            .unwrap_or_default()
    } else {
        serde_json::from_str::<Vec<&RawValue>>(node)
            .map(|a| {
                a.into_iter()
                    .enumerate()
                    .map(|(i, v)| (LocPart::from(i), v))
                    .collect()
            })
            .unwrap_or_default()
    };
    for (step, child) in children {
        if let Some(w) = deeper.get(&step) {
            offsets_in(text, child.get(), w, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::{Code, MAX_FINDINGS};
    use crate::message::Lang;
    use crate::{Agreement, Error};

    /// Each finding as `code at loc (line)`.
    fn listed(e: &Error) -> Vec<String> {
        e.findings()
            .iter()
            .map(|f| {
                let line = f.ctx.get("line").map_or("-", String::as_str);
                format!("{} at {} (line {line})", f.code, f.loc)
            })
            .collect()
    }

    const THREE: &str = r#"{
  "id": "x", "title": "t", "kind": {"type": "base"}, "years": [2022],
  "colour": "red",
  "components": [
    {"id": "a", "name": "A", "amount": "1e9"},
    {"id": "b", "name": "B", "amount": "5"},
    {"id": "c", "name": "C", "components": [{"id": "c1", "name": "C1", "amount": "1"}]}
  ],
  "tranches": [{"id": "t1", "component": "a", "date": "2022-13"}]
}"#;

    #[test]
    fn three_independent_problems_are_all_reported_located_in_both_languages() {
        let e = Agreement::from_json(THREE).unwrap_err();
        assert_eq!(
            listed(&e),
            [
                "unknown_field at colour (line 3)",
                "invalid_amount at components[0].amount (line 5)",
                "invalid_date at tranches[0].date (line 9)",
            ]
        );
        for f in e.findings() {
            assert_ne!(f.message(Lang::Sv), f.message(Lang::En), "{f:?}");
        }
        assert!(
            e.findings()[1]
                .message(Lang::Sv)
                .starts_with("ogiltigt belopp")
        );
        assert_eq!(
            e.findings()[2].ctx.get("column").map(String::as_str),
            Some("55")
        );
    }

    #[test]
    fn the_first_finding_is_the_one_serde_stops_at() {
        let mut de = serde_json::Deserializer::from_str(THREE);
        let alone = serde_path_to_error::deserialize::<_, Agreement>(&mut de).unwrap_err();
        let e = Agreement::from_json(THREE).unwrap_err();
        assert_eq!(e.findings()[0].loc, super::path_loc(alone.path()));
        assert!(
            e.findings()[0].msg.contains("line 3"),
            "{}",
            e.findings()[0].msg
        );
    }

    #[test]
    fn nested_components_missing_fields_and_lists_of_values() {
        let e = Agreement::from_json(
            r#"{"id": "x", "kind": {"type": "base"}, "years": [2022, "2023", 2024, "x"],
                "components": [{"id": "c", "name": "C", "components": [
                    {"id": "c1", "name": "C1", "amount": "1"},
                    {"id": "c2", "amount": "7,5 kronor"},
                    {"name": "C3", "bogus": 1}]}]}"#,
        )
        .unwrap_err();
        assert_eq!(
            listed(&e)
                .iter()
                .map(|s| s.split(" (line").next().unwrap_or(""))
                .collect::<Vec<_>>(),
            [
                "invalid_value at years[1]",
                "invalid_value at (root)",
                "invalid_value at years[3]",
                "invalid_value at components[0].components[1]",
                "invalid_amount at components[0].components[1].amount",
                "invalid_value at components[0].components[2]",
                "unknown_field at components[0].components[2].bogus",
            ]
        );
        let missing = |i: usize, field: &str| {
            let msg = &e.findings()[i].msg;
            assert!(msg.contains(&format!("missing field `{field}`")), "{msg}");
        };
        missing(1, "title");
        missing(3, "name");
        missing(5, "id");
    }

    #[test]
    fn one_problem_is_one_finding() {
        let e = Agreement::from_json(
            r#"{"id":"x","title":"t","kind":{"type":"base"},"years":[2022],
                "components":[{"id":"a","name":"A","amount":"1e9"}]}"#,
        )
        .unwrap_err();
        assert_eq!(
            listed(&e),
            ["invalid_amount at components[0].amount (line 2)"]
        );
        let e = Agreement::from_json(r#"{"id":"x","kind":{"type":"base"},"years":[2022]}"#)
            .unwrap_err();
        assert_eq!(listed(&e), ["invalid_value at (root) (line 1)"]);
        let e = Agreement::from_json("[1, 2]").unwrap_err();
        assert_eq!(listed(&e), ["invalid_value at [0] (line 1)"]);
        let e = Agreement::from_json(r#"{"id": }"#).unwrap_err();
        assert_eq!(listed(&e), ["syntax at id (line 1)"]);
    }

    #[test]
    fn a_tagged_rule_is_reported_whole() {
        let e = Agreement::from_json(
            r#"{"id":"x","title":"t","kind":{"type":"base"},"years":[2022],"components":[
                {"id":"a","name":"A","rule":{"type":"per_capita","colour":1}},
                {"id":"b","name":"B","rule":{"type":"no_such_rule"}}]}"#,
        )
        .unwrap_err();
        let locs: Vec<String> = e.findings().iter().map(|f| f.loc.to_string()).collect();
        assert_eq!(locs, ["components[0].rule", "components[1].rule.type"]);
    }

    #[test]
    fn a_thousand_bad_components_are_bounded() {
        let bad = vec![r#"{"id":"a","name":"A","amount":"1e9"}"#; 1500].join(",");
        let text = format!(
            r#"{{"id":"x","title":"t","kind":{{"type":"base"}},"years":[2022],"components":[{bad}]}}"#
        );
        let e = Agreement::from_json(&text).unwrap_err();
        assert_eq!(e.findings().len(), MAX_FINDINGS);
        assert!(
            e.findings()[..MAX_FINDINGS - 1]
                .iter()
                .all(|f| f.code == Code::InvalidAmount)
        );
        assert_eq!(
            e.findings()[MAX_FINDINGS - 1]
                .ctx
                .get("more")
                .map(String::as_str),
            Some("501")
        );
        assert_eq!(e.findings()[1].loc.to_string(), "components[1].amount");
    }

    #[test]
    fn files_prefix_every_location() {
        let dir = std::env::temp_dir().join(format!("vardavtal-problems-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("three.json");
        std::fs::write(&path, THREE).unwrap();
        let e = Agreement::from_file(&path).unwrap_err();
        let _ = std::fs::remove_dir_all(&dir);
        let name = path.display().to_string();
        assert_eq!(e.findings().len(), 3);
        assert!(
            e.findings()
                .iter()
                .all(|f| f.loc.to_string().starts_with(&name))
        );
    }
}
