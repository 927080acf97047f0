//! Stable names of field-less enums: one list per enum gives `as_str`, `ALL`, `Display`
//! and `FromStr` (an `invalid_value` error that lists the names), the same names serde
//! writes, so no caller has to go through JSON to name a variant.

/// `as_str`, `ALL`, `Display` and `FromStr` for a field-less enum from one list of names.
macro_rules! names {
    ($ty:ident { $($v:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$v),+];
            /// The stable snake_case name, as in JSON.
            ///
            #[doc = concat!(
                "```\n",
                "use ", $crate::names::doc_path!($ty), ";\n",
                $("assert_eq!(", stringify!($ty), "::", stringify!($v), ".as_str(), ", stringify!($name), ");\n",)+
                "for v in ", stringify!($ty), "::ALL {\n",
                "    assert_eq!(v.as_str().parse::<", stringify!($ty), ">()?, *v);\n",
                "}\n",
                "# Ok::<(), vardavtal::Error>(())\n",
                "```",
            )]
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$v => $name,)+ }
            }
        }
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::std::str::FromStr for $ty {
            type Err = $crate::finding::Error;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                match s {
                    $($name => Ok($ty::$v),)+
                    _ => Err($crate::names::unknown_name(stringify!($ty), s, &[$($name),+])),
                }
            }
        }
    };
}
pub(crate) use names;

/// The path by which a doctest of [`names!`] names the enum: the crate root's re-export,
/// else the module that has it.
macro_rules! doc_path {
    (Lang) => {
        "vardavtal::message::Lang"
    };
    (Mark) => {
        "vardavtal::across::Mark"
    };
    (Coverage) => {
        "vardavtal::allocation::Coverage"
    };
    (Payer) => {
        "vardavtal::agreement::Payer"
    };
    (ConditionKind) => {
        "vardavtal::agreement::ConditionKind"
    };
    ($ty:ident) => {
        concat!("vardavtal::", stringify!($ty))
    };
}
pub(crate) use doc_path;

/// The error for a name that is not one of an enum's.
pub(crate) fn unknown_name(what: &str, s: &str, names: &[&str]) -> crate::finding::Error {
    crate::message::templates::input::NAME_UNKNOWN
        .error(crate::finding::Loc::root())
        .with("value", s)
        .with("what", what)
        .with("names", names.join(", "))
        .into_error()
}

#[cfg(test)]
mod tests {
    use crate::agreement::{ComponentKind, Payer};
    use crate::finding::{Code, ErrorKind, Severity};
    use crate::reference::Level;

    #[test]
    fn names_round_trip_and_match_serde() -> Result<(), crate::Error> {
        for k in ComponentKind::ALL {
            assert_eq!(k.as_str().parse::<ComponentKind>()?, *k);
            assert_eq!(
                serde_json::to_value(k).ok(),
                Some(serde_json::json!(k.as_str()))
            );
        }
        for k in Payer::ALL {
            assert_eq!(
                serde_json::to_value(k).ok(),
                Some(serde_json::json!(k.to_string()))
            );
        }
        assert_eq!("warning".parse::<Severity>()?, Severity::Warning);
        assert_eq!(ErrorKind::Input.to_string(), "input");
        assert_eq!("regions".parse::<Level>()?, Level::Regions);
        let e = "town".parse::<Level>().unwrap_err();
        assert_eq!(e.code(), Code::InvalidValue);
        assert!(e.to_string().contains("regions, municipalities"));
        Ok(())
    }
}
