//! Python's unbounded integers beyond `i64`: sign and magnitude in base 2³², with the operations
//! programs use (arithmetic, floor division and modulo as Python defines them, powers, shifts,
//! bitwise operations, decimal text).

use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigInt {
    negative: bool,
    /// Little-endian 32-bit limbs, no trailing zeros (zero has none).
    limbs: Vec<u32>,
}

impl BigInt {
    pub fn zero() -> BigInt {
        BigInt {
            negative: false,
            limbs: Vec::new(),
        }
    }

    pub fn from_i64(x: i64) -> BigInt {
        let mut magnitude = x.unsigned_abs();
        let mut limbs = Vec::new();
        while magnitude > 0 {
            limbs.push(magnitude as u32);
            magnitude >>= 32;
        }
        BigInt {
            negative: x < 0,
            limbs,
        }
    }

    fn from_parts(negative: bool, mut limbs: Vec<u32>) -> BigInt {
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        BigInt {
            negative: negative && !limbs.is_empty(),
            limbs,
        }
    }

    pub fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// The value as an `i64`, when it fits.
    pub fn to_i64(&self) -> Option<i64> {
        if self.limbs.len() > 2 {
            return None;
        }
        let magnitude = self
            .limbs
            .iter()
            .rev()
            .fold(0u64, |acc, &l| (acc << 32) | u64::from(l));
        if self.negative {
            if magnitude <= 1u64 << 63 {
                Some((magnitude as i64).wrapping_neg())
            } else {
                None
            }
        } else {
            i64::try_from(magnitude).ok()
        }
    }

    /// The nearest `f64` (infinite when too large).
    pub fn to_f64(&self) -> f64 {
        // The top 64 significant bits, then a power of two: correctly rounded but for ties,
        // which is what programs here need.
        let bits = self.bit_length();
        let value = if bits <= 64 {
            self.limbs
                .iter()
                .rev()
                .fold(0u64, |acc, &l| (acc << 32) | u64::from(l)) as f64
        } else {
            let shift = bits - 64;
            let top = self.magnitude_shr(shift);
            let top = top
                .iter()
                .rev()
                .fold(0u64, |acc, &l| (acc << 32) | u64::from(l));
            // Keep a sticky bit so that rounding to 53 bits sees whether anything was cut.
            let sticky = u64::from(self.has_bits_below(shift));
            (top | sticky) as f64 * 2f64.powi(shift as i32)
        };
        if self.negative {
            -value
        } else {
            value
        }
    }

    fn has_bits_below(&self, shift: u64) -> bool {
        let whole = (shift / 32) as usize;
        let bits = (shift % 32) as u32;
        self.limbs[..whole.min(self.limbs.len())]
            .iter()
            .any(|&l| l != 0)
            || (bits > 0 && whole < self.limbs.len() && self.limbs[whole] & ((1 << bits) - 1) != 0)
    }

    /// The integer part of a finite float.
    pub fn from_f64(x: f64) -> BigInt {
        let negative = x < 0.0;
        let mut value = x.abs().trunc();
        if value < 1.0 {
            return BigInt::zero();
        }
        let (mantissa, exponent) = {
            let bits = value.to_bits();
            let exponent = ((bits >> 52) & 0x7ff) as i64 - 1075;
            let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
            (mantissa, exponent)
        };
        value = 0.0;
        let _ = value;
        let base = BigInt::from_i64(mantissa as i64);
        let magnitude = if exponent >= 0 {
            base.shl(exponent as u64)
        } else {
            base.shr((-exponent) as u64)
        };
        BigInt::from_parts(negative, magnitude.limbs)
    }

    pub fn bit_length(&self) -> u64 {
        match self.limbs.last() {
            None => 0,
            Some(&top) => (self.limbs.len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros()),
        }
    }

    pub fn neg(&self) -> BigInt {
        BigInt::from_parts(!self.negative, self.limbs.clone())
    }

