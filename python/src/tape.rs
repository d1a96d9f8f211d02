//! The contract's values of one document as a flat tape, written by a worker
//! thread without the GIL and read once by the thread that builds the
//! Python objects.
//!
//! A tree of `serde_json::Value` cost the workers an allocation per object,
//! key and string, kept every document's tree alive until the batch ended
//! (hundreds of MB of page faults), and was then freed again. A tape is two
//! buffers per document: the items in pre-order, and the text of every string
//! back to back. It is filled by serde from the same `Serialize` impls the
//! CLI prints with, so the two front ends cannot drift apart.

use std::fmt::{self, Write as _};

use serde::ser::{self, Serialize};

/// One value, or the head of a container whose members follow it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    /// A string: a range of [`Tape::text`].
    Str {
        start: u32,
        end: u32,
    },
    /// A string fixed at compile time: a struct's field name (its value
    /// follows) or an enum's label. The few distinct ones become one Python
    /// string each, shared by every object that uses them.
    Name(&'static str),
    /// A map or struct of this many entries; each is a key (`Name` or `Str`)
    /// followed by its value.
    Map(u32),
    /// A sequence of this many values.
    List(u32),
}

/// A serialized value: see the module docs.
#[derive(Debug, Default)]
pub struct Tape {
    pub items: Vec<Item>,
    pub text: String,
}

impl Tape {
    /// The tape of `value`.
    ///
    /// # Errors
    /// When `value` serializes something JSON has no form for (bytes, enum
    /// variants with data) or a string past 4 GiB of text.
    pub fn of(value: &impl Serialize) -> Result<Tape, Error> {
        let mut tape = Tape::default();
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    /// The string an [`Item::Str`] points to.
    pub fn str(&self, start: u32, end: u32) -> Option<&str> {
        self.text.get(start as usize..end as usize)
    }

    fn push_str(&mut self, s: &str) -> Result<(), Error> {
        let start = self.offset()?;
        self.text.push_str(s);
        let end = self.offset()?;
        self.items.push(Item::Str { start, end });
        Ok(())
    }

    fn offset(&self) -> Result<u32, Error> {
        u32::try_from(self.text.len()).map_err(|_| Error("strings past 4 GiB".into()))
    }

    /// Opens a container; its count is filled in as members arrive.
    fn open(&mut self, head: Item) -> Open<'_> {
        let at = self.items.len();
        self.items.push(head);
        Open { tape: self, at }
    }
}

/// Why a value has no tape.
#[derive(Debug, thiserror::Error)]
#[error("cannot serialize: {0}")]
pub struct Error(String);

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// A container being written: `at` is its head's index.
pub struct Open<'a> {
    tape: &'a mut Tape,
    at: usize,
}

impl Open<'_> {
    fn count(&mut self) {
        if let Some(Item::Map(n) | Item::List(n)) = self.tape.items.get_mut(self.at) {
            *n += 1;
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count();
        value.serialize(&mut *self.tape)
    }
}

fn unsupported<T>(what: &str) -> Result<T, Error> {
    Err(Error(format!("{what} has no JSON form here")))
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Open<'a>;
    type SerializeTuple = Open<'a>;
    type SerializeTupleStruct = Open<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Open<'a>;
    type SerializeStruct = Open<'a>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.items.push(Item::Bool(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.items.push(Item::Int(v));
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.items.push(Item::Uint(v));
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        // As serde_json prints them: a non-finite float is null.
        self.items.push(if v.is_finite() {
            Item::Float(v)
        } else {
            Item::Null
        });
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.push_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.push_str(v)
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        let start = self.offset()?;
        write!(self.text, "{value}").map_err(|e| Error(e.to_string()))?;
        let end = self.offset()?;
        self.items.push(Item::Str { start, end });
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        unsupported("a byte string")
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.items.push(Item::Null);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.items.push(Item::Name(variant));
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        unsupported("an enum variant with data")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Open<'a>, Error> {
        Ok(self.open(Item::List(0)))
    }
    fn serialize_tuple(self, _: usize) -> Result<Open<'a>, Error> {
        Ok(self.open(Item::List(0)))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Open<'a>, Error> {
        Ok(self.open(Item::List(0)))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        unsupported("an enum variant with data")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Open<'a>, Error> {
        Ok(self.open(Item::Map(0)))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Open<'a>, Error> {
        Ok(self.open(Item::Map(0)))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        unsupported("an enum variant with data")
    }
}

/// Sequences, tuples and tuple structs are all lists: each member counted
/// and written in turn.
macro_rules! list_like {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Open<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        }
    )*};
}

list_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.count();
        let before = self.tape.items.len();
        key.serialize(&mut *self.tape)?;
        match self.tape.items.get(before..) {
            Some([Item::Str { .. }]) => Ok(()),
            _ => unsupported("a map key that is not a string"),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeStruct for Open<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.count();
        self.tape.items.push(Item::Name(key));
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    struct Span {
        start: u32,
        end: u32,
    }

    #[test]
    fn containers_count_their_members_in_pre_order() {
        let value = (
            vec![Span { start: 1, end: 2 }],
            None::<u8>,
            "é",
            -3i8,
            1.5f64,
        );
        let Ok(tape) = Tape::of(&value) else {
            panic!("no tape")
        };
        assert_eq!(
            tape.items,
            [
                Item::List(5),
                Item::List(1),
                Item::Map(2),
                Item::Name("start"),
                Item::Uint(1),
                Item::Name("end"),
                Item::Uint(2),
                Item::Null,
                Item::Str { start: 0, end: 2 },
                Item::Int(-3),
                Item::Float(1.5),
            ]
        );
        assert_eq!(tape.str(0, 2), Some("é"));
    }

    #[test]
    fn map_keys_are_strings_and_others_are_refused() {
        let map: BTreeMap<&str, bool> = [("a", true)].into();
        let Ok(tape) = Tape::of(&map) else {
            panic!("no tape")
        };
        assert_eq!(
            tape.items,
            [
                Item::Map(1),
                Item::Str { start: 0, end: 1 },
                Item::Bool(true)
            ]
        );
        let numbers: BTreeMap<u8, bool> = [(1, true)].into();
        assert!(Tape::of(&numbers).is_err());
        assert!(Tape::of(&serde_bytes_like()).is_err());
    }

    /// A value that serializes as bytes, which JSON has no form for.
    fn serde_bytes_like() -> impl Serialize {
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"x")
            }
        }
        Bytes
    }

    #[test]
    fn display_values_are_written_into_the_text() {
        struct Date;
        impl Serialize for Date {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(&format_args!("{}-{:02}", 2017, 3))
            }
        }
        let Ok(tape) = Tape::of(&[Date, Date]) else {
            panic!("no tape")
        };
        assert_eq!(tape.text, "2017-032017-03");
        assert_eq!(tape.items[2], Item::Str { start: 7, end: 14 });
    }
}
