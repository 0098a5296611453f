//! Kinds and states stored as text: each is an enum converted to and from
//! its column in one place, here. Reading a value the enum does not know is
//! an error, never a guess.

/// Declares an enum stored in a `Text` column: its variants and their
/// stored words, `ALL`, `as_str`, `parse`, and diesel's conversions for
/// both backends.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$variant_meta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name { $($(#[$variant_meta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        $crate::db::text_column!($name);
    };
}

/// Diesel's conversions of an enum with `as_str` and `parse` to and from
/// a `Text` column, for an enum declared by hand (with
/// `#[derive(diesel::AsExpression, diesel::FromSqlRow)]` and
/// `#[diesel(sql_type = diesel::sql_types::Text)]`); [`text_enum`] uses it.
macro_rules! text_column {
    ($name:ident) => {
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                self.as_str().to_sql(out)
            }
        }

        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let text = String::from_sql(bytes)?;
                Self::parse(&text)
                    .ok_or_else(|| format!("unknown {} stored: {text:?}", stringify!($name)).into())
            }
        }
    };
}

pub(crate) use {text_column, text_enum};

#[cfg(test)]
mod tests {
    use diesel::prelude::*;
    use diesel::sql_types::Text;

    text_enum!(
        /// A test enum.
        Colour { Red => "red", Green => "green" }
    );

    fn read(text: &str) -> QueryResult<Colour> {
        let mut conn = diesel::SqliteConnection::establish(":memory:").expect("in memory");
        diesel::select(diesel::dsl::sql::<Text>(&format!("'{text}'"))).get_result(&mut conn)
    }

    #[test]
    fn a_stored_word_reads_back_as_its_variant_and_an_unknown_one_is_an_error() {
        assert_eq!(read("green").expect("known"), Colour::Green);
        let error = format!("{:?}", read("purple").expect_err("unknown"));
        assert!(
            error.contains("unknown Colour stored: \\\"purple\\\""),
            "{error}"
        );
        assert_eq!(Colour::parse(Colour::Red.as_str()), Some(Colour::Red));
    }
}
