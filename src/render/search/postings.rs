//! The documents that hold one term, kept small: the index of 10,000 customers holds about
//! eight million of them at once. Ids ascend, so each is kept as its difference from the one
//! before, in LEB128 (seven bits a byte): most differences take one byte instead of four.

/// The ascending ids of the documents that hold one term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Postings {
    /// The differences, each as a LEB128 number (the first from 0).
    bytes: Vec<u8>,
    /// The last id, from which the next difference is taken.
    last: u32,
    /// How many ids.
    count: u32,
}

impl Postings {
    /// Adds `id`, unless it is the last one already; `id` is never below the last.
    pub fn push(&mut self, id: u32) {
        if self.count > 0 && self.last == id {
            return;
        }
        write_leb128(&mut self.bytes, id - if self.count == 0 { 0 } else { self.last });
        self.last = id;
        self.count += 1;
    }

    /// Adds the ids of `later`, all above the last one here.
    pub fn append(&mut self, later: Postings) {
        let mut rest = later.bytes.as_slice();
        let Some(first) = read_leb128(&mut rest) else { return };
        let count = self.count;
        self.push(first);
        self.bytes.extend_from_slice(rest);
        self.last = later.last;
        self.count = count + later.count - u32::from(self.count == count);
    }

    /// How many ids.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The differences between each id and the one before (the first as is), as the index's
    /// files write them.
    pub fn differences(&self) -> impl Iterator<Item = u32> + '_ {
        let mut rest = self.bytes.as_slice();
        std::iter::from_fn(move || read_leb128(&mut rest))
    }
}

/// Appends `n` to `out` in LEB128: seven bits a byte, low bits first, the high bit set on
/// every byte but the last.
fn write_leb128(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The LEB128 number at the start of `bytes`, which then start after it; `None` at the end.
fn read_leb128(bytes: &mut &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for (i, byte) in bytes.iter().enumerate() {
        n |= u32::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            *bytes = &bytes[i + 1..];
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(ids: &[u32]) -> Postings {
        let mut p = Postings::default();
        ids.iter().for_each(|id| p.push(*id));
        p
    }

    /// The ids of `p`, ascending: the differences added up.
    fn ids(p: &Postings) -> Vec<u32> {
        p.differences()
            .scan(0, |id, difference| {
                *id += difference;
                Some(*id)
            })
            .collect()
    }

    #[test]
    fn ids_come_back_as_they_went_in_at_every_width() {
        let all = [0, 1, 127, 128, 129, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, u32::MAX];
        let p = of(&all);
        assert_eq!(ids(&p), all);
        assert_eq!(p.len(), all.len());
        let widths: Vec<usize> = [127u32, 128, 16_383, 16_384, u32::MAX]
            .iter()
            .map(|n| {
                let mut out = Vec::new();
                write_leb128(&mut out, *n);
                out.len()
            })
            .collect();
        assert_eq!(widths, [1, 2, 2, 3, 5]);
    }

    #[test]
    fn the_same_id_twice_is_kept_once() {
        assert_eq!(ids(&of(&[0, 0, 3, 3, 3, 9])), [0, 3, 9]);
        assert_eq!(of(&[0, 0]).len(), 1);
    }

    #[test]
    fn differences_are_taken_from_the_id_before() {
        assert_eq!(of(&[5, 7, 200]).differences().collect::<Vec<_>>(), [5, 2, 193]);
    }

    #[test]
    fn appending_continues_the_differences() {
        let mut earlier = of(&[1, 4]);
        earlier.append(of(&[300, 301, 1000]));
        assert_eq!(earlier, of(&[1, 4, 300, 301, 1000]));
        let mut empty = Postings::default();
        empty.append(of(&[0, 2]));
        assert_eq!(empty, of(&[0, 2]));
        empty.append(Postings::default());
        assert_eq!(empty, of(&[0, 2]));
        empty.append(of(&[2, 5]));
        assert_eq!(empty, of(&[0, 2, 5]), "an id both hold is kept once");
        assert!(Postings::default().is_empty());
    }
}