    pub fn abs(&self) -> BigInt {
        BigInt::from_parts(false, self.limbs.clone())
    }

    fn cmp_magnitude(a: &[u32], b: &[u32]) -> Ordering {
        a.len()
            .cmp(&b.len())
            .then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }

    fn add_magnitude(a: &[u32], b: &[u32]) -> Vec<u32> {
        let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
        let mut out = Vec::with_capacity(long.len() + 1);
        let mut carry = 0u64;
        for i in 0..long.len() {
            let sum = u64::from(long[i]) + u64::from(*short.get(i).unwrap_or(&0)) + carry;
            out.push(sum as u32);
            carry = sum >> 32;
        }
        if carry > 0 {
            out.push(carry as u32);
        }
        out
    }

    /// `a - b` for `a ≥ b` in magnitude.
    fn sub_magnitude(a: &[u32], b: &[u32]) -> Vec<u32> {
        let mut out = Vec::with_capacity(a.len());
        let mut borrow = 0i64;
        for i in 0..a.len() {
            let mut diff = i64::from(a[i]) - i64::from(*b.get(i).unwrap_or(&0)) - borrow;
            borrow = 0;
            if diff < 0 {
                diff += 1 << 32;
                borrow = 1;
            }
            out.push(diff as u32);
        }
        out
    }

    pub fn add(&self, other: &BigInt) -> BigInt {
        if self.negative == other.negative {
            return BigInt::from_parts(
                self.negative,
                BigInt::add_magnitude(&self.limbs, &other.limbs),
            );
        }
        match BigInt::cmp_magnitude(&self.limbs, &other.limbs) {
            Ordering::Less => BigInt::from_parts(
                other.negative,
                BigInt::sub_magnitude(&other.limbs, &self.limbs),
            ),
            _ => BigInt::from_parts(
                self.negative,
                BigInt::sub_magnitude(&self.limbs, &other.limbs),
            ),
        }
    }

