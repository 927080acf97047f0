//! Controlled rounding of a proportional table: whole amounts (a recipient's part of a
//! component, in units) spread over columns (the component's tranches), so that every
//! row still sums to its amount, every column to its total, and every cell is the floor
//! or the ceiling of its exact share.
//!
//! The exact cell of row `r` and column `t` is `rows[r] × cols[t] / C`, where `C` is the
//! sum of the rows (and of the columns). Every cell first gets its floor; the units each
//! row and each column still lack are then handed out one per cell, only to cells whose
//! share is not whole, so no cell moves more than one unit from its exact share.
//!
//! Such a rounding always exists: the fractional parts of the cells are a fractional
//! solution of the transportation problem "row `r` sends its missing units, column `t`
//! receives its missing units, at most one per cell", and that problem has an integral
//! solution whenever it has a fractional one (its constraint matrix is totally
//! unimodular). It is found in two steps: column by column, the units go to the largest
//! fractional parts (ties to the lower row) among the rows that still lack units; the few
//! units this greedy pass cannot place are then placed along augmenting paths (a unit
//! moved from one column to another through a row that can take either), which finds the
//! integral solution whenever the greedy pass falls short.
//!
//! ```
//! use vardavtal::apportion::controlled_rounding;
//! // 34, 33 and 33 units over four columns of 25: each cell is 8 or 9.
//! let cells = controlled_rounding(&[34, 33, 33], &[25, 25, 25, 25]).unwrap();
//! assert_eq!(cells, vec![9, 9, 8, 8, /* */ 8, 8, 9, 8, /* */ 8, 8, 8, 9]);
//! ```

use std::collections::VecDeque;

/// Spread each of `rows` over the columns in proportion to `cols` (see the module docs):
/// the cells row by row (`cells[r × cols.len() + t]`). `None` when the rows and the
/// columns do not sum to the same total, or a product `rows[r] × cols[t]` exceeds 128
/// bits.
pub fn controlled_rounding(rows: &[u128], cols: &[u128]) -> Option<Vec<u128>> {
    let total = rows.iter().try_fold(0u128, |a, &x| a.checked_add(x))?;
    let col_total = cols.iter().try_fold(0u128, |a, &x| a.checked_add(x))?;
    if total != col_total {
        return None;
    }
    let m = cols.len();
    let mut cells = vec![0u128; rows.len().checked_mul(m)?];
    if total == 0 || m == 0 {
        return Some(cells);
    }
    // Floors and remainders; what each row and each column still lacks.
    let mut rems = vec![0u128; cells.len()];
    let mut t = Table {
        m,
        row_need: rows.to_vec(),
        col_need: cols.to_vec(),
        extra: vec![false; cells.len()],
    };
    let by_row = cells.chunks_mut(m).zip(rems.chunks_mut(m));
    for ((&a, (cell_row, rem_row)), need) in rows.iter().zip(by_row).zip(t.row_need.iter_mut()) {
        let by_col = cell_row.iter_mut().zip(rem_row.iter_mut());
        for ((&b, (c, rem)), col_need) in cols.iter().zip(by_col).zip(t.col_need.iter_mut()) {
            let prod = a.checked_mul(b)?;
            (*c, *rem) = (prod / total, prod % total);
            // Σ_t floor(a·b_t / C) ≤ a, and Σ_r floor(a_r·b / C) ≤ b.
            *need = need.checked_sub(*c)?;
            *col_need = col_need.checked_sub(*c)?;
        }
    }
    t.greedy(&rems);
    t.augment(&rems)?;
    for (c, e) in cells.iter_mut().zip(&t.extra) {
        *c += u128::from(*e);
    }
    Some(cells)
}

/// The units still to place: what each row and each column lacks, and which cells got
/// one more unit than their floor (row by row, `m` columns).
struct Table {
    m: usize,
    row_need: Vec<u128>,
    col_need: Vec<u128>,
    extra: Vec<bool>,
}

/// `v[i]`, or zero past its end.
fn at(v: &[u128], i: usize) -> u128 {
    v.get(i).copied().unwrap_or(0)
}

impl Table {
    /// Whether cell (`r`, `t`) holds one unit more than its floor.
    fn has(&self, r: usize, t: usize) -> bool {
        self.extra.get(r * self.m + t).copied().unwrap_or(false)
    }

    /// Give (or take back) the extra unit of cell (`r`, `t`).
    fn set(&mut self, r: usize, t: usize, on: bool) {
        if let Some(e) = self.extra.get_mut(r * self.m + t) {
            *e = on;
        }
    }

    /// Column by column, one unit to each of the largest remainders among the rows that
    /// still lack units (ties to the lower row), as many as the column lacks or as can be
    /// placed.
    fn greedy(&mut self, rems: &[u128]) {
        let (n, m) = (self.row_need.len(), self.m);
        let mut order: Vec<usize> = Vec::with_capacity(n);
        for t in 0..m {
            order.clear();
            order.extend((0..n).filter(|&r| at(rems, r * m + t) > 0 && at(&self.row_need, r) > 0));
            order.sort_by(|&a, &b| {
                at(rems, b * m + t)
                    .cmp(&at(rems, a * m + t))
                    .then(a.cmp(&b))
            });
            for &r in &order {
                let (Some(need), Some(rn)) = (self.col_need.get_mut(t), self.row_need.get_mut(r))
                else {
                    break;
                };
                if *need == 0 {
                    break;
                }
                *need -= 1;
                *rn -= 1; // positive: only rows that lack units are in `order`
                self.set(r, t, true);
            }
        }
    }

