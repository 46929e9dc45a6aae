//! The message families both IP versions share: their fields, the accessors of their views and
//! their builders. Each version says which types they serve (the `Fields<V4>` impls in
//! [`v4`](crate::v4)); a family file knows nothing of another.
//!
//! | family | ICMPv4 types | file |
//! |---|---|---|
//! | echo (identifier, sequence, data) | 0, 8, and 15, 16 | `echo.rs` |
//! | extended echo (RFC 8335) | 42, 43 | `extended_echo.rs` |
//! | the quote and RFC 4884 extensions of errors | 3, 4, 5, 11, 12, 40 | `quoting.rs` |
//! | any type, as its common header | all others | `raw.rs` |

pub(crate) mod any;
pub(crate) mod build;
pub(crate) mod echo;
pub(crate) mod extended_echo;
pub(crate) mod quoting;
pub(crate) mod raw;