    pub fn sub(&self, other: &BigInt) -> BigInt {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &BigInt) -> BigInt {
        if self.is_zero() || other.is_zero() {
            return BigInt::zero();
        }
        let mut out = vec![0u32; self.limbs.len() + other.limbs.len()];
        for (i, &a) in self.limbs.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.limbs.iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            let mut k = i + other.limbs.len();
            while carry > 0 {
                let t = u64::from(out[k]) + carry;
                out[k] = t as u32;
                carry = t >> 32;
                k += 1;
            }
        }
        BigInt::from_parts(self.negative != other.negative, out)
    }

    /// Magnitude divided by a small number: quotient and remainder.
    fn divmod_small(limbs: &[u32], divisor: u32) -> (Vec<u32>, u32) {
        let mut out = vec![0u32; limbs.len()];
        let mut remainder = 0u64;
        for i in (0..limbs.len()).rev() {
            let current = (remainder << 32) | u64::from(limbs[i]);
            out[i] = (current / u64::from(divisor)) as u32;
            remainder = current % u64::from(divisor);
        }
        (out, remainder as u32)
    }

    /// Truncating division of magnitudes (schoolbook, bit by bit for long divisors).
    fn divmod_magnitude(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
        if BigInt::cmp_magnitude(a, b) == Ordering::Less {
            return (Vec::new(), a.to_vec());
        }
        if b.len() == 1 {
            let (q, r) = BigInt::divmod_small(a, b[0]);
            return (q, vec![r]);
        }
        let dividend = BigInt::from_parts(false, a.to_vec());
        let divisor = BigInt::from_parts(false, b.to_vec());
        let mut quotient = vec![0u32; a.len()];
        let mut remainder = BigInt::zero();
        for bit in (0..dividend.bit_length()).rev() {
            remainder = remainder.shl(1);
            if dividend.limbs[(bit / 32) as usize] >> (bit % 32) & 1 == 1 {
                remainder = remainder.add(&BigInt::from_i64(1));
            }
            if BigInt::cmp_magnitude(&remainder.limbs, &divisor.limbs) != Ordering::Less {
                remainder = remainder.sub(&divisor);
                quotient[(bit / 32) as usize] |= 1 << (bit % 32);
            }
        }
        (quotient, remainder.limbs)
    }

    /// Python's `divmod`: the quotient rounds toward −∞ and the remainder has the divisor's
    /// sign. `None` for a zero divisor.
    pub fn divmod(&self, other: &BigInt) -> Option<(BigInt, BigInt)> {
        if other.is_zero() {
            return None;
        }
        let (q, r) = BigInt::divmod_magnitude(&self.limbs, &other.limbs);
        let mut quotient = BigInt::from_parts(self.negative != other.negative, q);
        let mut remainder = BigInt::from_parts(self.negative, r);
        if !remainder.is_zero() && remainder.negative != other.negative {
            quotient = quotient.sub(&BigInt::from_i64(1));
            remainder = remainder.add(other);
        }
        Some((quotient, remainder))
    }

    pub fn pow(&self, mut exponent: u64) -> BigInt {
        let mut result = BigInt::from_i64(1);
        let mut base = self.clone();
        while exponent > 0 {
            if exponent & 1 == 1 {
                result = result.mul(&base);
            }
            exponent >>= 1;
            if exponent > 0 {
                base = base.mul(&base);
            }
        }
        result
    }

    fn magnitude_shr(&self, shift: u64) -> Vec<u32> {
        let whole = (shift / 32) as usize;
        let bits = (shift % 32) as u32;
        if whole >= self.limbs.len() {
            return Vec::new();
        }
        let mut out = Vec::with_capacity(self.limbs.len() - whole);
        for i in whole..self.limbs.len() {
            let low = self.limbs[i] >> bits;
            let high = if bits > 0 {
                self.limbs.get(i + 1).map_or(0, |&h| h << (32 - bits))
            } else {
                0
            };
            out.push(low | high);
        }
        out
    }

    pub fn shl(&self, shift: u64) -> BigInt {
        let whole = (shift / 32) as usize;
        let bits = (shift % 32) as u32;
        let mut out = vec![0u32; whole];
        let mut carry = 0u32;
        for &limb in &self.limbs {
            out.push((limb << bits) | carry);
            carry = if bits > 0 { limb >> (32 - bits) } else { 0 };
        }
        if carry > 0 {
            out.push(carry);
        }
        BigInt::from_parts(self.negative, out)
    }

    /// Arithmetic shift right (rounds toward −∞, as Python's `>>`).
    pub fn shr(&self, shift: u64) -> BigInt {
        if self.negative {
            // -((-x - 1) >> n) - 1
            let minus_one = BigInt::from_i64(-1);
            return self.neg().add(&minus_one).shr(shift).neg().add(&minus_one);
        }
        BigInt::from_parts(false, self.magnitude_shr(shift))
    }

    /// Two's complement limbs over `width` limbs (for the bitwise operators).
    fn twos(&self, width: usize) -> Vec<u32> {
        let mut limbs = self.limbs.clone();
        limbs.resize(width, 0);
        if self.negative {
            let mut carry = 1u64;
            for limb in &mut limbs {
                let v = u64::from(!*limb) + carry;
                *limb = v as u32;
                carry = v >> 32;
            }
        }
        limbs
    }

    fn from_twos(mut limbs: Vec<u32>) -> BigInt {
        let negative = limbs.last().is_some_and(|&l| l >> 31 == 1);
        if negative {
            let mut carry = 1u64;
            for limb in &mut limbs {
                let v = u64::from(!*limb) + carry;
                *limb = v as u32;
                carry = v >> 32;
            }
        }
        BigInt::from_parts(negative, limbs)
    }

    pub fn bitwise(&self, other: &BigInt, op: fn(u32, u32) -> u32) -> BigInt {
        let width = self.limbs.len().max(other.limbs.len()) + 1;
        let (a, b) = (self.twos(width), other.twos(width));
        BigInt::from_twos(a.iter().zip(&b).map(|(x, y)| op(*x, *y)).collect())
    }

    /// Decimal digits, with a `-` when negative.
    pub fn to_decimal(&self) -> String {
        if self.is_zero() {
            return "0".to_owned();
        }
        let mut chunks = Vec::new();
        let mut limbs = self.limbs.clone();
        while !limbs.is_empty() {
            let (q, r) = BigInt::divmod_small(&limbs, 1_000_000_000);
            chunks.push(r);
            limbs = q;
            while limbs.last() == Some(&0) {
                limbs.pop();
            }
        }
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        out.push_str(&chunks.pop().unwrap_or(0).to_string());
        for chunk in chunks.iter().rev() {
            out.push_str(&format!("{chunk:09}"));
        }
        out
    }

    /// Digits in `radix` (2 to 36), optionally signed: `None` when a character is not a digit.
    pub fn parse(text: &str, radix: u32) -> Option<BigInt> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        if digits.is_empty() {
            return None;
        }
        let mut value = BigInt::zero();
        let base = BigInt::from_i64(i64::from(radix));
        for c in digits.chars() {
            if c == '_' {
                continue;
            }
            let digit = c.to_digit(radix)?;
            value = value.mul(&base).add(&BigInt::from_i64(i64::from(digit)));
        }
        Some(BigInt::from_parts(negative, value.limbs))
    }

    /// The limbs of the magnitude, least significant first (`random.seed` keys on them).
    pub fn magnitude_words(&self) -> &[u32] {
        &self.limbs
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BigInt {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => BigInt::cmp_magnitude(&self.limbs, &other.limbs),
            (true, true) => BigInt::cmp_magnitude(&other.limbs, &self.limbs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> BigInt {
        BigInt::parse(text, 10).expect("digits")
    }

    #[test]
    fn arithmetic_matches_python() {
        let a = big("123456789012345678901234567890");
        let b = big("-987654321098765432109876543210");
        assert_eq!(a.add(&b).to_decimal(), "-864197532086419753208641975320");
        assert_eq!(
            a.mul(&b).to_decimal(),
            "-121932631137021795226185032733622923332237463801111263526900"
        );
        assert_eq!(
            BigInt::from_i64(2).pow(100).to_decimal(),
            "1267650600228229401496703205376"
        );
        // Python: divmod(-7, 2) == (-4, 1); divmod(7, -2) == (-4, -1)
        let (q, r) = BigInt::from_i64(-7)
            .divmod(&BigInt::from_i64(2))
            .expect("nonzero");
        assert_eq!((q.to_decimal(), r.to_decimal()), ("-4".into(), "1".into()));
        let (q, r) = a.divmod(&big("-98765432109876543")).expect("nonzero");
        assert_eq!(
            (q.to_decimal(), r.to_decimal()),
            ("-1249999988610".into(), "-61728117271607340".into())
        );
        assert_eq!(BigInt::from_i64(-5).shr(1).to_decimal(), "-3");
        assert_eq!(
            BigInt::from_i64(-6)
                .bitwise(&BigInt::from_i64(3), |x, y| x & y)
                .to_decimal(),
            "2"
        );
        assert_eq!(big("-9223372036854775808").to_i64(), Some(i64::MIN));
        assert_eq!(big("9223372036854775808").to_i64(), None);
        assert_eq!(BigInt::from_i64(2).pow(64).to_f64(), 18446744073709551616.0);
        assert_eq!(BigInt::from_f64(1e20).to_decimal(), "100000000000000000000");
        assert_eq!(
            BigInt::parse("ff", 16).map(|b| b.to_decimal()),
            Some("255".into())
        );
    }
}
