//! Amounts from arbitrary text: the strict plain decimal (`Sek::from_str`), the Swedish
//! forms (`swedish::parse_swedish`) and both (`Sek::parse_any`). On success: the exact
//! digits survive printing and re-reading, and the stated range contains the value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vardavtal::Sek;
use vardavtal::swedish::{format_kr, format_short, parse_swedish};

fuzz_target!(|s: &str| {
    if let Ok(x) = s.parse::<Sek>() {
        // Plain decimals print without exponent or separators and read back equal.
        let printed = x.to_string();
        assert_eq!(printed.parse::<Sek>().ok(), Some(x), "{s:?} → {printed:?}");
        assert!(!printed.contains(['e', 'E', ' ', ',']));
        // A plain decimal is also what parse_any gives.
        assert_eq!(
            Sek::parse_any(s).ok(),
            Some(x),
            "parse_any differs on {s:?}"
        );
    }
    if let Ok(a) = parse_swedish(s) {
        let (low, high) = a.range();
        assert!(low <= high, "{s:?}: range {low}..{high}");
        assert!(
            a.contains(a.value) || a.qualifier.is_some(),
            "{s:?}: value outside its range"
        );
        // Written back in Swedish, the value reads back exactly, when it has room: a value
        // of 27 or more significant digits may print (",10 kr") or need a range with more
        // digits than a decimal holds, and is then refused, as documented, not misread.
        let digits = a
            .value
            .normalize()
            .mantissa()
            .unsigned_abs()
            .to_string()
            .len();
        for w in [format_kr(a.value), format_short(a.value)] {
            let back = parse_swedish(&w).map(|b| b.value);
            if digits <= 26 {
                assert_eq!(
                    back.as_ref().ok(),
                    Some(&a.value),
                    "{s:?} → {w:?} → {back:?}"
                );
            } else if let Ok(b) = back {
                assert_eq!(b, a.value, "{s:?} → {w:?} misread");
            }
        }
    }
    match Sek::parse_any(s) {
        Ok(x) => {
            let _ = x.to_string();
        }
        Err(e) => {
            assert_eq!(e.code(), vardavtal::Code::InvalidAmount, "{s:?}: {e}");
        }
    }
});