    /// Place the units the greedy pass left: for each row that still lacks units, a
    /// breadth-first search from it through cells that may take a unit (row to column) and
    /// cells that hold one (column back to row), to a column that still lacks units; the
    /// path's cells are then flipped. `None` if a unit cannot be placed (it always can
    /// when the rows and the columns sum to the same total, by the module docs' argument).
    fn augment(&mut self, rems: &[u128]) -> Option<()> {
        let (n, m) = (self.row_need.len(), self.m);
        for start in 0..n {
            while at(&self.row_need, start) > 0 {
                // How each column and each row was reached: from a row, from a column.
                let mut col_from: Vec<Option<usize>> = vec![None; m];
                let mut row_from: Vec<Option<usize>> = vec![None; n];
                let mut queue = VecDeque::from([start]);
                let mut end = None;
                'search: while let Some(r) = queue.pop_front() {
                    for t in 0..m {
                        if at(rems, r * m + t) == 0 || self.has(r, t) || col_from.get(t)?.is_some()
                        {
                            continue;
                        }
                        *col_from.get_mut(t)? = Some(r);
                        if at(&self.col_need, t) > 0 {
                            end = Some(t);
                            break 'search;
                        }
                        for r2 in 0..n {
                            if r2 != start && self.has(r2, t) && row_from.get(r2)?.is_none() {
                                *row_from.get_mut(r2)? = Some(t);
                                queue.push_back(r2);
                            }
                        }
                    }
                }
                // Flip the path, from the column that lacks a unit back to `start`.
                let mut t = end?;
                *self.col_need.get_mut(t)? -= 1;
                loop {
                    let r = (*col_from.get(t)?)?;
                    self.set(r, t, true);
                    if r == start {
                        break;
                    }
                    t = (*row_from.get(r)?)?;
                    self.set(r, t, false);
                }
                *self.row_need.get_mut(start)? -= 1;
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rows: &[u128], cols: &[u128]) -> Vec<u128> {
        let cells = controlled_rounding(rows, cols).unwrap();
        let m = cols.len();
        let total: u128 = rows.iter().sum();
        for (r, a) in rows.iter().enumerate() {
            assert_eq!(cells[r * m..(r + 1) * m].iter().sum::<u128>(), *a);
            for (t, b) in cols.iter().enumerate() {
                let (f, rem) = (a * b / total, a * b % total);
                let x = cells[r * m + t];
                assert!(x == f || (rem > 0 && x == f + 1), "cell {r},{t}: {x}");
            }
        }
        for (t, b) in cols.iter().enumerate() {
            assert_eq!((0..rows.len()).map(|r| cells[r * m + t]).sum::<u128>(), *b);
        }
        cells
    }

    #[test]
    fn small_tables() {
        check(&[34, 33, 33], &[25, 25, 25, 25]);
        check(&[1, 1, 1], &[1, 1, 1]);
        check(&[5], &[2, 3]);
        check(&[2, 3], &[5]);
        check(&[0, 7, 0], &[3, 0, 4]);
        check(&[1, 1, 1, 1, 1, 1, 1], &[2, 2, 3]);
        assert_eq!(controlled_rounding(&[0, 0], &[0]), Some(vec![0, 0]));
        assert_eq!(controlled_rounding(&[], &[]), Some(vec![]));
    }

    #[test]
    fn refuses_unbalanced_and_overflowing_tables() {
        assert_eq!(controlled_rounding(&[3], &[2]), None);
        assert_eq!(controlled_rounding(&[u128::MAX, 1], &[u128::MAX]), None);
        let big = 1u128 << 100;
        assert_eq!(controlled_rounding(&[big], &[big]), None);
    }

    #[test]
    fn augmenting_paths_place_what_the_greedy_pass_cannot() {
        // Found by search: the greedy pass alone leaves units unplaced on these.
        for (rows, cols) in [
            (&[10u128, 11, 7][..], &[10u128, 14, 4][..]),
            (&[6, 10, 2, 2], &[0, 7, 9, 4]),
            (&[3, 1, 11], &[7, 1, 2, 5]),
        ] {
            let total: u128 = rows.iter().sum();
            let m = cols.len();
            let mut t = Table {
                m,
                row_need: rows.to_vec(),
                col_need: cols.to_vec(),
                extra: vec![false; rows.len() * m],
            };
            let mut rems = vec![0; rows.len() * m];
            for (r, a) in rows.iter().enumerate() {
                for (c, b) in cols.iter().enumerate() {
                    rems[r * m + c] = a * b % total;
                    t.row_need[r] -= a * b / total;
                    t.col_need[c] -= a * b / total;
                }
            }
            t.greedy(&rems);
            assert!(t.row_need.iter().any(|x| *x > 0), "{rows:?} {cols:?}");
            check(rows, cols);
        }
    }

    #[test]
    fn the_greedy_pass_is_repaired_when_it_falls_short() {
        // Small remainders in the first columns lead the greedy pass astray on some of
        // these; every one must still come out exact.
        for a in 1..12u128 {
            for b in 1..12u128 {
                for c in 0..6u128 {
                    let rows = [a, b, c, 1];
                    let s: u128 = rows.iter().sum();
                    let cols = [s / 3, s / 3, s - 2 * (s / 3)];
                    check(&rows, &cols);
                }
            }
        }
    }
}
