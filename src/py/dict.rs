//! Python's `dict` (and the table under `set`): keys in insertion order, found by hash and
//! equality. Hashing and comparing keys is the caller's: the table stores each entry's hash and
//! asks an equality function when hashes match, so user-defined `__eq__` can take part.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::value::Value;

/// The hash is already a hash: no need to hash it again.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    /// Spread over all 64 bits: the table picks buckets with the low bits and tells keys apart
    /// with the top 7, which small numbers (symbols, small ints' hashes) leave at zero.
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n);
    }
}

type Index = HashMap<u64, Slots, BuildHasherDefault<IdentityHasher>>;

/// Entry positions sharing one hash (almost always one).
#[derive(Clone, Debug)]
enum Slots {
    One(usize),
    Many(Vec<usize>),
}

#[derive(Debug, Default)]
pub struct Dict {
    entries: Vec<Option<(u64, Value, Value)>>,
    index: Index,
    len: usize,
    /// For an object's `__dict__` or a module's `globals()`: the namespace that follows what is
    /// written here.
    owner: Option<DictOwner>,
}

/// The namespace a dict writes back to.
#[derive(Debug)]
pub enum DictOwner {
    Object(std::rc::Weak<super::value::Object>),
    Module(std::rc::Weak<super::value::Module>),
}

/// A dict's owner, still alive.
pub enum Namespace {
    Object(std::rc::Rc<super::value::Object>),
    Module(std::rc::Rc<super::value::Module>),
}

/// A copy is a dict of its own: it writes back to no object.
impl Clone for Dict {
    fn clone(&self) -> Dict {
        Dict {
            entries: self.entries.clone(),
            index: self.index.clone(),
            len: self.len,
            owner: None,
        }
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Makes this dict an object's `__dict__` or a module's namespace.
    pub fn set_owner(&mut self, owner: &Namespace) {
        self.owner = Some(match owner {
            Namespace::Object(o) => DictOwner::Object(std::rc::Rc::downgrade(o)),
            Namespace::Module(m) => DictOwner::Module(std::rc::Rc::downgrade(m)),
        });
    }

    pub fn owner(&self) -> Option<Namespace> {
        match self.owner.as_ref()? {
            DictOwner::Object(o) => o.upgrade().map(Namespace::Object),
            DictOwner::Module(m) => m.upgrade().map(Namespace::Module),
        }
    }

    pub fn has_owner(&self) -> bool {
        self.owner.is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Where `key` is, comparing with `eq` among the entries of the same hash.
    pub fn find<E>(
        &self,
        hash: u64,
        key: &Value,
        eq: &mut dyn FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let candidates: &[usize] = match self.index.get(&hash) {
            None => return Ok(None),
            Some(Slots::One(i)) => std::slice::from_ref(i),
            Some(Slots::Many(v)) => v,
        };
        for &i in candidates {
            if let Some((_, k, _)) = &self.entries[i] {
                if eq(k, key)? {
                    return Ok(Some(i));
                }
            }
        }
        Ok(None)
    }

    pub fn entry_value(&self, slot: usize) -> Option<&Value> {
        self.entries
            .get(slot)
            .and_then(|e| e.as_ref())
            .map(|e| &e.2)
    }

    pub fn set_at(&mut self, slot: usize, value: Value) {
        if let Some(Some(entry)) = self.entries.get_mut(slot) {
            entry.2 = value;
        }
    }

    /// Adds a key known to be absent.
    pub fn push(&mut self, hash: u64, key: Value, value: Value) {
        let slot = self.entries.len();
        self.entries.push(Some((hash, key, value)));
        self.len += 1;
        match self.index.get_mut(&hash) {
            None => {
                self.index.insert(hash, Slots::One(slot));
            }
            Some(slots) => match slots {
                Slots::One(first) => *slots = Slots::Many(vec![*first, slot]),
                Slots::Many(v) => v.push(slot),
            },
        }
    }

    /// Removes the entry at `slot`, returning its key and value.
    pub fn remove_at(&mut self, slot: usize) -> Option<(Value, Value)> {
        let (hash, key, value) = self.entries.get_mut(slot)?.take()?;
        self.len -= 1;
        let empty = match self.index.get_mut(&hash) {
            Some(Slots::One(_)) => true,
            Some(Slots::Many(v)) => {
                v.retain(|&i| i != slot);
                v.is_empty()
            }
            None => false,
        };
        if empty {
            self.index.remove(&hash);
        }
        if self.entries.len() > 32 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some((key, value))
    }

    fn compact(&mut self) {
        let entries = std::mem::take(&mut self.entries);
        self.index.clear();
        self.len = 0;
        for (hash, key, value) in entries.into_iter().flatten() {
            self.push(hash, key, value);
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|(_, k, v)| (k, v))
    }

    /// The entry at a raw position (iterators walk positions, skipping holes).
    pub fn at(&self, position: usize) -> Option<Option<(&Value, &Value)>> {
        self.entries
            .get(position)
            .map(|e| e.as_ref().map(|(_, k, v)| (k, v)))
    }

    pub fn raw_len(&self) -> usize {
        self.entries.len()
    }

    /// The last entry (for `popitem`).
    pub fn last_slot(&self) -> Option<usize> {
        self.entries.iter().rposition(Option::is_some)
    }

    pub fn first_slot(&self) -> Option<usize> {
        self.entries.iter().position(Option::is_some)
    }

    pub fn hash_at(&self, slot: usize) -> Option<u64> {
        self.entries.get(slot).and_then(|e| e.as_ref()).map(|e| e.0)
    }
}
